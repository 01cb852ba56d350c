from django.urls import path

from haven.retention import views

app_name = "retention"
urlpatterns = [
    path("schedule/", views.schedule, name="schedule"),
    path("review/", views.queue, name="queue"),
    path("holds/", views.holds, name="holds"),
    path("people/<uuid:person_id>/holds/new/", views.hold_new, name="hold_new"),
    path("holds/<uuid:hold_id>/lift/", views.hold_lift, name="hold_lift"),
    path("erasure-requests/", views.requests, name="requests"),
    path("people/<uuid:person_id>/erasure-requests/new/", views.request_new, name="request_new"),
    path("erasure-requests/<uuid:request_id>/", views.request_detail, name="request_detail"),
]
