"""child_add: a child is a Person with their own reference code, linked to the household."""

import datetime as dt
from unittest import mock

import pytest

from haven.people.models import HouseholdLink, Person
from haven.people.services import child_add


def _add(personas, person, **kwargs):
    return child_add(
        person=person,
        added_by=personas.caseworker,
        details={"given_name": "Kit", "date_of_birth": dt.date(2018, 6, 1)},
        relationship="child",
        **kwargs,
    )


def test_the_child_gets_their_own_reference_code(personas, person):
    link = _add(personas, person)
    assert link.member.reference_code != person.reference_code
    assert link.member.is_child
    assert link.member.organisation == person.organisation


def test_the_child_is_in_the_household(personas, person):
    link = _add(personas, person)
    assert list(person.household_links.all()) == [link]


def test_nothing_is_half_saved_when_the_link_fails(personas, person):
    with (
        mock.patch.object(HouseholdLink, "save", side_effect=RuntimeError("disk full")),
        pytest.raises(RuntimeError),
    ):
        _add(personas, person)
    assert Person.objects.count() == 1
