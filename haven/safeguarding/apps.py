from django.apps import AppConfig


class SafeguardingConfig(AppConfig):
    name = "haven.safeguarding"
    label = "safeguarding"
    verbose_name = "Safeguarding"

    def ready(self) -> None:
        from haven.casework.sections import register_case_section
        from haven.safeguarding import case_section

        register_case_section("safeguarding", case_section.build)
