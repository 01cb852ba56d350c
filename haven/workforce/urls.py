from django.urls import path

from haven.workforce.views import keeping, plan, records

app_name = "workforce"
urlpatterns = [
    path("", records.index, name="index"),
    path("me/", records.mine, name="mine"),
    path("organisations/<uuid:organisation_id>/staff/new/", records.staff_add, name="staff_add"),
    path("organisations/<uuid:organisation_id>/figures/", records.figures, name="figures"),
    path(
        "organisations/<uuid:organisation_id>/figures.csv",
        records.figures_csv,
        name="figures_csv",
    ),
    # the workforce plan (seed 004 s10)
    path("organisations/<uuid:organisation_id>/posts/", plan.posts, name="posts"),
    path("organisations/<uuid:organisation_id>/posts/new/", plan.post_add, name="post_add"),
    path("posts/<uuid:record_id>/edit/", plan.post_edit, name="post_edit"),
    path("posts/<uuid:record_id>/end/", plan.post_close, name="post_close"),
    # the training catalogue and sessions held
    path("organisations/<uuid:organisation_id>/courses/", keeping.courses, name="courses"),
    path(
        "organisations/<uuid:organisation_id>/courses/new/", keeping.course_add, name="course_add"
    ),
    path(
        "organisations/<uuid:organisation_id>/sessions/new/",
        keeping.session_add,
        name="session_add",
    ),
    path("staff/<uuid:staff_id>/", records.staff, name="staff"),
    path("staff/<uuid:staff_id>/supervision/", records.supervision_add, name="supervision_add"),
    path("staff/<uuid:staff_id>/vetting/", records.vetting_add, name="vetting_add"),
    path("staff/<uuid:staff_id>/training/", records.training_add, name="training_add"),
    path("staff/<uuid:staff_id>/sickness/", records.sickness_add, name="sickness_add"),
    path("staff/<uuid:staff_id>/equality/", records.equality, name="equality"),
    path("staff/<uuid:staff_id>/details/", keeping.staff_edit, name="staff_edit"),
    path("staff/<uuid:staff_id>/leaving/", keeping.staff_leave, name="staff_leave"),
    path("staff/<uuid:staff_id>/login/", keeping.staff_login, name="staff_login"),
    # the returns' drill-down: a record of the workforce opens its worker's record
    path("supervisions/<uuid:record_id>/", records.supervision, name="supervision"),
    path("absences/<uuid:record_id>/", records.absence, name="absence"),
    path("sessions/<uuid:record_id>/", records.session, name="session"),
    path("posts/<uuid:record_id>/", records.post, name="post"),
]
