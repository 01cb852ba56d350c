from django.urls import path

from haven.core.views import audit

app_name = "audit"
urlpatterns = [
    path("", audit.audit_list, name="list"),
    path("export/", audit.audit_export, name="export"),
    path("<str:object_type>/<str:object_id>/", audit.audit_record, name="record"),
]
