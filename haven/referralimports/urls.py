from django.urls import path

from haven.referralimports import views

app_name = "referralimports"
urlpatterns = [
    path("", views.run_list, name="run_list"),
    path("upload/", views.upload, name="upload"),
    path("<uuid:import_run_id>/", views.run_detail, name="run_detail"),
    path("<uuid:import_run_id>/errors.csv", views.error_report, name="error_report"),
]
