"""A partner agency's referrer in a real browser (issue 14 item 6): they arrive at their own
home, open the referral form for Victim First, send it with an error first (nothing saved),
then in full, and see the referral received on their list; once staff decline it, they see the
reason. axe (WCAG 2.2 AA) reports no violations on any page visited."""

import re

import pytest
from playwright.sync_api import expect

from haven.partners.models import PartnerKind, PartnerOrganisation
from haven.partners.services import partner_contract_link, partner_membership_grant
from haven.referrals.models import DeclineCategory, Referral
from haven.referrals.services import referral_decline
from haven.testing.browser import assert_accessible, sign_in, submit
from haven.testing.factories import UserFactory
from haven.testing.fixtures import profile_contract
from haven.testing.personas import build_personas

pytestmark = [pytest.mark.system, pytest.mark.django_db(transaction=True)]


def test_a_partner_refers_and_follows_the_status(live_server, page, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    personas = build_personas()
    contract = profile_contract("victim-first-2018", personas.organisation)
    police = PartnerOrganisation.objects.create(
        name="Synthetic Constabulary Hub", kind=PartnerKind.POLICE
    )
    # seed 002 s3.6: Victim First takes partner agency referrals
    partner_contract_link(
        organisation=police, contract=contract, route="partner_agency", linked_by=None
    )
    partner = UserFactory()
    partner_membership_grant(user=partner, organisation=police, granted_by=None)
    sign_in(page, live_server, partner)
    base = live_server.url

    # The home page sends a partner to their own referrals
    page.goto(f"{base}/")
    expect(page).to_have_url(f"{base}/partners/")
    assert_accessible(page)
    page.get_by_role("link", name=f"Refer someone to {contract.name}").click()
    assert_accessible(page)

    # An error first: nothing is saved, every problem is named
    submit(page, "Send referral")
    expect(page).to_have_title(re.compile(r"^Error:"))
    assert_accessible(page)
    assert not Referral.objects.exists()

    page.get_by_label("First name").fill("Robin")
    page.get_by_label("Last name").fill("Synthetic")
    page.get_by_label("Town or city (optional)").fill("Leicester")
    page.get_by_label("Safe phone number").fill("07700 900321")
    for name, value in (
        ("voicemail_allowed", "False"),
        ("texts_allowed", "True"),
        ("email_safe", "False"),
        ("letters", "never"),
        ("harmer_at_address", "no"),
        ("contact_method", "mobile_phone"),
        ("primary_support_need", "da"),
        ("consent_to_contact", "yes"),
    ):
        page.locator(f'input[name="{name}"][value="{value}"]').check()
    page.get_by_label("Your name").fill("PC Synthetic")
    page.get_by_label("Your phone number or email address").fill("hub@example.org")
    page.get_by_label("Your reference (optional)").fill("CR-BROWSER-1")
    submit(page, "Send referral")

    # Back on their list: received, with their reference
    expect(page).to_have_url(f"{base}/partners/")
    assert_accessible(page)
    row = page.locator("tr", has_text="CR-BROWSER-1")
    expect(row).to_contain_text("Received")
    referral = Referral.objects.get()
    assert referral.route == "partner_agency"

    # Staff decline it: the partner sees the reason, never the casework
    referral_decline(
        referral=referral,
        declined_by=personas.service_manager,
        category=DeclineCategory.ALREADY_SUPPORTED,
        reason="Already supported by another service",
    )
    page.reload()
    expect(row).to_contain_text("Declined")
    expect(row).to_contain_text("Already supported by another service")
    assert_accessible(page)
