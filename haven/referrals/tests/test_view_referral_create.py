"""New referral: choose the contract, then route, person by reference code and details."""

import pytest
from django.urls import reverse
from django.utils import timezone

from haven.referrals.models import Decision, Referral
from haven.testing.casework import CaseworkPersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def vf(contract_for):
    return contract_for("victim-first-2018")


def form_data(person, **overrides):
    now = timezone.localtime()
    data = {
        "route": "partner_agency",
        "received_via": "email",
        "reference_code": person.reference_code,
        "contact_method": "mobile_phone",
        "consent_to_contact": "yes",
        "primary_support_need": "da",
        "priority": "standard",
        "referrer_risk_level": "",
        "received_at-day": now.day,
        "received_at-month": now.month,
        "received_at-year": now.year,
        "received_at-hour": now.hour,
        "received_at-minute": now.minute,
    }
    return data | overrides


def test_choosing_a_contract_leads_to_its_form(client, vf, personas):
    client.force_login(personas.caseworker)
    assert vf.name in client.get(reverse("referrals:choose_contract")).content.decode()
    response = client.post(reverse("referrals:choose_contract"), {"contract": vf.pk})
    assert response.url == reverse("referrals:create", args=[vf.pk])


def test_a_caseworker_records_an_eligible_referral(client, vf, personas):
    person = CaseworkPersonFactory(organisation=personas.organisation, local_authority="Leicester")
    client.force_login(personas.caseworker)
    body = client.get(reverse("referrals:create", args=[vf.pk])).content.decode()
    assert "Partner agency referral form" in body
    response = client.post(reverse("referrals:create", args=[vf.pk]), form_data(person))
    referral = Referral.objects.get()
    assert response.url == reverse("referrals:detail", args=[referral.pk])
    assert referral.decision == Decision.PENDING
    assert referral.consent_to_contact


def test_a_lower_case_reference_code_with_spaces_finds_the_person(client, vf, personas):
    person = CaseworkPersonFactory(organisation=personas.organisation)
    client.force_login(personas.caseworker)
    code = person.reference_code.replace("-", " ").lower()
    client.post(reverse("referrals:create", args=[vf.pk]), form_data(person, reference_code=code))
    assert Referral.objects.get().person == person


def test_an_unknown_reference_code_is_an_error_on_the_field(client, vf, personas):
    person = CaseworkPersonFactory(organisation=personas.other_organisation)
    client.force_login(personas.caseworker)
    response = client.post(reverse("referrals:create", args=[vf.pk]), form_data(person))
    assert "No person has that reference code" in response.content.decode()
    assert not Referral.objects.exists()


def test_missing_answers_are_errors_and_nothing_is_saved(client, vf, personas):
    client.force_login(personas.caseworker)
    body = client.post(reverse("referrals:create", args=[vf.pk]), {}).content.decode()
    assert "Select how the referral arrived" in body
    assert "Enter the person’s reference code" in body
    assert not Referral.objects.exists()


def test_analysts_and_commissioners_cannot_create(client, vf, personas):
    for user in (personas.analyst, personas.commissioner):
        client.force_login(user)
        assert client.get(reverse("referrals:choose_contract")).status_code == 403
        assert client.get(reverse("referrals:create", args=[vf.pk])).status_code == 403


def test_another_providers_contract_is_not_found(client, personas):
    client.force_login(personas.caseworker)
    assert (
        client.get(reverse("referrals:create", args=[personas.other_contract.pk])).status_code
        == 404
    )


def test_a_person_chosen_from_their_page_is_filled_in(client, vf, personas):
    person = CaseworkPersonFactory(organisation=personas.organisation)
    client.force_login(personas.caseworker)
    response = client.post(
        f"{reverse('referrals:choose_contract')}?person={person.pk}", {"contract": vf.pk}
    )
    assert response.url.endswith(f"?person={person.pk}")
    body = client.get(response.url).content.decode()
    assert person.reference_code in body


def test_a_malformed_person_id_is_ignored(client, vf, personas):
    client.force_login(personas.caseworker)
    assert (
        client.get(reverse("referrals:create", args=[vf.pk]), {"person": "not-an-id"}).status_code
        == 200
    )


def test_dv360_needs_the_incident_time_because_its_clock_starts_there(
    client, contract_for, personas
):
    # seed 000 s5: phone within 24 hours of the incident
    dv360 = contract_for("opcc-dv360")
    person = CaseworkPersonFactory(organisation=personas.organisation)
    client.force_login(personas.caseworker)
    data = form_data(person, route="police_workbook")
    response = client.post(reverse("referrals:create", args=[dv360.pk]), data)
    assert "Enter the date and time of the incident" in response.content.decode()
    assert not Referral.objects.exists()


def test_an_incident_after_the_referral_is_an_error(client, vf, personas):
    person = CaseworkPersonFactory(organisation=personas.organisation)
    client.force_login(personas.caseworker)
    data = form_data(person) | {
        "received_at-day": 10,
        "received_at-month": 1,
        "received_at-year": 2026,
        "received_at-hour": 10,
        "received_at-minute": 0,
        "incident_at-day": 10,
        "incident_at-month": 1,
        "incident_at-year": 2026,
        "incident_at-hour": 11,
        "incident_at-minute": 0,
    }
    response = client.post(reverse("referrals:create", args=[vf.pk]), data)
    assert "The incident must be before the referral was received" in response.content.decode()
    assert not Referral.objects.exists()
