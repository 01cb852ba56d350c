from django.apps import AppConfig


class HousingConfig(AppConfig):
    name = "haven.housing"
    label = "housing"
    verbose_name = "Housing: tenure and Safe Home outcomes"
