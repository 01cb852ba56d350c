"""ADR 0008: restrict the cases of every household member of a person with a restricted case,
naming each case's allocated worker and the staff named on the person's restricted cases, with a
timeline entry saying why (nothing changes for anyone else)."""

from django.db import migrations
from django.utils import timezone

SUMMARY = "Restricted to named staff with a case in the household (ADR 0008, on upgrade)"


def restrict_with_the_household(apps, schema_editor):
    Case = apps.get_model("casework", "Case")
    CaseAccess = apps.get_model("casework", "CaseAccess")
    CaseEvent = apps.get_model("casework", "CaseEvent")
    HouseholdLink = apps.get_model("people", "HouseholdLink")
    restricted = Case.objects.filter(is_restricted=True)
    named_for: dict = {}
    for person_id, user_id in restricted.values_list("person_id", "accesses__user_id"):
        named_for.setdefault(person_id, set()).update({user_id} - {None})
    links = HouseholdLink.objects.filter(person_id__in=list(named_for)).values_list(
        "person_id", "member_id"
    )
    named_for_member: dict = {}
    for person_id, member_id in links:
        named_for_member.setdefault(member_id, set()).update(named_for[person_id])
    now = timezone.now()
    cases = Case.objects.filter(person_id__in=list(named_for_member), is_restricted=False)
    for case in cases.iterator():
        case.is_restricted = True
        case.save(update_fields=["is_restricted"])
        for user_id in named_for_member[case.person_id] | {case.allocated_to_id} - {None}:
            CaseAccess.objects.get_or_create(case=case, user_id=user_id)
        CaseEvent.objects.create(
            case=case,
            kind="restriction",
            occurred_at=now,
            summary=SUMMARY,
            object_type="casework.case",
            object_id=str(case.pk),
        )


class Migration(migrations.Migration):
    dependencies = [
        ("casework", "0005_restriction_follows_the_person"),
        ("people", "0001_initial"),
    ]

    operations = [migrations.RunPython(restrict_with_the_household, migrations.RunPython.noop)]
