from django.apps import AppConfig


class ProceedingsConfig(AppConfig):
    name = "haven.proceedings"
    label = "proceedings"
    verbose_name = "Legal proceedings"
