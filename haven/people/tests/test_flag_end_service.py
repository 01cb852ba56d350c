"""flag_end: a flag ends on a date after it started; it is kept, never deleted."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from haven.core.models import AuditEvent
from haven.people.services import flag_end
from haven.testing.people import PersonFlagFactory


def test_it_ends_the_flag_and_audits_the_date(personas, person):
    flag = PersonFlagFactory(person=person, started_on=dt.date(2026, 1, 5))
    flag_end(flag=flag, ended_by=personas.caseworker, ended_on=dt.date(2026, 2, 1))
    flag.refresh_from_db()
    assert flag.ended_on == dt.date(2026, 2, 1)
    assert not flag.is_current
    assert AuditEvent.objects.get().changes == {"ended_on": [None, "2026-02-01"]}


def test_it_refuses_an_end_before_the_start(personas, person):
    flag = PersonFlagFactory(person=person, started_on=dt.date(2026, 1, 5))
    with pytest.raises(ValidationError):
        flag_end(flag=flag, ended_by=personas.caseworker, ended_on=dt.date(2026, 1, 4))


def test_it_refuses_to_end_a_flag_twice(personas, person):
    flag = PersonFlagFactory(person=person, ended_on=dt.date(2026, 2, 1))
    with pytest.raises(ValidationError):
        flag_end(flag=flag, ended_by=personas.caseworker, ended_on=dt.date(2026, 3, 1))
