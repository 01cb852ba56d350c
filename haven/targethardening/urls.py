from django.urls import URLPattern

app_name = "targethardening"

urlpatterns: list[URLPattern] = []
