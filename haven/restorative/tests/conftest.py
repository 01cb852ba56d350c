"""Restorative justice tests: a Victim First case (seed 002 s3.10: its RJ offer) in the
personas' team, and a referral's form data."""

import datetime as dt

import pytest
from django.utils import timezone

from haven.testing.casework import CaseFactory
from haven.testing.fixtures import profile_contract, team_case

__all__ = ["team_case"]


@pytest.fixture
def vf_contract(personas):
    return profile_contract("victim-first-2018", personas.organisation)


@pytest.fixture
def vf_case(vf_contract, personas):
    return CaseFactory(contract=vf_contract, team=personas.team, allocated_to=personas.caseworker)


def referral_kwargs(personas, **changes):
    values = {
        "victim_requested": True,
        "requested_on": timezone.localdate() - dt.timedelta(days=2),
        "offender_admitted": True,
        "contact_type": "conference",
        "sensitive_offence": "none",
        "exceptional_justification": "",
        "facilitator": personas.teammate,
        "facilitator_experienced": False,
    }
    values.update(changes)
    return values


@pytest.fixture
def process(vf_case, personas):
    from haven.restorative.services import rj_referral_create

    return rj_referral_create(
        case=vf_case, referred_by=personas.caseworker, **referral_kwargs(personas)
    )
