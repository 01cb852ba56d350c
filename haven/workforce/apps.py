from django.apps import AppConfig


class WorkforceConfig(AppConfig):
    name = "haven.workforce"
    label = "workforce"
    verbose_name = "Workforce and volunteers"

    def ready(self) -> None:
        from haven.casework.allocation_hooks import register_allocation_check
        from haven.workforce.selectors import vetting_refusals

        # seed 002 Lot 1 s12, s15: a worker whose vetting has lapsed takes no new cases
        register_allocation_check(vetting_refusals)
