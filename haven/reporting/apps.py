from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "haven.reporting"
    label = "reporting"
    verbose_name = "Returns and management information"

    def ready(self) -> None:
        # Registers every computation, so profile validation knows their names.
        from haven.reporting import (
            measures,  # noqa: F401
            rules_quality,  # noqa: F401  (permissions)
            rules_signoff,  # noqa: F401  (sign-off permissions)
        )
