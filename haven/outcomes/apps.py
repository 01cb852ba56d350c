from django.apps import AppConfig


class OutcomesConfig(AppConfig):
    name = "haven.outcomes"
    label = "outcomes"
    verbose_name = "Outcomes"

    def ready(self) -> None:
        from haven.casework.sections import register_case_section
        from haven.outcomes import case_section

        register_case_section("outcomes", case_section.build)
