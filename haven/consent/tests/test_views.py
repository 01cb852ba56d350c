"""The consent pages for each persona (issue 15): record and withdraw a consent from the
person's page, the agreements register, and the share register."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from haven.consent.models import Consent, SharingAgreement
from haven.consent.services import agreement_add, share_record
from haven.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def _day(name, day):
    return {f"{name}-day": day.day, f"{name}-month": day.month, f"{name}-year": day.year}


@pytest.fixture
def agreement(personas):
    return agreement_add(
        organisation=personas.organisation,
        recorded_by=personas.service_manager,
        partner="Synthetic Police",
        purpose="MARAC referrals",
        art6_basis="e_public_task",
        art9_condition="sch1_18",
        signed_on=timezone.localdate() - dt.timedelta(days=300),
        review_on=timezone.localdate() + dt.timedelta(days=5),
        status="active",
    )


# -- record and withdraw -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("caseworker", 200),
        ("teammate", 200),
        ("team_leader", 200),
        ("outsider", 200),  # people are seen across the organisation (people/selectors.py)
        ("other_provider_caseworker", 404),
        ("commissioner", 403),
        ("no_role", 403),
    ],
)
def test_who_may_open_the_record_consent_page(client, personas, person, who, status):
    client.force_login(getattr(personas, who))
    response = client.get(reverse("consent:record", args=[person.pk]))
    assert response.status_code == status


def test_recording_a_signed_confidentiality_agreement(client, personas, person):
    client.force_login(personas.caseworker)
    url = reverse("consent:record", args=[person.pk])
    assert (
        'value="confidentiality" checked'
        in client.get(url + "?kind=confidentiality").content.decode()
    )
    response = client.post(
        url,
        {"kind": "confidentiality", "how_given": "signed_form"}
        | _day("given_on", timezone.localdate()),
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("people:detail", args=[person.pk])
    consent = Consent.objects.get(person=person)
    assert (consent.kind, consent.recorded_by) == ("confidentiality", personas.caseworker)


def test_a_consent_to_share_without_its_agency_is_shown_again_with_the_error(
    client, personas, person
):
    client.force_login(personas.caseworker)
    response = client.post(
        reverse("consent:record", args=[person.pk]),
        {"kind": "share", "how_given": "verbal"} | _day("given_on", timezone.localdate()),
    )
    assert response.status_code == 200
    assert "Enter the agency information may be shared with" in response.content.decode()
    assert not Consent.objects.exists()


def test_withdrawing_a_consent(client, personas, person, consent_to):
    consent = consent_to()
    client.force_login(personas.teammate)
    url = reverse("consent:withdraw", args=[person.pk, consent.pk])
    assert "Synthetic Housing Options" in client.get(url).content.decode()
    response = client.post(
        url,
        {"reason": "Synthetic: changed their mind"} | _day("withdrawn_on", timezone.localdate()),
    )
    assert response.status_code == 302
    consent.refresh_from_db()
    assert (consent.withdrawn_by, consent.withdrawn_reason) == (
        personas.teammate,
        "Synthetic: changed their mind",
    )


def test_the_withdraw_page_of_another_persons_consent_is_not_found(
    client, personas, person, consent_to, open_case
):
    other = open_case().person
    consent = consent_to()
    client.force_login(personas.caseworker)
    assert client.get(reverse("consent:withdraw", args=[other.pk, consent.pk])).status_code == 404


def test_another_provider_cannot_withdraw(client, personas, person, consent_to):
    consent = consent_to()
    client.force_login(personas.other_provider_caseworker)
    url = reverse("consent:withdraw", args=[person.pk, consent.pk])
    assert client.get(url).status_code == 404


# -- the person's page ---------------------------------------------------------------------


def test_the_person_page_shows_consents_withdrawals_and_shares(
    client, personas, person, consent_to, team_case
):
    from haven.consent.services import consent_withdraw

    kept = consent_to(recipient="Synthetic Police", purpose="MARAC referral")
    gone = consent_to()
    consent_withdraw(
        consent=gone,
        withdrawn_by=personas.caseworker,
        withdrawn_on=timezone.localdate(),
        reason="Synthetic reason for withdrawing",
    )
    share_record(
        person=person,
        case=team_case,
        recipient="Synthetic Children's Social Care",
        purpose="Safeguarding referral",
        kind="safeguarding_referral",
        basis="safeguarding",
        reason="Synthetic: a child at risk",
        shared_by=personas.caseworker,
    )
    client.force_login(personas.caseworker)
    page = client.get(reverse("people:detail", args=[person.pk])).content.decode()
    assert "Consent and sharing" in page
    assert "No confidentiality agreement is recorded" in page
    assert reverse("consent:withdraw", args=[person.pk, kept.pk]) in page
    assert "Synthetic reason for withdrawing" in page
    assert "Synthetic Children&#39;s Social Care" in page
    assert "Safeguarding (DPA 2018 Sch 1 para 18): Synthetic: a child at risk" in page
    assert reverse("consent:record", args=[person.pk]) in page


# -- the agreements register ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "status", "may_manage"),
    [
        ("caseworker", 200, False),
        ("analyst", 200, False),
        ("service_manager", 200, True),
        ("dpo", 200, True),
        ("commissioner", 403, False),
        ("no_role", 403, False),
    ],
)
def test_the_agreements_register_by_role(client, personas, dpo, agreement, who, status, may_manage):
    user = dpo if who == "dpo" else getattr(personas, who)
    client.force_login(user)
    response = client.get(reverse("consent:agreements"))
    assert response.status_code == status
    if status == 200:
        page = response.content.decode()
        assert "Synthetic Police" in page
        assert "Reviews due" in page
        assert (reverse("consent:agreement_edit", args=[agreement.pk]) in page) == may_manage
    new_status = client.get(reverse("consent:agreement_new")).status_code
    assert new_status == (200 if may_manage else 403)


def test_another_providers_agreement_is_not_found(client, personas, agreement):
    from haven.accounts.roles import Role
    from haven.testing.factories import MembershipFactory, UserFactory

    elsewhere = UserFactory()
    MembershipFactory(
        user=elsewhere, role=Role.SERVICE_MANAGER, organisation=personas.other_organisation
    )
    client.force_login(elsewhere)
    assert "Synthetic Police" not in client.get(reverse("consent:agreements")).content.decode()
    url = reverse("consent:agreement_edit", args=[agreement.pk])
    assert client.get(url).status_code == 404


def test_adding_changing_and_reviewing_an_agreement(client, personas, dpo):
    client.force_login(dpo)
    values = {
        "partner": "Synthetic Health Trust",
        "purpose": "Referrals for health support",
        "art6_basis": "e_public_task",
        "art9_condition": "9_2_h",
        "status": "active",
    } | _day("review_on", timezone.localdate() + dt.timedelta(days=365))
    response = client.post(reverse("consent:agreement_new"), values)
    assert response.status_code == 302
    agreement = SharingAgreement.objects.get()
    assert (agreement.organisation, agreement.recorded_by) == (personas.organisation, dpo)
    response = client.post(
        reverse("consent:agreement_edit", args=[agreement.pk]), values | {"status": "ended"}
    )
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.status == "ended"
    today = timezone.localdate()
    response = client.post(
        reverse("consent:agreement_review", args=[agreement.pk]),
        _day("reviewed_on", today) | _day("next_review_on", today + dt.timedelta(days=400)),
    )
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.last_reviewed_on == today


def test_an_agreement_without_its_basis_is_shown_again(client, personas):
    client.force_login(personas.service_manager)
    response = client.post(reverse("consent:agreement_new"), {"partner": "X"})
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert not SharingAgreement.objects.exists()


# -- the share register --------------------------------------------------------------------


@pytest.fixture
def shares(personas, team_case, open_case):
    safeguarding = share_record(
        person=team_case.person,
        case=team_case,
        recipient="Synthetic Children's Social Care",
        purpose="Safeguarding referral",
        kind="safeguarding_referral",
        basis="safeguarding",
        reason="Synthetic: a child at risk",
        shared_by=personas.caseworker,
        at=timezone.now() - dt.timedelta(days=20),
    )
    other_case = open_case()
    onward = share_record(
        person=other_case.person,
        case=other_case,
        recipient="Synthetic Housing Options",
        purpose="Onward referral",
        kind="onward_referral",
        basis="consent",
        consent_given_now=True,
        shared_by=personas.caseworker,
    )
    return safeguarding, onward


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("dpo", 200),
        ("service_manager", 200),
        ("team_leader", 200),
        ("caseworker", 403),
        ("analyst", 403),
        ("commissioner", 403),
        ("no_role", 403),
    ],
)
def test_the_share_register_is_for_the_dpo_and_managers(client, personas, dpo, shares, who, status):
    user = dpo if who == "dpo" else getattr(personas, who)
    client.force_login(user)
    response = client.get(reverse("consent:shares"))
    assert response.status_code == status
    if status == 200:
        page = response.content.decode()
        assert "Synthetic Housing Options" in page
        event = AuditEvent.objects.filter(actor=user, action="view").latest("id")
        assert {str(s.pk) for s in shares} <= set(event.changes["shown"])


def test_the_share_register_filters_by_kind_basis_and_date(client, dpo, shares):
    client.force_login(dpo)
    url = reverse("consent:shares")
    page = client.get(url, {"basis": "safeguarding"}).content.decode()
    assert "Children&#39;s Social Care" in page
    assert "Housing Options" not in page
    page = client.get(url, {"kind": "onward_referral"}).content.decode()
    assert "Children&#39;s Social Care" not in page
    assert "Housing Options" in page
    since = timezone.localdate() - dt.timedelta(days=5)
    page = client.get(
        url, {"since-day": since.day, "since-month": since.month, "since-year": since.year}
    ).content.decode()
    assert "Children&#39;s Social Care" not in page
    assert "Housing Options" in page
    assert client.get(url, {"kind": "nonsense"}).status_code == 200


def test_another_providers_dpo_sees_none_of_the_shares(client, personas, shares):
    from haven.accounts.roles import Role
    from haven.testing.factories import MembershipFactory, UserFactory

    elsewhere = UserFactory()
    MembershipFactory(
        user=elsewhere, role=Role.DATA_PROTECTION_OFFICER, organisation=personas.other_organisation
    )
    client.force_login(elsewhere)
    assert "No shares match" in client.get(reverse("consent:shares")).content.decode()


def test_the_navigation_links_the_registers_for_the_roles_that_use_them(client, personas, dpo):
    client.force_login(dpo)
    page = client.get(reverse("consent:agreements")).content.decode()
    assert reverse("consent:shares") in page
    client.force_login(personas.caseworker)
    page = client.get(reverse("consent:agreements")).content.decode()
    assert reverse("consent:shares") not in page
