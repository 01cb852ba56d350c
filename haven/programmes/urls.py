from django.urls import path

from haven.programmes import views, views_case, views_register

app_name = "programmes"
urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.programme_new, name="programme_new"),
    path("<uuid:programme_id>/", views.programme_detail, name="programme"),
    path("<uuid:programme_id>/groups/new/", views.run_new, name="run_new"),
    path("groups/<uuid:run_id>/", views.run_detail, name="run"),
    path("groups/<uuid:run_id>/finish/", views.run_finish, name="run_finish"),
    path("groups/<uuid:run_id>/register/", views_register.session_new, name="register"),
    path(
        "groups/<uuid:run_id>/sessions/<uuid:session_id>/",
        views_register.session_detail,
        name="session",
    ),
    path("groups/<uuid:run_id>/creche/", views_register.creche_new, name="creche"),
    path(
        "groups/<uuid:run_id>/places/<uuid:enrolment_id>/contact/",
        views_register.place_contact,
        name="place_contact",
    ),
    path(
        "groups/<uuid:run_id>/places/<uuid:enrolment_id>/assessment/",
        views_register.place_assessment,
        name="place_assessment",
    ),
    path(
        "groups/<uuid:run_id>/places/<uuid:enrolment_id>/one-to-one/",
        views_register.one_to_one,
        name="one_to_one",
    ),
    path(
        "groups/<uuid:run_id>/places/<uuid:enrolment_id>/completed/",
        views_register.place_complete,
        name="place_complete",
    ),
    path(
        "groups/<uuid:run_id>/places/<uuid:enrolment_id>/left/",
        views_register.place_drop_out,
        name="place_drop_out",
    ),
    path("cases/<uuid:case_id>/enrol/", views_case.enrol, name="enrol"),
    path("cases/<uuid:case_id>/partner-liaison/", views_case.liaison_start, name="liaison_start"),
    path(
        "cases/<uuid:case_id>/partner-liaison/<uuid:liaison_id>/contact/",
        views_case.partner_contact,
        name="partner_contact",
    ),
]
