"""Partner tests: Victim First (seed 002 Lot 1) and target hardening (seed 002 Lot 2) delivered
by the personas' provider; a police team that refers to Victim First, Victim First's own
referrers for target hardening (seed 002 Lot 2 s1, s3.1), and a partner user of each."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from haven.partners.models import PartnerKind, PartnerOrganisation
from haven.partners.services import (
    api_token_create,
    partner_contract_link,
    partner_membership_grant,
)
from haven.testing.factories import UserFactory
from haven.testing.fixtures import profile_contract


@pytest.fixture
def vf_contract(personas: Any) -> Any:
    return profile_contract("victim-first-2018", personas.organisation)


@pytest.fixture
def th_contract(personas: Any) -> Any:
    return profile_contract("target-hardening-2018", personas.organisation)


@pytest.fixture
def police(vf_contract: Any) -> PartnerOrganisation:
    organisation = PartnerOrganisation.objects.create(
        name="Synthetic Constabulary Safeguarding Hub", kind=PartnerKind.POLICE
    )
    # seed 002 s3.6: Victim First takes partner agency referrals
    partner_contract_link(
        organisation=organisation, contract=vf_contract, route="partner_agency", linked_by=None
    )
    return organisation


@pytest.fixture
def victim_first_referrers(th_contract: Any) -> PartnerOrganisation:
    organisation = PartnerOrganisation.objects.create(
        name="Synthetic Victim First referrals", kind=PartnerKind.VICTIM_SUPPORT
    )
    # seed 002 Lot 2 s3.1: target hardening takes referrals only from the two services
    partner_contract_link(
        organisation=organisation, contract=th_contract, route="victim_first", linked_by=None
    )
    return organisation


@pytest.fixture
def partner_user(police: PartnerOrganisation) -> Any:
    user = UserFactory()
    partner_membership_grant(user=user, organisation=police, granted_by=None)
    return user


@pytest.fixture
def other_partner_user(victim_first_referrers: PartnerOrganisation) -> Any:
    user = UserFactory()
    partner_membership_grant(user=user, organisation=victim_first_referrers, granted_by=None)
    return user


@pytest.fixture
def new_token(police: PartnerOrganisation, vf_contract: Any, personas: Any) -> Any:
    return api_token_create(
        organisation=police,
        name="Synthetic police system",
        contracts=[vf_contract],
        expires_at=timezone.now() + timedelta(days=30),
        created_by=personas.administrator,
        rate_limit_per_minute=1000,
    )


@pytest.fixture
def api_headers(new_token: Any) -> dict[str, str]:
    return {"Authorization": f"Bearer {new_token.raw}"}


def referral_body(**overrides: Any) -> dict[str, Any]:
    """A synthetic person's referral as a partner system sends it."""
    body: dict[str, Any] = {
        "person": {
            "given_name": "Alex",
            "family_name": "Example",
            "date_of_birth": "1990-05-17",
            "town": "Leicester",
            "postcode": "LE1 1AA",
        },
        "safe_contact": {
            "safe_phone": "07700 900123",
            "safe_times": [{"days": [0, 1, 2], "start": "09:00", "end": "12:00"}],
            "voicemail_allowed": False,
            "texts_allowed": True,
            "letters": "never",
            "harmer_at_address": "no",
        },
        "consent_to_contact": True,
        "contact_method": "mobile_phone",
        "primary_support_need": "da",
        "referrer_name": "PC Synthetic",
        "referrer_contact": "hub@example.org",
        "partner_reference": "CR-0001",
    }
    body.update(overrides)
    return body
