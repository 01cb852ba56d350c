from django.apps import AppConfig


class SubjectAccessConfig(AppConfig):
    name = "haven.subjectaccess"
    label = "subjectaccess"
    verbose_name = "Subject access requests"

    def ready(self) -> None:
        from haven.people.sections import register_person_section
        from haven.subjectaccess import person_section

        register_person_section("subjectaccess", person_section.build)
