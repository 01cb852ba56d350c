"""`housing_entry_record` and `housing_exit_record`: the tenure at entry and exit and the
destination (seed 001 Lot 2 s14 "housing tenure at entry and exit"), audited, on the timeline;
refused before anything is saved."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from haven.casework.models import CaseEvent, CaseState
from haven.core.models import AuditEvent
from haven.housing.models import HousingSituation
from haven.housing.services import housing_entry_record, housing_exit_record

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def test_seed_001_lot2_s14_tenure_at_entry_is_recorded_with_a_timeline_entry(
    safehome_case, personas
):
    situation = housing_entry_record(
        case=safehome_case, recorded_by=personas.caseworker, entry_tenure="social_rented_council"
    )
    situation.refresh_from_db()
    assert (situation.entry_tenure, situation.left_home_on) == ("social_rented_council", None)
    assert situation.independent_at_entry is True
    assert situation.independent_at_exit is None
    event = CaseEvent.objects.get(case=safehome_case, kind="housing_entry")
    assert event.summary == "Housing at entry: Social rented: council"
    assert event.data == {}
    audit = AuditEvent.objects.get(object_id=str(situation.pk), action="create")
    assert audit.changes["entry_tenure"] == [None, "social_rented_council"]


def test_recording_the_entry_again_corrects_it(entry, personas):
    again = housing_entry_record(
        case=entry.case, recorded_by=personas.teammate, entry_tenure="homeless"
    )
    assert again.pk == entry.pk
    assert HousingSituation.objects.get().entry_tenure == "homeless"
    assert AuditEvent.objects.filter(object_id=str(entry.pk), action="update").exists()


def test_an_unknown_tenure_or_a_future_leaving_date_is_refused(safehome_case, personas):
    with pytest.raises(ValidationError) as refused:
        housing_entry_record(
            case=safehome_case,
            recorded_by=personas.caseworker,
            entry_tenure="castle",
            left_home_on=TODAY() + dt.timedelta(days=1),
        )
    assert set(refused.value.message_dict) == {"entry_tenure", "left_home_on"}
    assert not HousingSituation.objects.exists()


def test_seed_001_lot2_s14_tenure_and_destination_at_exit(entry, personas):
    moved = TODAY() - dt.timedelta(days=3)
    situation = housing_exit_record(
        case=entry.case,
        recorded_by=personas.caseworker,
        exit_tenure="social_rented_ha",
        exit_destination="new_settled_home",
        settled_on=moved,
    )
    situation.refresh_from_db()
    assert (situation.exit_tenure, situation.exit_destination, situation.settled_on) == (
        "social_rented_ha",
        "new_settled_home",
        moved,
    )
    assert situation.independent_at_exit is True
    event = CaseEvent.objects.get(kind="housing_exit")
    assert event.summary == (
        "Housing at exit: Social rented: housing association (moved to a new settled home)"
    )


def test_the_exit_needs_the_entry_first(safehome_case, personas):
    with pytest.raises(ValidationError, match="entry first"):
        housing_exit_record(
            case=safehome_case,
            recorded_by=personas.caseworker,
            exit_tenure="refuge",
            exit_destination="refuge",
        )


def test_a_move_to_a_new_home_needs_its_date_not_before_leaving(entry, personas):
    with pytest.raises(ValidationError) as refused:
        housing_exit_record(
            case=entry.case,
            recorded_by=personas.caseworker,
            exit_tenure="private_rented",
            exit_destination="new_settled_home",
        )
    assert "settled_on" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        housing_exit_record(
            case=entry.case,
            recorded_by=personas.caseworker,
            exit_tenure="private_rented",
            exit_destination="new_settled_home",
            settled_on=entry.left_home_on - dt.timedelta(days=1),
        )
    assert "settled_on" in refused.value.message_dict


def test_an_unknown_destination_is_refused(entry, personas):
    with pytest.raises(ValidationError) as refused:
        housing_exit_record(
            case=entry.case,
            recorded_by=personas.caseworker,
            exit_tenure="other",
            exit_destination="the_moon",
        )
    assert set(refused.value.message_dict) == {"exit_destination"}


def test_a_closed_case_takes_no_housing(entry, personas):
    entry.case.state = CaseState.CLOSED
    entry.case.save()
    with pytest.raises(ValidationError, match="closed"):
        housing_exit_record(
            case=entry.case,
            recorded_by=personas.caseworker,
            exit_tenure="refuge",
            exit_destination="refuge",
        )
