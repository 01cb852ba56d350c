from django.apps import AppConfig


class ConsentConfig(AppConfig):
    name = "haven.consent"
    label = "consent"
    verbose_name = "Consent and information sharing"

    def ready(self) -> None:
        from haven.casework.sections import register_case_section
        from haven.consent import sections, signals
        from haven.people.sections import register_person_section

        register_person_section("consent", sections.person_section)
        register_case_section("consent", sections.case_section)
        signals.connect()
