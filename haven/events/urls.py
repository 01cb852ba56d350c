from django.urls import path

from haven.events import views

app_name = "events"
urlpatterns = [
    path("", views.event_list, name="index"),
    path("events.csv", views.event_export, name="export"),
    path("new/", views.event_add, name="add"),
    path("import/", views.event_import, name="import"),
    path("<uuid:event_id>/", views.event_detail, name="detail"),
    path("<uuid:event_id>/edit/", views.event_edit, name="edit"),
    path("<uuid:event_id>/delivery/", views.event_deliver, name="deliver"),
    path("<uuid:event_id>/cancel/", views.event_cancellation, name="cancel"),
]
