from django.urls import path

from haven.outcomes import views

app_name = "outcomes"
urlpatterns = [
    path("cases/<uuid:case_id>/", views.history, name="history"),
    path("cases/<uuid:case_id>/new/", views.choose, name="choose"),
    path("cases/<uuid:case_id>/new/<slug:instrument>/<slug:stage>/", views.record, name="record"),
]
