from django.urls import path

from haven.incidents.views import chronology, complaints, incidents

app_name = "incidents"
urlpatterns = [
    path("", incidents.register, name="register"),
    path("new/", incidents.incident_add, name="add"),
    path("<uuid:incident_id>/", incidents.incident_detail, name="detail"),
    path("<uuid:incident_id>/report/", incidents.incident_notify, name="notify"),
    path("<uuid:incident_id>/review/", incidents.incident_review, name="review"),
    path("cases/<uuid:case_id>/new/", incidents.case_incident_add, name="case_add"),
    path("cases/<uuid:case_id>/chronology.pdf", chronology.chronology_pdf, name="chronology"),
    path("complaints/", complaints.complaint_list, name="complaints"),
    path("complaints/new/", complaints.complaint_add, name="complaint_add"),
    path("complaints/<uuid:complaint_id>/", complaints.complaint_detail, name="complaint_detail"),
    path(
        "complaints/<uuid:complaint_id>/stages/<uuid:stage_id>/response/",
        complaints.stage_respond,
        name="stage_respond",
    ),
    path(
        "complaints/<uuid:complaint_id>/next-stage/",
        complaints.complaint_escalation,
        name="complaint_escalate",
    ),
    path(
        "complaints/<uuid:complaint_id>/outcome/",
        complaints.complaint_resolution,
        name="complaint_resolve",
    ),
    path("compliments/", complaints.compliment_list, name="compliments"),
    path("compliments/new/", complaints.compliment_add, name="compliment_add"),
]
