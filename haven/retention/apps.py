from django.apps import AppConfig


class RetentionConfig(AppConfig):
    name = "haven.retention"
    label = "retention"
    verbose_name = "Retention, legal holds and erasure"
