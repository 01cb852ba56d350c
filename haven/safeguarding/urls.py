from django.urls import path

from haven.safeguarding import views

app_name = "safeguarding"
urlpatterns = [
    path("cases/<uuid:case_id>/", views.overview, name="overview"),
    path("cases/<uuid:case_id>/children/<uuid:child_id>/", views.child_edit, name="child"),
    path("cases/<uuid:case_id>/events/new/", views.event_add, name="event_add"),
    path("cases/<uuid:case_id>/events/<uuid:event_id>/", views.event_change, name="event_change"),
    path("cases/<uuid:case_id>/alerts/new/", views.alert_add, name="alert_add"),
    path("cases/<uuid:case_id>/alerts/<uuid:alert_id>/", views.alert_edit, name="alert_edit"),
    path("cases/<uuid:case_id>/think-family/new/", views.think_family, name="think_family"),
]
