"""ADR 0006: restrict the other cases of every person who has a restricted case, naming each
case's allocated worker, with a timeline entry saying why (nothing changes for anyone else)."""

from django.db import migrations
from django.utils import timezone

SUMMARY = "Restricted to named staff with the person's other case (ADR 0006, on upgrade)"


def restrict_with_the_person(apps, schema_editor):
    Case = apps.get_model("casework", "Case")
    CaseAccess = apps.get_model("casework", "CaseAccess")
    CaseEvent = apps.get_model("casework", "CaseEvent")
    people = Case.objects.filter(is_restricted=True).values("person_id")
    now = timezone.now()
    for case in Case.objects.filter(person_id__in=people, is_restricted=False).iterator():
        case.is_restricted = True
        case.save(update_fields=["is_restricted"])
        if case.allocated_to_id is not None:
            CaseAccess.objects.get_or_create(case=case, user_id=case.allocated_to_id)
        CaseEvent.objects.create(
            case=case,
            kind="restriction",
            occurred_at=now,
            summary=SUMMARY,
            object_type="casework.case",
            object_id=str(case.pk),
        )


class Migration(migrations.Migration):
    dependencies = [("casework", "0004_case_restricted_person_index")]

    operations = [migrations.RunPython(restrict_with_the_person, migrations.RunPython.noop)]
