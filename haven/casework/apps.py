from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "haven.casework"
    label = "casework"
