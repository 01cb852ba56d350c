from django.urls import path

from haven.support import views

app_name = "support"
urlpatterns = [
    path("cases/<uuid:case_id>/sessions/", views.session_list, name="list"),
    path("cases/<uuid:case_id>/sessions/new/", views.session_record, name="record"),
]
