from django.apps import AppConfig


class SubjectAccessConfig(AppConfig):
    name = "haven.subjectaccess"
    label = "subjectaccess"
    verbose_name = "Subject access requests"
