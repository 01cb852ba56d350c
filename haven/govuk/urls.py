from django.urls import path

from haven.govuk import views

app_name = "govuk"

urlpatterns = [
    path("design-system/", views.design_system, name="design_system"),
    path("design-system/exit-this-page/", views.exit_this_page, name="exit_this_page"),
]
