from django.urls import path

from haven.workforce import views

app_name = "workforce"
urlpatterns = [
    path("", views.index, name="index"),
    path("me/", views.mine, name="mine"),
    path("organisations/<uuid:organisation_id>/staff/new/", views.staff_add, name="staff_add"),
    path("organisations/<uuid:organisation_id>/figures/", views.figures, name="figures"),
    path("organisations/<uuid:organisation_id>/figures.csv", views.figures_csv, name="figures_csv"),
    path("staff/<uuid:staff_id>/", views.staff, name="staff"),
    path("staff/<uuid:staff_id>/supervision/", views.supervision_add, name="supervision_add"),
    path("staff/<uuid:staff_id>/vetting/", views.vetting_add, name="vetting_add"),
    path("staff/<uuid:staff_id>/training/", views.training_add, name="training_add"),
    path("staff/<uuid:staff_id>/sickness/", views.sickness_add, name="sickness_add"),
    path("staff/<uuid:staff_id>/equality/", views.equality, name="equality"),
    # the returns' drill-down: a record of the workforce opens its worker's record
    path("supervisions/<uuid:record_id>/", views.supervision, name="supervision"),
    path("absences/<uuid:record_id>/", views.absence, name="absence"),
    path("sessions/<uuid:record_id>/", views.session, name="session"),
    path("posts/<uuid:record_id>/", views.post, name="post"),
]
