from django.apps import AppConfig


class HardshipConfig(AppConfig):
    name = "haven.hardship"
    label = "hardship"
    verbose_name = "Hardship fund"

    def ready(self) -> None:
        from haven.casework.sections import register_case_section
        from haven.hardship import case_section

        register_case_section("hardship", case_section.build)
