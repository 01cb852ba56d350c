from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "haven.plans"
    label = "plans"
    verbose_name = "Support and safety plans"
