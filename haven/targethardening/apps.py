from django.apps import AppConfig


class TargetHardeningConfig(AppConfig):
    name = "haven.targethardening"
    label = "targethardening"
    verbose_name = "Target hardening"
