"""Demo partner agencies (issue 14 items 6-7): a police safeguarding hub referring to Victim
First (seed 002 s3.6: partner agency referrals), Victim First's own referrers for target
hardening (seed 002 Lot 2 s1, s3.1: it "will exclusively receive referrals from these two victim
support services") and a housing team referring to Wokingham's service (seed 003 s7: referral
by professionals and partner agencies); a partner login, a few partner referrals made through
the partner services, and a fresh API token printed by `haven demo`.

Run by the demo command after the casework is built (the partner referrals are written by the
services, with new ids, so they stay out of the same-seed comparison of the build)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.utils import timezone

from haven.accounts.models import User
from haven.accounts.services import user_create
from haven.contracts.models import Contract
from haven.partners.models import (
    ApiToken,
    IdempotentRequest,
    PartnerKind,
    PartnerOrganisation,
    PartnerReferral,
)
from haven.partners.services import (
    api_token_create,
    api_token_revoke,
    partner_contract_link,
    partner_membership_grant,
    partner_referral_submit,
)

STREAM = 19  # this part's own random stream: seed + STREAM
PARTNER_EMAIL = "pat.partner@police.demo.haven.test"  # not a staff colleague
# (organisation, kind, [(contract slug, route)])
ORGANISATIONS: list[tuple[str, PartnerKind, list[tuple[str, str]]]] = [
    (
        "Leicestershire Police Safeguarding Hub (synthetic)",
        PartnerKind.POLICE,
        [("victim-first-2018", "partner_agency")],  # seed 002 s3.6
    ),
    (
        "Victim First referrals team (synthetic)",
        PartnerKind.VICTIM_SUPPORT,
        [("target-hardening-2018", "victim_first")],  # seed 002 Lot 2 s3.1
    ),
    (
        "Wokingham Borough housing options team (synthetic)",
        PartnerKind.HOUSING,
        [("wokingham-da-2017", "professional")],  # seed 003 s7
    ),
]
GIVEN = ["Alex", "Sam", "Jo", "Charlie", "Robin", "Morgan", "Jamie", "Kit"]
FAMILY = ["Example", "Sample", "Placeholder", "Synthetic", "Demo", "Testcase"]
NEEDS = ["da", "da", "da", "stalking", "hba"]
TOWNS = {
    "victim-first-2018": ("Leicester", "LE1 1AA"),
    "target-hardening-2018": ("Loughborough", "LE11 1AA"),
    "wokingham-da-2017": ("Wokingham", "RG40 1AA"),
}


@dataclass(frozen=True)
class PartnerDemo:
    email: str
    organisation: str
    token: str  # shown once
    token_organisation: str


def demo_partners_reset(organisation: Any) -> None:
    """Before the provider's referrals are deleted: the partner records that name them."""
    referrals = PartnerReferral.objects.filter(referral__contract__provider=organisation)
    IdempotentRequest.objects.filter(referral__contract__provider=organisation).delete()
    referrals.delete()


def _organisations(provider: Any) -> list[PartnerOrganisation]:
    made = []
    for name, kind, links in ORGANISATIONS:
        organisation, _ = PartnerOrganisation.objects.get_or_create(
            name=name, defaults={"kind": kind}
        )
        for slug, route in links:
            contract = Contract.objects.filter(slug=slug, provider=provider).first()
            if contract is not None:
                partner_contract_link(
                    organisation=organisation, contract=contract, route=route, linked_by=None
                )
        made.append(organisation)
    return made


def _referrals(organisation: PartnerOrganisation, user: User | None, rng: random.Random) -> None:
    for link in organisation.contract_links.select_related("contract"):
        contract = link.contract
        town, postcode = TOWNS.get(contract.slug, ("Leicester", "LE1 1AA"))
        methods = list(contract.profile.get("contact_methods") or ["mobile_phone"])
        for index in range(3):
            partner_referral_submit(
                organisation=organisation,
                contract=contract,
                submitted_by=user,
                person={
                    "given_name": rng.choice(GIVEN),
                    "family_name": rng.choice(FAMILY),
                    "town": town,
                    "postcode": postcode,
                },
                safe_contact={
                    "safe_phone": f"07700 900{rng.randint(100, 999)}",
                    "voicemail_allowed": False,
                    "texts_allowed": rng.random() < 0.5,
                    "harmer_at_address": "no",
                },
                details={
                    "referrer_name": "Synthetic referrer",
                    "referrer_contact": "referrals@example.org",
                    "contact_method": "mobile_phone" if "mobile_phone" in methods else methods[0],
                    # one without consent: declined at once with the reason (seed 002 s3.1)
                    "consent_to_contact": index != 2,
                    "primary_support_need": rng.choice(NEEDS),
                    "incident_at": timezone.now() - timedelta(hours=rng.randint(2, 20)),
                    "presenting_need": "Synthetic: referred after a reported incident",
                },
                partner_reference=f"DEMO-{rng.randint(1000, 9999)}",
            )


def build_demo_partners(*, organisation: Any, seed: int, password: str) -> PartnerDemo | None:
    """Partner organisations, the partner login (the police hub), their referrals (once) and a
    fresh API token for the police hub's system."""
    rng = random.Random(seed + STREAM)
    organisations = _organisations(organisation)
    police = organisations[0]
    if not police.contract_links.exists():
        return None
    user = User.objects.filter(email=PARTNER_EMAIL).first()
    if user is None:
        user = user_create(
            email=PARTNER_EMAIL, full_name="Pat Partner", password=password, created_by=None
        )
    partner_membership_grant(user=user, organisation=police, granted_by=None)
    for partner in organisations:
        if not PartnerReferral.objects.filter(organisation=partner).exists():
            _referrals(partner, user if partner == police else None, rng)
    for earlier in ApiToken.objects.filter(
        organisation=police, name="Demo police system", revoked_at__isnull=True
    ):
        api_token_revoke(token=earlier, revoked_by=None)  # a fresh token each run
    token = api_token_create(
        organisation=police,
        name="Demo police system",
        contracts=[link.contract for link in police.contract_links.select_related("contract")],
        expires_at=timezone.now() + timedelta(days=30),
        created_by=None,
    )
    return PartnerDemo(
        email=user.email, organisation=police.name, token=token.raw, token_organisation=police.name
    )
