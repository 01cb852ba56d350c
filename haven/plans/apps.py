from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "haven.plans"
    label = "plans"
    verbose_name = "Support and safety plans"

    def ready(self) -> None:
        from haven.casework.sections import register_case_section
        from haven.plans import case_section

        register_case_section("plans", case_section.build)
