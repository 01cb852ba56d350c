from django.apps import AppConfig


class RetentionConfig(AppConfig):
    name = "haven.retention"
    label = "retention"
    verbose_name = "Retention, legal holds and erasure"

    def ready(self) -> None:
        from haven.people.sections import register_person_section
        from haven.retention import checks, person_section

        del checks  # registered on import

        register_person_section("retention", person_section.build)
