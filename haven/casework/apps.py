from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "haven.casework"
    label = "casework"

    def ready(self) -> None:
        from haven.casework import exit_section, referral_panel, waiting_section
        from haven.casework.sections import register_case_section
        from haven.referrals.panels import register_referral_panel

        register_case_section("casework.exits", exit_section.build)
        register_case_section("casework.waiting_list", waiting_section.build)
        register_referral_panel("casework.previously_supported", referral_panel.build)
