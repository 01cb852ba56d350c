from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "haven.reporting"
    label = "reporting"
    verbose_name = "Returns and management information"

    def ready(self) -> None:
        # Registers every computation and breakdown, so profile validation knows their names;
        # and the reporting permissions (django-rules discovers only rules.py).
        from haven.reporting import (  # noqa: F401
            dimensions,
            measures,
            rules_quality,
            rules_signoff,
        )
