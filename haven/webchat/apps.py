from django.apps import AppConfig


class WebchatConfig(AppConfig):
    name = "haven.webchat"
    label = "webchat"
    verbose_name = "Secure web chat"
