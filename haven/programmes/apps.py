from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "haven.programmes"
    label = "programmes"
    verbose_name = "Groups and programmes"
