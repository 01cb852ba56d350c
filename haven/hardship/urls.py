from django.urls import URLPattern

app_name = "hardship"

urlpatterns: list[URLPattern] = []
