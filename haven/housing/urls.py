from django.urls import path

from haven.housing import views

app_name = "housing"
urlpatterns = [
    path("cases/<uuid:case_id>/", views.housing_detail, name="detail"),
    path("cases/<uuid:case_id>/entry/", views.housing_entry, name="entry"),
    path("cases/<uuid:case_id>/exit/", views.housing_exit, name="exit"),
    path("cases/<uuid:case_id>/outcomes/new/", views.outcome_add, name="outcome_add"),
]
