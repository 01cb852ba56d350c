from django.apps import AppConfig


class TargetHardeningConfig(AppConfig):
    name = "haven.targethardening"
    label = "targethardening"
    verbose_name = "Target hardening"

    def ready(self) -> None:
        from haven.casework.sections import register_case_section
        from haven.targethardening import case_section

        register_case_section("targethardening", case_section.build)
