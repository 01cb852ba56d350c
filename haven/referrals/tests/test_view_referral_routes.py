"""Staff-entered routes end to end through the form: partner agency, self-referral by phone,
email or at a community event, helpline call, third party and police entered by hand; the
profile decides eligibility (declined ones are kept with the reason) and repeats are flagged."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from haven.referrals.models import Decision, Referral
from haven.referrals.tests.test_view_referral_create import form_data
from haven.testing.casework import CaseworkPersonFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("slug", "route", "received_via"),
    [
        ("victim-first-2018", "partner_agency", "referral_form"),
        ("victim-first-2018", "self_referral", "phone"),
        ("victim-first-2018", "self_referral", "email"),
        ("victim-first-2018", "self_referral", "community_event"),
        ("victim-first-2018", "police", "phone"),
        ("leicester-victim-survivor-2012", "self_referral", "helpline_call"),
        ("leicester-victim-survivor-2012", "third_party", "phone"),
    ],
)
def test_each_staff_entered_route_is_recorded_with_how_it_arrived(
    client, contract_for, personas, slug, route, received_via
):
    contract = contract_for(slug)
    person = CaseworkPersonFactory(organisation=personas.organisation, local_authority="Leicester")
    client.force_login(personas.caseworker)
    data = form_data(person, route=route, received_via=received_via, source_organisation="Synth")
    response = client.post(reverse("referrals:create", args=[contract.pk]), data)
    referral = Referral.objects.get()
    assert response.url == reverse("referrals:detail", args=[referral.pk])
    assert (referral.route, referral.received_via) == (route, received_via)
    assert referral.source_organisation == "Synth"
    body = client.get(response.url).content.decode()
    assert referral.get_received_via_display() in body


def test_the_incident_time_and_referrers_indicators_are_kept(client, contract_for, personas):
    contract = contract_for("victim-first-2018")
    person = CaseworkPersonFactory(organisation=personas.organisation)
    incident = timezone.localtime() - dt.timedelta(days=1)
    data = form_data(
        person,
        route="police",
        received_via="police_notification",
        referrer_risk_level="high",
        risk_indicators="Synthetic: threats to kill",
        presenting_need="Synthetic need",
        primary_support_need="stalking",
        contact_method="in_person",
        **{
            "incident_at-day": incident.day,
            "incident_at-month": incident.month,
            "incident_at-year": incident.year,
            "incident_at-hour": incident.hour,
            "incident_at-minute": incident.minute,
        },
    )
    client.force_login(personas.caseworker)
    client.post(reverse("referrals:create", args=[contract.pk]), data)
    referral = Referral.objects.get()
    assert referral.incident_at is not None
    assert (referral.referrer_risk_level, referral.primary_support_need) == ("high", "stalking")
    assert referral.risk_indicators == "Synthetic: threats to kill"
    assert referral.contact_method == "in_person"


def test_a_police_notification_needs_the_incident_time(client, contract_for, personas):
    contract = contract_for("victim-first-2018")
    person = CaseworkPersonFactory(organisation=personas.organisation)
    client.force_login(personas.caseworker)
    data = form_data(person, route="police", received_via="police_notification")
    response = client.post(reverse("referrals:create", args=[contract.pk]), data)
    assert "Enter the date and time of the incident" in response.content.decode()
    assert not Referral.objects.exists()


def test_the_contact_methods_offered_are_the_profiles(client, contract_for, personas):
    # opcc-dv360 profile contact_methods: phones and in person only (seed 000 s5)
    contract = contract_for("opcc-dv360")
    client.force_login(personas.caseworker)
    body = client.get(reverse("referrals:create", args=[contract.pk])).content.decode()
    assert 'value="mobile_phone"' in body
    assert 'value="sms"' not in body


def test_an_ineligible_referral_is_declined_with_the_reason_shown_and_kept(
    client, contract_for, personas
):
    contract = contract_for("victim-first-2018")  # seed 002 s3.1: LLR only
    person = CaseworkPersonFactory(organisation=personas.organisation, local_authority="Cornwall")
    client.force_login(personas.caseworker)
    response = client.post(reverse("referrals:create", args=[contract.pk]), form_data(person))
    referral = Referral.objects.get()
    assert referral.decision == Decision.DECLINED
    body = client.get(response.url).content.decode()
    assert "Declined" in body
    assert "Cornwall is not covered" in body
    listing = client.get(reverse("referrals:list") + "?decision=declined").content.decode()
    assert person.reference_code in listing


def test_a_second_referral_within_12_months_is_flagged_repeat(client, contract_for, personas):
    contract = contract_for("victim-first-2018")
    person = CaseworkPersonFactory(organisation=personas.organisation)
    client.force_login(personas.caseworker)
    url = reverse("referrals:create", args=[contract.pk])
    client.post(url, form_data(person))
    response = client.post(url, form_data(person, received_via="phone"))
    second = Referral.objects.get(pk=response.url.rstrip("/").split("/")[-1])
    assert second.is_repeat
    assert "Repeat referral" in client.get(response.url).content.decode()


def test_a_missing_answer_keeps_the_others_and_saves_nothing(client, contract_for, personas):
    contract = contract_for("victim-first-2018")
    person = CaseworkPersonFactory(organisation=personas.organisation)
    client.force_login(personas.caseworker)
    data = form_data(person)
    del data["received_via"]
    response = client.post(reverse("referrals:create", args=[contract.pk]), data)
    body = response.content.decode()
    assert "Select how the referral was received" in body
    assert person.reference_code in body
    assert not Referral.objects.exists()


def test_a_cornwall_referral_does_not_demand_an_incident_time(client, contract_for, personas):
    # seed 004 s9: the serious-incident report runs from a serious incident, its own event on
    # the case, so the referral form has no deadline that needs the referral's incident time
    contract = contract_for("cornwall-mens-refuge-2021")
    person = CaseworkPersonFactory(
        organisation=personas.organisation, local_authority="Cornwall", gender="male"
    )
    client.force_login(personas.caseworker)
    body = client.get(reverse("referrals:create", args=[contract.pk])).content.decode()
    assert "first-contact deadline runs from the incident" not in body
    response = client.post(
        reverse("referrals:create", args=[contract.pk]), form_data(person, route="agency")
    )
    assert "Enter the date and time of the incident" not in response.content.decode()
    referral = Referral.objects.get()
    assert referral.incident_at is None
