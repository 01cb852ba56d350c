from django.urls import path

from haven.handover import views

app_name = "handover"
urlpatterns = [
    path("", views.runs, name="runs"),
]
