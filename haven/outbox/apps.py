from django.apps import AppConfig


class OutboxConfig(AppConfig):
    name = "haven.outbox"
    label = "outbox"
    verbose_name = "Letters, email and text messages"
