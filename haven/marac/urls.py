from django.urls import path

from haven.marac import meeting_views, views

app_name = "marac"
urlpatterns = [
    path("cases/<uuid:case_id>/incident/", views.incident_add, name="incident_add"),
    path("cases/<uuid:case_id>/referrals/new/", views.referral_add, name="referral_add"),
    path(
        "cases/<uuid:case_id>/referrals/<uuid:referral_id>/",
        views.referral_detail,
        name="referral",
    ),
    path(
        "cases/<uuid:case_id>/referrals/<uuid:referral_id>/pdf/",
        views.referral_pdf,
        name="referral_pdf",
    ),
    path("meetings/", meeting_views.meeting_list, name="meetings"),
    path("meetings/data/", meeting_views.marac_data, name="data"),
    path("meetings/data/csv/", meeting_views.marac_data_csv, name="data_csv"),
    path("meetings/areas/new/", meeting_views.area_add, name="area_add"),
    path("meetings/new/", meeting_views.meeting_add, name="meeting_add"),
    path("meetings/<uuid:meeting_id>/", meeting_views.meeting_detail, name="meeting"),
    path("meetings/<uuid:meeting_id>/cases/new/", meeting_views.hearing_add, name="hearing_add"),
    path(
        "meetings/<uuid:meeting_id>/cases/<uuid:hearing_id>/actions/new/",
        meeting_views.action_add,
        name="action_add",
    ),
    path(
        "meetings/<uuid:meeting_id>/actions/<uuid:action_id>/",
        meeting_views.action_status,
        name="action_status",
    ),
]
