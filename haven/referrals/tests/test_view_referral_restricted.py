"""The referral page of a restricted case behaves like the case page: staff in scope who are not
named give a reason first (audited), and nothing about the person shows before they do."""

from urllib.parse import parse_qs, urlparse

import pytest
from django.urls import reverse

from haven.casework.models import CaseAccess
from haven.core.models import AuditAction, AuditEvent

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
    return [person.reference_code, person.given_name, person.family_name, str(person.pk)]


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
