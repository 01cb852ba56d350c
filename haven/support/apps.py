from django.apps import AppConfig


class SupportConfig(AppConfig):
    name = "haven.support"
    label = "support"
    verbose_name = "Support sessions"

    def ready(self) -> None:
        from haven.casework.sections import register_case_section
        from haven.support import case_section

        register_case_section("support", case_section.build)
