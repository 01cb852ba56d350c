from django.apps import AppConfig


class ProceedingsConfig(AppConfig):
    name = "haven.proceedings"
    label = "proceedings"
    verbose_name = "Legal proceedings"

    def ready(self) -> None:
        from haven.casework.sections import register_case_section
        from haven.proceedings import case_section

        register_case_section("proceedings", case_section.build)
