from django.apps import AppConfig


class IncidentsConfig(AppConfig):
    name = "haven.incidents"
    label = "incidents"
    verbose_name = "Serious incidents, complaints and compliments"

    def ready(self) -> None:
        from haven.casework.sections import register_case_section
        from haven.incidents import case_section

        register_case_section("incidents", case_section.build)
