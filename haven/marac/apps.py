from django.apps import AppConfig


class MaracConfig(AppConfig):
    name = "haven.marac"
    label = "marac"
    verbose_name = "MARAC"

    def ready(self) -> None:
        from haven.casework.sections import register_case_section
        from haven.marac import case_section, services
        from haven.risk.hooks import on_assessment_completed

        register_case_section("marac", case_section.build)
        on_assessment_completed(services.marac_criteria_on_assessment)
