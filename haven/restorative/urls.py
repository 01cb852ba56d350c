from django.urls import path

from haven.restorative import views

app_name = "restorative"
urlpatterns = [
    path("", views.process_list, name="index"),
    path("cases/<uuid:case_id>/refer/", views.refer, name="refer"),
    path("cases/<uuid:case_id>/processes/<uuid:process_id>/step/", views.step, name="step"),
]
