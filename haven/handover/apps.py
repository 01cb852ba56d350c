from django.apps import AppConfig


class HandoverConfig(AppConfig):
    name = "haven.handover"
    label = "handover"
    verbose_name = "Handover export and import"
