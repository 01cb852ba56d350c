"""Retention tests: a data protection officer in the personas' organisation, and people whose
cases closed long ago (reference.md s7: CASE+6, DOB+25, 6+ are local-practice defaults)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from haven.accounts.roles import Role
from haven.casework.models import CaseState
from haven.people.models import SafeContact
from haven.testing.casework import (
    CaseFactory,
    CaseNoteFactory,
    CaseworkPersonFactory,
    ReferralFactory,
)
from haven.testing.factories import MembershipFactory, UserFactory

LONG_AGO = dt.datetime(2018, 6, 1, 10, 0, tzinfo=dt.UTC)


@pytest.fixture
def dpo(personas: Any) -> Any:
    user = UserFactory()
    MembershipFactory(
        user=user, role=Role.DATA_PROTECTION_OFFICER, organisation=personas.organisation
    )
    return user


def closed_person(personas: Any, *, closed_at: dt.datetime = LONG_AGO, **person: Any) -> Any:
    """A person with one case on the personas' contract, closed at ``closed_at``, a note
    naming them, a safe contact and a referrer."""
    person.setdefault("date_of_birth", dt.date(1980, 5, 17))
    someone = CaseworkPersonFactory(
        organisation=personas.organisation,
        phone="07700 900456",
        email="synthetic.someone@example.org",
        address_line_1="12 Synthetic Road",
        **person,
    )
    referral = ReferralFactory(
        contract=personas.contract,
        person=someone,
        received_at=closed_at - dt.timedelta(days=90),
        referrer_name="Pat Referrer-Synthetic",
        referrer_contact="pat@example.org",
        presenting_need=f"{someone.given_name} needs support",
    )
    case = CaseFactory(
        contract=personas.contract,
        referral=referral,
        person=someone,
        state=CaseState.CLOSED,
        opened_at=closed_at - dt.timedelta(days=80),
        closed_at=closed_at,
        exit_type="planned",
        closure_reason=f"{someone.given_name} moved away",
    )
    CaseNoteFactory(case=case, text=f"Spoke to {someone.full_name} at 12 Synthetic Road")
    SafeContact.objects.create(
        person=someone, safe_phone="07700 900789", code_word="bluebell", safe_address="1 Safe St"
    )
    return someone
