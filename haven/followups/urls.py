from django.urls import path

from haven.followups import views

app_name = "followups"
urlpatterns = [
    path(
        "cases/<uuid:case_id>/follow-ups/<uuid:task_id>/",
        views.follow_up_record,
        name="follow_up_record",
    ),
    path(
        "cases/<uuid:case_id>/follow-ups/contacts/<uuid:contact_id>/survey/",
        views.follow_up_survey,
        name="follow_up_survey",
    ),
    path("cases/<uuid:case_id>/surveys/<slug:occasion>/", views.survey_new, name="survey_new"),
    path("survey-team/", views.hand_off_list, name="hand_offs"),
    path("survey-team/export/", views.hand_off_export, name="hand_offs_export"),
    path("survey-team/<uuid:task_id>/pass/", views.hand_off_pass, name="hand_off_pass"),
]
