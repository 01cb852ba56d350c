"""Issue 13 item 13, as for the workbook: imported cases wait in the team's Unallocated queue,
or go to the top suggested worker when that is the team's rule (seed 002 Lot 1 s3.7)."""

from __future__ import annotations

import pytest

from haven.accounts.models import ImportAllocation, StaffProfile
from haven.casework.models import Case
from haven.casework.selectors_unallocated import unallocated_cases

from .files import POLICE_REORDERED

pytestmark = pytest.mark.django_db


def test_imported_cases_wait_in_the_teams_unallocated_queue(import_file, personas):
    import_file(POLICE_REORDERED)
    cases = Case.objects.filter(referral__source="file:police-daily")
    assert cases.count() == 3
    assert set(cases.values_list("team", flat=True)) == {personas.team.pk}
    assert not cases.filter(allocated_to__isnull=False).exists()
    queued = set(unallocated_cases(personas.team_leader).values_list("pk", flat=True))
    assert queued == set(cases.values_list("pk", flat=True))


def test_seed_002_s3_7_the_suggested_rule_allocates_imported_cases(import_file, personas):
    personas.team.import_allocation = ImportAllocation.SUGGESTED
    personas.team.save()
    StaffProfile.objects.create(user=personas.teammate, max_open_cases=30)
    StaffProfile.objects.create(user=personas.caseworker, max_open_cases=30)
    import_file(POLICE_REORDERED)
    cases = Case.objects.filter(referral__source="file:police-daily")
    assert cases.count() == 3
    assert not cases.filter(allocated_to__isnull=True).exists()
    for case in cases:
        assert case.events.get(kind="allocated").actor is None


def test_a_worker_named_by_the_caller_takes_every_case(import_file, personas):
    import_file(POLICE_REORDERED, allocated_to=personas.caseworker)
    cases = Case.objects.filter(referral__source="file:police-daily")
    assert set(cases.values_list("allocated_to", flat=True)) == {personas.caseworker.pk}
