from django.apps import AppConfig


class RefugeConfig(AppConfig):
    name = "haven.refuge"
    label = "refuge"
    verbose_name = "Refuge and safe accommodation"
