from django.apps import AppConfig


class RiskConfig(AppConfig):
    name = "haven.risk"
    label = "risk"
    verbose_name = "Risk"

    def ready(self) -> None:
        from haven.casework.allocation_warnings import register_allocation_warning
        from haven.casework.sections import register_case_section
        from haven.risk import case_section
        from haven.risk.team_selectors import caseload_warnings

        register_case_section("risk", case_section.build)
        register_allocation_warning("risk_caseload", caseload_warnings)
