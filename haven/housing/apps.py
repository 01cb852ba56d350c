from django.apps import AppConfig


class HousingConfig(AppConfig):
    name = "haven.housing"
    label = "housing"
    verbose_name = "Housing: tenure and Safe Home outcomes"

    def ready(self) -> None:
        from haven.casework.sections import register_case_section
        from haven.housing import case_section

        register_case_section("housing", case_section.build)
