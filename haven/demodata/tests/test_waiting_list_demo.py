"""`haven demo` builds a waiting list consistent with the profile's rules (issue 13; seed 003
s5, s7): an entry with a reason for every stay the journeys played, open exactly for the cases
still waiting, never for the cohorts that must not wait."""

import pytest

from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import Case, CaseEvent, CaseState, Task, WaitingListEntry
from haven.casework.services.waiting_list import CONTACT_ACTION, waiting_spec_of
from haven.demodata.tests.test_build_demo_data import provider  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db


def test_seed_003_s7_the_demo_waiting_list_follows_the_profile(provider):  # noqa: F811
    entries = WaitingListEntry.objects.filter(contract__provider=provider).select_related(
        "case", "case__referral", "contract"
    )
    joins = CaseEvent.objects.filter(
        case__contract__provider=provider,
        kind=CaseEventKind.STATE_CHANGED,
        data__to=CaseState.WAITING_LIST,
    )
    assert entries.count() == joins.count()
    could_wait = Case.objects.filter(
        contract__provider=provider,
        contract__slug="wokingham-da-2017",
        state__in=[CaseState.CONTACTING, CaseState.ENGAGED, CaseState.WAITING_LIST],
    )
    if could_wait.exists():  # a demo with an open Wokingham case shows a waiting list
        assert entries.filter(left_at__isnull=True).exists()
    for entry in entries:
        spec = waiting_spec_of(entry.contract)
        assert spec is not None
        assert spec.allowed
        cohorts = set(entry.case.referral.cohorts) if entry.case.referral else set()
        assert not cohorts & set(spec.exempt_cohorts)  # seed 003 s5, s7
        assert entry.reason
        assert (entry.left_at is None) == (entry.case.state == CaseState.WAITING_LIST)
        if entry.left_at is not None:
            assert entry.left_how
            assert entry.left_at >= entry.joined_at
    waiting = entries.filter(left_at__isnull=True).values("case_id")
    tasks = Task.objects.filter(action=CONTACT_ACTION, case_id__in=waiting, is_outstanding=True)
    assert tasks.count() == waiting.count()
