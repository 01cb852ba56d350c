"""referral_create refuses implausible times and text by field (issue 9 s4), before saving."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from haven.referrals.models import Referral
from haven.referrals.services import referral_create
from haven.testing.casework import CaseworkPersonFactory
from haven.validators import NOTE_MAX_LENGTH

pytestmark = pytest.mark.django_db


def create(contract, person, user, **kwargs):
    values = {
        "route": "partner_agency",
        "received_at": timezone.now(),
        "consent_to_contact": True,
        "contact_method": "mobile_phone",
        "primary_support_need": "da",
    } | kwargs
    return referral_create(contract=contract, person=person, entered_by=user, **values)


@pytest.fixture
def vf(contract_for):
    return contract_for("victim-first-2018")


@pytest.fixture
def person(personas):
    return CaseworkPersonFactory(organisation=personas.organisation)


@pytest.mark.parametrize(
    ("received_at", "message"),
    [
        (
            dt.datetime(1000, 1, 1, tzinfo=dt.UTC),
            "Date and time the referral was received must be the same as or after 1 January 1900",
        ),
        (
            dt.datetime(9999, 12, 31, tzinfo=dt.UTC),
            "Date and time the referral was received must be the same as or before 31 December 2099",
        ),
        (
            timezone.now() + dt.timedelta(hours=1),
            "Date and time the referral was received must be in the past",
        ),
    ],
)
def test_an_implausible_received_time_is_refused(vf, person, personas, received_at, message):
    with pytest.raises(ValidationError) as error:
        create(vf, person, personas.caseworker, received_at=received_at)
    assert error.value.message_dict == {"received_at": [message]}
    assert not Referral.objects.exists()


def test_an_incident_in_the_year_1000_is_refused(vf, person, personas):
    with pytest.raises(ValidationError) as error:
        create(vf, person, personas.caseworker, incident_at=dt.datetime(1000, 1, 1, tzinfo=dt.UTC))
    assert list(error.value.message_dict) == ["incident_at"]


def test_over_long_presenting_need_is_refused(vf, person, personas):
    with pytest.raises(ValidationError, match="Presenting need must be 20,000 characters"):
        create(vf, person, personas.caseworker, presenting_need="x" * (NOTE_MAX_LENGTH + 1))


def test_a_referral_received_before_the_person_was_born_is_refused(vf, personas):
    person = CaseworkPersonFactory(
        organisation=personas.organisation, date_of_birth=dt.date(2000, 6, 1)
    )
    with pytest.raises(ValidationError) as error:
        create(vf, person, personas.caseworker, received_at=dt.datetime(1999, 1, 1, tzinfo=dt.UTC))
    assert error.value.message_dict == {
        "received_at": [
            "Date and time the referral was received must be the same as or after "
            "the person's date of birth"
        ]
    }
