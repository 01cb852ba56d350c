from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "haven.events"
    label = "events"
    verbose_name = "Training, awareness and community events"
