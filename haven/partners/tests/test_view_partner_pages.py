"""A partner's pages: their organisation's referrals with status only, and the form."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from haven.partners.models import PartnerReferral
from haven.referrals.models import DeclineCategory, Referral
from haven.referrals.services import referral_decline

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    data = {
        "given_name": "Sam",
        "family_name": "Synthetic",
        "date_of_birth-day": "3",
        "date_of_birth-month": "4",
        "date_of_birth-year": "1988",
        "town": "Leicester",
        "postcode": "LE2 1AA",
        "safe_phone": "07700 900456",
        "voicemail_allowed": "False",
        "texts_allowed": "True",
        "email_safe": "False",
        "letters": "never",
        "harmer_at_address": "no",
        "contact_method": "mobile_phone",
        "consent_to_contact": "yes",
        "primary_support_need": "da",
        "priority": "standard",
        "referrer_name": "PC Synthetic",
        "referrer_contact": "hub@example.org",
        "partner_reference": "CR-77",
    }
    data.update(overrides)
    return data


def refer_url(slug="victim-first-2018"):
    return reverse("partners:refer", args=[slug])


def test_a_partner_refers_and_sees_the_status(client, partner_user, police):
    client.force_login(partner_user)
    response = client.post(refer_url(), form_data())
    assert response.status_code == 302, response.content.decode()[:2000]
    referral = Referral.objects.get()
    # seed 002 s3.6: Victim First's partner agency route; entered by the partner user
    assert referral.route == "partner_agency"
    assert referral.entered_by == partner_user
    assert referral.source_organisation == police.name
    assert referral.person.safe_contact.safe_phone == "07700 900456"
    page = client.get(reverse("partners:home")).content.decode()
    assert "CR-77" in page
    assert "Received" in page
    # no person's details on the status list (the text, not a random form token's letters)
    assert not re.search(r"\bSam\b", re.sub(r"<[^>]*>", " ", page))


def test_a_declined_referral_shows_the_reason(client, partner_user, personas):
    client.force_login(partner_user)
    client.post(refer_url(), form_data())
    referral_decline(
        referral=Referral.objects.get(),
        declined_by=personas.service_manager,
        category=DeclineCategory.OUTSIDE_AREA,
        reason="Lives outside Leicestershire",
    )
    page = client.get(reverse("partners:home")).content.decode()
    assert "Declined" in page
    assert "Lives outside Leicestershire" in page


def test_a_partner_sees_only_their_own_organisations_referrals(
    client, partner_user, other_partner_user
):
    client.force_login(partner_user)
    client.post(refer_url(), form_data(partner_reference="OURS-1"))
    client.force_login(other_partner_user)
    page = client.get(reverse("partners:home")).content.decode()
    assert "OURS-1" not in page


def test_target_hardening_takes_referrals_only_from_its_referrers(
    client, partner_user, other_partner_user
):
    # seed 002 Lot 2 s1, s3.1: target hardening "will exclusively receive referrals from
    # these two victim support services": the police organisation finds no form for it
    client.force_login(partner_user)
    assert client.get(refer_url("target-hardening-2018")).status_code == 404
    client.force_login(other_partner_user)
    assert client.get(refer_url("target-hardening-2018")).status_code == 200


def test_a_bad_form_names_the_fields_and_saves_nothing(client, partner_user):
    client.force_login(partner_user)
    response = client.post(
        refer_url(),
        form_data(given_name="", **{"date_of_birth-year": str(timezone.localdate().year + 1)}),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Enter" in page or "must" in page
    assert Referral.objects.count() == 0
    assert PartnerReferral.objects.count() == 0


def test_staff_and_superusers_are_refused_the_partner_pages(client, personas, partner_user):
    for user in (personas.caseworker, personas.service_manager):
        client.force_login(user)
        assert client.get(reverse("partners:home")).status_code == 403


def test_the_home_page_sends_a_partner_to_their_referrals(client, partner_user):
    client.force_login(partner_user)
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("partners:home")


def test_a_partner_sees_only_partner_navigation(client, partner_user):
    client.force_login(partner_user)
    page = client.get(reverse("partners:home")).content.decode()
    assert "Your referrals" in page
    assert "Worklist" not in page
    assert "Manage staff" not in page


def test_issue_15_a_decision_shown_to_the_partner_is_recorded_once_as_a_share(
    client, partner_user, personas, police
):
    """reference.md s7: the decline told to the referring partner is a share, recorded in the
    share register once (the public task of returning the outcome, with that reason)."""
    from haven.consent.models import Share

    client.force_login(partner_user)
    client.post(refer_url(), form_data())
    client.get(reverse("partners:home"))
    assert not Share.objects.exists()  # still waiting: nothing the partner did not send
    referral = Referral.objects.get()
    referral_decline(
        referral=referral,
        declined_by=personas.service_manager,
        category=DeclineCategory.OUTSIDE_AREA,
        reason="Lives outside Leicestershire",
    )
    client.get(reverse("partners:home"))
    client.get(reverse("partners:home"))
    share = Share.objects.get()
    assert (share.kind, share.recipient, share.basis, share.person) == (
        "partner_status",
        police.name,
        "public_task",
        referral.person,
    )
    assert share.purpose == "Referral status: Declined"
