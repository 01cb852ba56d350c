"""People services refuse implausible dates and text by field (issue 9 s4): birth dates from
1 January 1900 and not in the future, flags not starting or ending in the future."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError

from haven.people.models import Person, PersonFlag
from haven.people.services import flag_add, flag_end, harmer_add, person_create, person_update

TODAY = dt.date(2026, 7, 1)
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_today")]


@pytest.fixture
def _today():
    with time_machine.travel(dt.datetime(2026, 7, 1, 12, tzinfo=dt.UTC), tick=False):
        yield


def messages(error):
    return {field: [str(m) for m in found] for field, found in error.value.message_dict.items()}


@pytest.mark.parametrize(
    ("born", "message"),
    [
        (dt.date(1000, 1, 1), "Date of birth must be the same as or after 1 January 1900"),
        (dt.date(1899, 12, 31), "Date of birth must be the same as or after 1 January 1900"),
        (dt.date(2026, 7, 2), "Date of birth must be in the past"),
    ],
)
def test_a_person_born_out_of_bounds_is_refused(personas, born, message):
    count = Person.objects.count()
    with pytest.raises(ValidationError) as error:
        person_create(
            created_by=personas.caseworker,
            details={"given_name": "Alex", "family_name": "Example", "date_of_birth": born},
        )
    assert messages(error) == {"date_of_birth": [message]}
    assert Person.objects.count() == count


def test_born_on_1_january_1900_is_accepted(personas):
    person = person_create(
        created_by=personas.caseworker,
        details={"given_name": "Alex", "date_of_birth": dt.date(1900, 1, 1)},
    )
    assert person.date_of_birth == dt.date(1900, 1, 1)


def test_an_update_to_the_year_1000_is_refused(personas, person):
    with pytest.raises(ValidationError, match="1 January 1900"):
        person_update(
            person=person,
            updated_by=personas.caseworker,
            details={"date_of_birth": dt.date(1000, 5, 17)},
        )


def test_a_person_causing_harm_born_in_the_future_is_refused(personas, person):
    with pytest.raises(ValidationError, match="Date of birth must be in the past"):
        harmer_add(
            person=person,
            added_by=personas.caseworker,
            details={"given_name": "Sam", "date_of_birth": dt.date(2030, 1, 1)},
            relationship="ex_partner",
            lives_with_person=False,
        )


def test_a_flag_starting_in_the_future_or_before_1900_is_refused(personas, person):
    for started_on, message in [
        (dt.date(2026, 7, 2), "must be today or in the past"),
        (dt.date(1000, 1, 1), "must be the same as or after 1 January 1900"),
    ]:
        with pytest.raises(ValidationError, match=message):
            flag_add(
                person=person, added_by=personas.caseworker, kind="nrpf", started_on=started_on
            )
    assert not PersonFlag.objects.exists()


def test_a_flag_note_with_a_nul_character_is_refused(personas, person):
    with pytest.raises(ValidationError, match="null characters"):
        flag_add(
            person=person,
            added_by=personas.caseworker,
            kind="nrpf",
            started_on=TODAY,
            note="a\x00b",
        )


def test_a_flag_cannot_end_in_the_future(personas, person):
    flag = flag_add(person=person, added_by=personas.caseworker, kind="nrpf", started_on=TODAY)
    with pytest.raises(ValidationError, match="end date must be today or in the past"):
        flag_end(flag=flag, ended_by=personas.caseworker, ended_on=dt.date(9999, 12, 31))
