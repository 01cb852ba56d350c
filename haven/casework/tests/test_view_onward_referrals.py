"""The onward referral and outcome pages (issue 11 item 4): the team picks an agency from the
directory (inactive ones are not offered) or names another; refusals land on their fields; the
case page shows each referral with its outcome and links to record it; outsiders find nothing."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from haven.casework.models import OnwardReferral
from haven.casework.services import onward_referral_record
from haven.casework.tests.directory_fixtures import an_agency

pytestmark = pytest.mark.django_db


def when(name, at=None):
    at = timezone.localtime(at or timezone.now() - dt.timedelta(minutes=5))
    return {
        f"{name}-day": at.day,
        f"{name}-month": at.month,
        f"{name}-year": at.year,
        f"{name}-hour": at.hour,
        f"{name}-minute": at.minute,
    }


def refer_url(case):
    return reverse("casework:onward_referral", args=[case.pk])


def outcome_url(referral):
    return reverse("casework:onward_referral_outcome", args=[referral.case_id, referral.pk])


@pytest.fixture
def referral(victim_first_case, personas):
    return onward_referral_record(
        case=victim_first_case,
        recorded_by=personas.caseworker,
        made_at=timezone.now() - dt.timedelta(days=2),
        consent=True,
        directory_agency=an_agency(personas.organisation),
        need_area="mental_health",
    )


def test_the_form_offers_active_directory_agencies_and_the_profiles_needs(
    client, victim_first_case, personas
):
    an_agency(personas.organisation)
    an_agency(personas.organisation, name="Synthetic Closed Service", is_active=False)
    client.force_login(personas.caseworker)
    body = client.get(refer_url(victim_first_case)).content.decode()
    assert "Synthetic Mind Service (Mental health)" in body
    assert "Synthetic Closed Service" not in body
    assert "Another agency, not in the directory" in body
    assert 'value="social_interactions"' in body  # seed 002 s3.9 areas


def test_a_caseworker_refers_to_a_directory_agency(client, victim_first_case, personas):
    agency = an_agency(personas.organisation)
    client.force_login(personas.caseworker)
    data = when("made_at") | {
        "kind": "referral",
        "directory_agency": str(agency.pk),
        "need_area": "mental_health",
        "consent": "yes",
    }
    response = client.post(refer_url(victim_first_case), data)
    assert response.status_code == 302
    referral = OnwardReferral.objects.get()
    assert (referral.directory_agency, referral.need_area) == (agency, "mental_health")


def test_another_agency_needs_its_name_and_type(client, victim_first_case, personas):
    an_agency(personas.organisation)
    client.force_login(personas.caseworker)
    data = when("made_at") | {"directory_agency": "other", "consent": "yes"}
    body = client.post(refer_url(victim_first_case), data).content.decode()
    assert "Enter the agency or service the survivor was referred to" in body
    assert "Select the type of agency or service" in body
    assert not OnwardReferral.objects.exists()


def test_no_consent_without_a_reason_is_refused_on_the_page(client, victim_first_case, personas):
    agency = an_agency(personas.organisation)
    client.force_login(personas.caseworker)
    data = when("made_at") | {"directory_agency": str(agency.pk), "consent": "no"}
    body = client.post(refer_url(victim_first_case), data).content.decode()
    assert "safeguarding reason for sharing without consent" in body
    assert "Select the lawful basis for sharing without consent" in body
    assert not OnwardReferral.objects.exists()
    data |= {"consent_override": "Synthetic: a child at risk of significant harm"}
    body = client.post(refer_url(victim_first_case), data).content.decode()
    assert "Select the lawful basis for sharing without consent" in body  # reference.md s7
    assert not OnwardReferral.objects.exists()
    data |= {"override_basis": "vital_interests"}
    assert client.post(refer_url(victim_first_case), data).status_code == 302
    referral = OnwardReferral.objects.get()
    assert (referral.consent, referral.override_basis) == (False, "vital_interests")


def test_reference_s7_the_page_offers_every_basis_but_consent_for_sharing_without_it(
    client, victim_first_case, personas
):
    client.force_login(personas.caseworker)
    body = client.get(refer_url(victim_first_case)).content.decode()
    for value in ("safeguarding", "vital_interests", "legal_obligation", "crime", "public_task"):
        assert f'name="override_basis" type="radio" value="{value}"' in body, value
    assert 'name="override_basis" type="radio" value="consent"' not in body


def test_the_case_page_shows_the_referral_and_links_to_its_outcome(client, referral, personas):
    client.force_login(personas.caseworker)
    body = client.get(reverse("casework:detail", args=[referral.case_id])).content.decode()
    assert 'id="onward-referrals"' in body
    assert "Awaiting a reply" in body
    assert outcome_url(referral) in body


def test_the_outcome_page_records_the_reply(client, referral, personas):
    client.force_login(personas.caseworker)
    assert client.get(outcome_url(referral)).status_code == 200
    data = when("outcome_at") | {"outcome": "accepted", "note": ""}
    response = client.post(outcome_url(referral), data)
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.outcome == "accepted"


def test_the_outcome_page_keeps_errors_on_the_fields(client, referral, personas):
    client.force_login(personas.caseworker)
    body = client.post(outcome_url(referral), when("outcome_at")).content.decode()
    assert "Select what happened to the referral" in body
    referral.refresh_from_db()
    assert referral.outcome == "awaiting"


@pytest.mark.parametrize("who", ["outsider", "other_provider_caseworker"])
def test_outsiders_find_nothing(client, referral, personas, who):
    client.force_login(getattr(personas, who))
    assert client.get(outcome_url(referral)).status_code == 404
    assert client.get(refer_url(referral.case)).status_code == 404


def test_a_commissioner_is_refused(client, referral, personas):
    client.force_login(personas.commissioner)
    assert client.get(outcome_url(referral)).status_code == 403
    assert client.get(refer_url(referral.case)).status_code == 403


def test_another_cases_referral_is_not_found_through_this_case(
    client, referral, personas, open_case
):
    other = open_case(referral.case.contract)
    client.force_login(personas.caseworker)
    url = reverse("casework:onward_referral_outcome", args=[other.pk, referral.pk])
    assert client.get(url).status_code == 404
