from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "haven.casework"
    label = "casework"

    def ready(self) -> None:
        from haven.casework import exit_section
        from haven.casework.sections import register_case_section

        register_case_section("casework.exits", exit_section.build)
