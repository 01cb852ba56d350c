from django.apps import AppConfig


class HardshipConfig(AppConfig):
    name = "haven.hardship"
    label = "hardship"
    verbose_name = "Hardship fund"
