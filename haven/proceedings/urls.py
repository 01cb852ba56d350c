from django.urls import path

from haven.proceedings import views

app_name = "proceedings"
urlpatterns = [
    path("cases/<uuid:case_id>/", views.proceeding_list, name="list"),
    path("cases/<uuid:case_id>/new/", views.proceeding_add, name="add"),
    path(
        "cases/<uuid:case_id>/<uuid:proceeding_id>/outcome/",
        views.outcome_record,
        name="outcome",
    ),
]
