"""`child_record_save`: one record per child of the household on a case (seed 004 s6.5, s10
SC2/SC4; seed 003 s13 CIN/CP plans), audited, on the timeline; refused before anything is saved."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from haven.casework.models import CaseEvent, CaseState
from haven.core.models import AuditEvent
from haven.safeguarding.models import ChildRecord
from haven.safeguarding.services import child_record_save
from haven.testing.people import ChildFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def _save(case, child, personas, **fields):
    return child_record_save(case=case, child=child, recorded_by=personas.caseworker, **fields)


def test_it_records_the_childs_plans_and_voice(supported_case, child, personas):
    start = TODAY() - dt.timedelta(days=90)
    record = _save(
        supported_case,
        child,
        personas,
        school=" Synthetic Primary ",
        cp_plan_started_on=start,
        cp_plan_ended_on=start + dt.timedelta(days=60),
        cin_started_on=start + dt.timedelta(days=60),
        voice="I feel safe at nan's",
        voice_on=TODAY(),
    )
    record.refresh_from_db()
    assert record.school == "Synthetic Primary"
    assert (record.cp_plan_started_on, record.cin_ended_on) == (start, None)
    event = CaseEvent.objects.get(case=supported_case, kind="child_record")
    assert (event.object_id, event.data) == (str(record.pk), {})
    audit = AuditEvent.objects.get(object_id=str(record.pk), action="create")
    assert audit.changes["cp_plan_started_on"] == [None, start.isoformat()]
    assert "voice" not in audit.changes  # the child's words stay on the row


def test_saving_again_updates_the_one_record(supported_case, child, personas):
    _save(supported_case, child, personas, school="Synthetic Nursery")
    end = TODAY()
    _save(
        supported_case, child, personas, cin_started_on=end - dt.timedelta(days=5), cin_ended_on=end
    )
    assert ChildRecord.objects.count() == 1
    record = ChildRecord.objects.get()
    assert (record.school, record.cin_ended_on) == ("", end)
    assert AuditEvent.objects.filter(object_id=str(record.pk), action="update").exists()


def test_a_child_outside_the_household_is_refused(supported_case, personas):
    stranger = ChildFactory(organisation=supported_case.person.organisation)
    with pytest.raises(ValidationError, match="household"):
        _save(supported_case, stranger, personas)
    assert not ChildRecord.objects.exists()


def test_a_plan_ending_before_it_starts_is_refused(supported_case, child, personas):
    with pytest.raises(ValidationError) as refused:
        _save(
            supported_case,
            child,
            personas,
            cp_plan_started_on=TODAY(),
            cp_plan_ended_on=TODAY() - dt.timedelta(days=1),
        )
    assert "cp_plan_ended_on" in refused.value.message_dict
    assert not ChildRecord.objects.exists()


def test_an_end_without_a_start_and_a_future_start_are_refused(supported_case, child, personas):
    with pytest.raises(ValidationError) as refused:
        _save(
            supported_case,
            child,
            personas,
            cin_ended_on=TODAY(),
            looked_after_started_on=TODAY() + dt.timedelta(days=1),
        )
    assert set(refused.value.message_dict) == {"cin_started_on", "looked_after_started_on"}


def test_the_voice_needs_its_date(supported_case, child, personas):
    with pytest.raises(ValidationError) as refused:
        _save(supported_case, child, personas, voice="Synthetic words")
    assert refused.value.message_dict["voice_on"] == ["Enter the date the child said it"]


def test_a_closed_case_takes_no_record(supported_case, child, personas):
    supported_case.state = CaseState.CLOSED
    supported_case.save()
    with pytest.raises(ValidationError, match="closed"):
        _save(supported_case, child, personas)
    assert not ChildRecord.objects.exists()
