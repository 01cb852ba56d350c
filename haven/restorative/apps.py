from django.apps import AppConfig


class RestorativeConfig(AppConfig):
    name = "haven.restorative"
    label = "restorative"
    verbose_name = "Restorative justice"

    def ready(self) -> None:
        from haven.casework.sections import register_case_section
        from haven.restorative import case_section

        register_case_section("restorative", case_section.build)
