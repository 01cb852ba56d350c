from django.apps import AppConfig


class WorkforceConfig(AppConfig):
    name = "haven.workforce"
    label = "workforce"
    verbose_name = "Workforce and volunteers"
