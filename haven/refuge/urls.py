from django.urls import URLPattern

app_name = "refuge"

urlpatterns: list[URLPattern] = []
