"""The referral page of a restricted case behaves like the case page: staff in scope who are not
named give a reason first (audited), and nothing about the person shows before they do."""

from urllib.parse import parse_qs, urlparse

import pytest
from django.urls import reverse
from markupsafe import escape

from haven.casework.models import Case, CaseAccess
from haven.core.models import AuditAction, AuditEvent
from haven.referrals.models import Decision
from haven.testing.casework import ReferralFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def restricted(team_case, personas):
    team_case.is_restricted = True
    team_case.save()
    CaseAccess.objects.create(case=team_case, user=personas.caseworker)
    return team_case


def page(referral):
    return reverse("referrals:detail", args=[referral.pk])


def _identifiers(case):
    person = case.person
    # as they would appear in HTML (O'Brien is O&#39;Brien)
    names = (person.reference_code, person.given_name, person.family_name)
    return [*(escape(v) for v in names), str(person.pk)]


def test_a_teammate_not_named_is_asked_for_a_reason_and_sees_nothing_first(
    client, restricted, personas
):
    client.force_login(personas.teammate)
    response = client.get(page(restricted.referral))
    assert response.status_code == 302
    target = urlparse(response.url)
    assert target.path == reverse("casework:break_glass", args=[restricted.pk])
    assert parse_qs(target.query)["next"] == [page(restricted.referral)]
    reason_page = client.get(response.url)
    assert reason_page.status_code == 200
    shown = reason_page.content.decode() + response.url
    for identifier in _identifiers(restricted):
        assert identifier not in shown
    assert not AuditEvent.objects.filter(object_id=str(restricted.referral.pk)).exists()


def test_after_the_reason_the_referral_shows_and_the_read_is_audited_with_it(
    client, restricted, personas
):
    client.force_login(personas.teammate)
    response = client.post(
        reverse("casework:break_glass", args=[restricted.pk]),
        {"reason": "She rang the duty line", "next": page(restricted.referral)},
    )
    assert response.url == page(restricted.referral)
    referral_page = client.get(response.url)
    assert referral_page.status_code == 200
    assert restricted.person.reference_code in referral_page.content.decode()
    read = AuditEvent.objects.get(object_id=str(restricted.referral.pk))
    assert (read.action, read.reason) == (AuditAction.VIEW_RESTRICTED, "She rang the duty line")


def test_a_service_manager_not_named_is_asked_too(client, restricted, personas):
    client.force_login(personas.service_manager)
    response = client.get(page(restricted.referral))
    assert response.status_code == 302
    assert response.url.startswith(reverse("casework:break_glass", args=[restricted.pk]))


def test_named_staff_see_it_straight_away(client, restricted, personas):
    client.force_login(personas.caseworker)
    response = client.get(page(restricted.referral))
    assert response.status_code == 200
    assert AuditEvent.objects.get(object_id=str(restricted.referral.pk)).action == AuditAction.VIEW


def test_outside_the_case_scope_it_is_not_found_as_for_the_case_page(client, restricted, personas):
    for user in (personas.outsider, personas.other_provider_caseworker):
        client.force_login(user)
        assert client.get(page(restricted.referral)).status_code == 404, user
        assert client.get(reverse("casework:detail", args=[restricted.pk])).status_code == 404


def test_a_commissioner_is_refused(client, restricted, personas):
    client.force_login(personas.commissioner)
    assert client.get(page(restricted.referral)).status_code == 403


def test_a_missing_referral_is_not_found(client, personas):
    client.force_login(personas.teammate)
    missing = reverse("referrals:detail", args=["00000000-0000-0000-0000-000000000000"])
    assert client.get(missing).status_code == 404


# A new referral for someone who already has a restricted case is as restricted as that case:
# the intake list shows neither name nor code, and the page asks why (or says it is held
# elsewhere) before anything about the person shows.


@pytest.fixture
def new_referral(restricted, personas):
    return ReferralFactory(
        contract=personas.contract, person=restricted.person, decision=Decision.PENDING
    )


def test_the_list_shows_a_restricted_record_without_name_or_code(
    client, restricted, new_referral, personas
):
    client.force_login(personas.teammate)
    listed = client.get(reverse("referrals:list")).content.decode()
    assert "Restricted record" in listed
    assert page(new_referral) in listed
    for identifier in _identifiers(restricted):
        assert identifier not in listed
    client.force_login(personas.caseworker)  # named on the restricted case
    assert (
        restricted.person.reference_code in client.get(reverse("referrals:list")).content.decode()
    )


def test_the_new_referral_asks_for_a_reason_on_the_restricted_case(
    client, restricted, new_referral, personas
):
    client.force_login(personas.teammate)
    response = client.get(page(new_referral))
    assert response.status_code == 302
    assert urlparse(response.url).path == reverse("casework:break_glass", args=[restricted.pk])
    assert not AuditEvent.objects.filter(object_id=str(new_referral.pk)).exists()
    client.post(
        reverse("casework:break_glass", args=[restricted.pk]),
        {"reason": "New police referral to triage", "next": page(new_referral)},
    )
    shown = client.get(page(new_referral))
    assert shown.status_code == 200
    assert restricted.person.reference_code in shown.content.decode()
    read = AuditEvent.objects.get(object_id=str(new_referral.pk))
    assert (read.action, read.reason) == (
        AuditAction.VIEW_RESTRICTED,
        "New police referral to triage",
    )


def test_deciding_without_a_reason_opens_nothing(client, restricted, new_referral, personas):
    client.force_login(personas.teammate)
    accepted = client.post(reverse("referrals:accept", args=[new_referral.pk]))
    assert accepted.url == page(new_referral)
    declined = client.get(reverse("referrals:decline", args=[new_referral.pk]))
    assert declined.status_code == 302
    new_referral.refresh_from_db()
    assert new_referral.decision == Decision.PENDING
    assert not Case.objects.filter(referral=new_referral).exists()


def test_held_outside_the_users_teams_the_page_says_so_and_shows_nothing(
    client, restricted, new_referral, personas
):
    client.force_login(personas.outsider)  # another team: the restricted case is out of scope
    for url in (page(new_referral), reverse("referrals:decline", args=[new_referral.pk])):
        response = client.get(url)
        assert response.status_code == 403, url
        body = response.content.decode()
        assert "someone with a restricted record" in body
        for identifier in _identifiers(restricted):
            assert identifier not in body
    assert client.post(reverse("referrals:accept", args=[new_referral.pk])).status_code == 403
    assert not Case.objects.filter(referral=new_referral).exists()


def test_named_staff_open_the_new_referral_straight_away(
    client, restricted, new_referral, personas
):
    client.force_login(personas.caseworker)
    response = client.get(page(new_referral))
    assert response.status_code == 200
    assert AuditEvent.objects.get(object_id=str(new_referral.pk)).action == AuditAction.VIEW
