from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "haven.programmes"
    label = "programmes"
    verbose_name = "Groups and programmes"

    def ready(self) -> None:
        from haven.casework.sections import register_case_section
        from haven.outcomes.client_hooks import register_perpetrator_check
        from haven.programmes import case_section
        from haven.programmes.selectors import holds_perpetrator_place

        register_case_section("programmes", case_section.build)
        # seed 003 s13: the perpetrator outcome questions are asked of perpetrators only
        register_perpetrator_check(holds_perpetrator_place)
