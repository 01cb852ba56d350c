from django.apps import AppConfig


class RestorativeConfig(AppConfig):
    name = "haven.restorative"
    label = "restorative"
    verbose_name = "Restorative justice"
