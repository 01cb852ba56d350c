from django.apps import AppConfig


class OutboxConfig(AppConfig):
    name = "haven.outbox"
    label = "outbox"
    verbose_name = "Letters, email and text messages"

    def ready(self) -> None:
        from haven.casework.sections import register_case_section
        from haven.outbox import case_section

        register_case_section("outbox", case_section.build)
