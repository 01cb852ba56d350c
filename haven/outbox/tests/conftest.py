"""Outbox tests: Victim First cases (seed 002 s3.7, the same-day letter, email or text), a
person whose every channel is safe, and the offline Notify fake, emptied for each test."""

import datetime as dt

import pytest
from django.utils import timezone

from haven.outbox.notify import FAKE
from haven.people.models import SafeContact
from haven.testing.fixtures import contract_for, open_case, team_case

__all__ = ["contract_for", "open_case", "team_case"]

VICTIM_FIRST = "victim-first-2018"
SAFE_ADDRESS = "Flat 2, 10 Synthetic Lane\nExampletown\nEX1 2AB"
SAFE_PHONE = "07700 900123"
SAFE_EMAIL = "synthetic.person@example.org"


@pytest.fixture(autouse=True)
def fake_notify():
    FAKE.sent.clear()
    FAKE.status = "delivered"
    yield FAKE
    FAKE.sent.clear()


def make_safe(person, **overrides):
    """Every channel safe: a safe phone that takes texts, a safe email, a safe address."""
    email = overrides.pop("email", SAFE_EMAIL)
    person.email = email
    person.save(update_fields=["email"])
    values = {
        "safe_phone": SAFE_PHONE,
        "texts_allowed": True,
        "email_safe": True,
        "letters": "safe_address_only",
        "safe_address": SAFE_ADDRESS,
        "harmer_at_address": "no",
        **overrides,
    }
    SafeContact.objects.update_or_create(person=person, defaults=values)
    person.refresh_from_db()
    return person


@pytest.fixture
def vf_case(open_case, contract_for):
    """A Victim First case received an hour ago whose person chose `contact_method`."""

    def make(contact_method="email", safe=True):
        case = open_case(
            contract_for(VICTIM_FIRST),
            contact_method=contact_method,
            received_at=timezone.now() - dt.timedelta(hours=1),
        )
        if safe:
            make_safe(case.person)
        return case

    return make
