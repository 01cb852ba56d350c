"""Issue 13 item 13: imported police cases land in the team's Unallocated queue, or go to the
top suggested worker by the team's rule (seed 002 Lot 1 s3.7); none sits unallocated and
unseen."""

from __future__ import annotations

import pytest
from django.urls import reverse

from haven.accounts.models import ImportAllocation, StaffProfile
from haven.casework.models import Case
from haven.casework.selectors_unallocated import unallocated_cases
from haven.core.models import AuditEvent

from .conftest import series

pytestmark = pytest.mark.django_db


def test_an_imported_case_appears_in_the_teams_unallocated_queue(client, import_rows, personas):
    import_rows(series(4))
    cases = Case.objects.filter(referral__isnull=False)
    assert cases.count() == 2
    assert not cases.filter(allocated_to__isnull=False).exists()
    # the team's caseworkers and team leader see them in the queue, reached from the worklist
    for who in (personas.teammate, personas.team_leader):
        queued = set(unallocated_cases(who).values_list("pk", flat=True))
        assert queued == set(cases.values_list("pk", flat=True))
        client.force_login(who)
        assert 'id="unallocated-link"' in client.get(reverse("casework:worklist")).content.decode()
        page = client.get(reverse("casework:unallocated")).content.decode()
        for case in cases:
            assert reverse("casework:detail", args=[case.pk]) in page
        for case in cases:  # with their deadlines
            assert case.tasks.get().label in page
    # someone outside the team does not
    assert not unallocated_cases(personas.outsider).exists()


def test_seed_002_s3_7_the_suggested_rule_allocates_to_the_top_worker_as_the_system(
    import_rows, personas
):
    personas.team.import_allocation = ImportAllocation.SUGGESTED
    personas.team.save()
    StaffProfile.objects.create(user=personas.teammate, max_open_cases=30)
    StaffProfile.objects.create(user=personas.caseworker, max_open_cases=1)
    import_rows(series(4))
    cases = list(Case.objects.filter(referral__isnull=False))
    assert len(cases) == 2
    assert all(case.allocated_to is not None for case in cases)
    # seed 004 s9 caseloads: one to each, as whoever takes the first has less room after it
    # (the caseworker's maximum is 1: at capacity after one)
    assert {case.allocated_to for case in cases} == {personas.teammate, personas.caseworker}
    for case in cases:
        event = case.events.get(kind="allocated")
        assert event.actor is None
        assert event.summary.startswith("Allocated by the team's rule for imported cases")
        assert "cases" in event.summary  # the reasons, e.g. "0 of 30 cases"
        assert set(case.tasks.values_list("allocated_to", flat=True)) == {case.allocated_to_id}
        audit = AuditEvent.objects.get(object_id=str(case.pk), action="update")
        assert audit.actor is None
    assert not unallocated_cases(personas.team_leader).exists()


def test_the_queue_rule_is_the_default(personas):
    assert personas.team.import_allocation == ImportAllocation.QUEUE


def test_a_case_opened_from_a_decided_review_follows_the_teams_rule_too(
    import_rows, existing, personas
):
    from haven.workbook.models import IdentityReview
    from haven.workbook.services import review_new_person

    import_rows(series(3, victim="N5"))
    review = IdentityReview.objects.get()
    personas.team.import_allocation = ImportAllocation.SUGGESTED
    personas.team.save()
    referral = review_new_person(review=review, decided_by=personas.caseworker, team=personas.team)
    case = Case.objects.get(referral=referral)
    assert case.allocated_to is not None
    assert case.events.filter(kind="allocated", actor__isnull=True).exists()
