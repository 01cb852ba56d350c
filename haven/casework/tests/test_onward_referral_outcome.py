"""`onward_referral_outcome_record`: what the agency did with a referral (accepted, declined,
no reply) and when, audited with the old and new outcome and on the timeline; refused on a closed
case, before the referral was sent, in the future, or with an unknown outcome."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from haven.casework.models import CaseEvent, CaseState
from haven.casework.services import onward_referral_outcome_record, onward_referral_record
from haven.casework.tests.directory_fixtures import an_agency
from haven.core.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def referral(victim_first_case, personas):
    return onward_referral_record(
        case=victim_first_case,
        recorded_by=personas.caseworker,
        made_at=timezone.now() - dt.timedelta(days=3),
        consent=True,
        directory_agency=an_agency(personas.organisation),
        need_area="mental_health",
    )


def test_it_records_the_outcome_with_its_date(referral, personas):
    at = timezone.now() - dt.timedelta(days=1)
    onward_referral_outcome_record(
        referral=referral, recorded_by=personas.caseworker, outcome="accepted", outcome_at=at
    )
    referral.refresh_from_db()
    assert (referral.outcome, referral.outcome_at) == ("accepted", at)
    event = CaseEvent.objects.get(kind="onward_referral_outcome")
    assert event.summary == "Onward referral to Synthetic Mind Service: accepted"
    assert (event.object_id, event.occurred_at) == (str(referral.pk), at)
    audit = AuditEvent.objects.get(object_id=str(referral.pk), action="update")
    assert audit.changes["outcome"] == ["awaiting", "accepted"]


def test_a_later_reply_replaces_no_reply(referral, personas):
    for outcome, days in (("no_reply", 2), ("accepted", 1)):
        onward_referral_outcome_record(
            referral=referral,
            recorded_by=personas.caseworker,
            outcome=outcome,
            outcome_at=timezone.now() - dt.timedelta(days=days),
        )
    referral.refresh_from_db()
    assert referral.outcome == "accepted"
    assert CaseEvent.objects.filter(kind="onward_referral_outcome").count() == 2


@pytest.mark.parametrize(
    ("outcome", "days", "field"),
    [
        ("awaiting", 1, "outcome"),
        ("lost", 1, "outcome"),
        ("accepted", 4, "outcome_at"),  # before it was sent
        ("accepted", -2, "outcome_at"),  # in the future
    ],
)
def test_an_impossible_outcome_is_refused(referral, personas, outcome, days, field):
    with pytest.raises(ValidationError) as refused:
        onward_referral_outcome_record(
            referral=referral,
            recorded_by=personas.caseworker,
            outcome=outcome,
            outcome_at=timezone.now() - dt.timedelta(days=days),
        )
    assert field in refused.value.message_dict
    referral.refresh_from_db()
    assert referral.outcome == "awaiting"


def test_a_closed_case_takes_no_outcome(referral, personas):
    referral.case.state = CaseState.CLOSED
    referral.case.save()
    with pytest.raises(ValidationError, match="closed"):
        onward_referral_outcome_record(
            referral=referral,
            recorded_by=personas.caseworker,
            outcome="declined",
            outcome_at=timezone.now(),
        )
