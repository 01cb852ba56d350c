from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "haven.programmes"
    label = "programmes"
    verbose_name = "Groups and programmes"

    def ready(self) -> None:
        from haven.casework.sections import register_case_section
        from haven.programmes import case_section

        register_case_section("programmes", case_section.build)
