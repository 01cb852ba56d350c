"""`safe_home_outcome_record`: the Safe Home outputs of seed 001 Lot 2 s8, many per case; dates
in the future or before the case opened and "other" without its detail are refused."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from haven.casework.models import CaseEvent, CaseState
from haven.core.models import AuditEvent
from haven.housing.models import SafeHomeOutcome
from haven.housing.services import safe_home_outcome_record

pytestmark = pytest.mark.django_db


def _record(case, personas, **overrides):
    fields = {
        "case": case,
        "recorded_by": personas.caseworker,
        "kind": "own_home_secured",
        "achieved_on": timezone.localdate(),
    } | overrides
    return safe_home_outcome_record(**fields)


def test_seed_001_lot2_s8_an_outcome_is_recorded_with_a_timeline_entry(safehome_case, personas):
    outcome = _record(safehome_case, personas, kind="sanctuary")
    assert SafeHomeOutcome.objects.get() == outcome
    event = CaseEvent.objects.get(kind="safe_home_outcome")
    assert (event.object_id, event.summary) == (
        str(outcome.pk),
        "Safe Home outcome: sanctuary measures fitted",
    )
    audit = AuditEvent.objects.get(object_id=str(outcome.pk), action="create")
    assert audit.changes["kind"] == [None, "sanctuary"]


def test_many_outcomes_on_one_case(safehome_case, personas):
    _record(safehome_case, personas)
    _record(safehome_case, personas, kind="homelessness_application")
    assert SafeHomeOutcome.objects.filter(case=safehome_case).count() == 2


def test_seed_001_lot2_s8_other_housing_solution_needs_its_detail(safehome_case, personas):
    with pytest.raises(ValidationError) as refused:
        _record(safehome_case, personas, kind="other", detail="   ")
    assert refused.value.message_dict["detail"] == [
        "Enter the detail of the other housing solution"
    ]
    other = _record(safehome_case, personas, kind="other", detail=" Lodging with a charity ")
    assert other.detail == "Lodging with a charity"


def test_a_date_in_the_future_or_before_the_case_opened_is_refused(safehome_case, personas):
    opened = timezone.localdate(safehome_case.opened_at)
    for day in (timezone.localdate() + dt.timedelta(days=1), opened - dt.timedelta(days=1)):
        with pytest.raises(ValidationError) as refused:
            _record(safehome_case, personas, achieved_on=day)
        assert "achieved_on" in refused.value.message_dict
    assert _record(safehome_case, personas, achieved_on=opened).achieved_on == opened


def test_an_unknown_kind_is_refused(safehome_case, personas):
    with pytest.raises(ValidationError) as refused:
        _record(safehome_case, personas, kind="castle")
    assert "kind" in refused.value.message_dict
    assert not SafeHomeOutcome.objects.exists()


def test_a_closed_case_takes_no_outcome(safehome_case, personas):
    safehome_case.state = CaseState.CLOSED
    safehome_case.save()
    with pytest.raises(ValidationError, match="closed"):
        _record(safehome_case, personas)
