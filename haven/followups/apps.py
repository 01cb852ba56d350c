from django.apps import AppConfig


class FollowupsConfig(AppConfig):
    name = "haven.followups"
    label = "followups"
    verbose_name = "Follow-ups and satisfaction"

    def ready(self) -> None:
        from haven.casework.sections import register_case_section
        from haven.followups import case_section

        register_case_section("followups", case_section.build)
