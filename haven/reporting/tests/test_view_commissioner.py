"""Commissioners' returns: /commissioner/returns/ (issue 10 s2: submitted only, suppressed, no
drill-down, no names)."""

from __future__ import annotations

import hashlib
import json

import pytest
from django.urls import reverse

from haven.core.models import AuditAction, AuditEvent
from haven.reporting.services import return_sign_off, return_submit
from haven.reporting.suppression import SMALL
from haven.reporting.tests.signoff_world import build_signoff_world
from haven.testing.factories import CommissionerFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(personas):
    return build_signoff_world(personas, referrals=3)  # 3 referrals: shown "<5"


def _sign_off(world):
    return return_sign_off(
        contract=world.contract, period=world.period, signed_off_by=world.personas.service_manager
    )


def _submitted(world):
    return return_submit(snapshot=_sign_off(world), submitted_by=world.personas.service_manager)


def _demand(data):
    return next(m for m in data["measures"] if m["id"] == "demand_referrals")


def test_the_list_shows_submitted_returns_only(client, world):
    signed_only = _sign_off(world)
    client.force_login(world.personas.commissioner)
    body = client.get(reverse("commissioner:returns")).content.decode()
    assert str(signed_only.pk) not in body
    assert "No returns have been submitted" in body

    submitted = return_submit(snapshot=signed_only, submitted_by=world.personas.service_manager)
    response = client.get(reverse("commissioner:returns"))
    assert reverse("commissioner:return_detail", args=[submitted.pk]) in response.content.decode()
    event = AuditEvent.objects.get(request_id=response["X-Request-Id"])
    assert event.changes["shown"] == [str(submitted.pk)]


def test_the_return_is_suppressed_with_no_names_or_links_to_records(client, world):
    snapshot = _submitted(world)
    client.force_login(world.personas.commissioner)
    response = client.get(reverse("commissioner:return_detail", args=[snapshot.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "&lt;5" in body
    for referral in world.referrals:
        assert str(referral.pk) not in body
        assert referral.person.reference_code not in body
        assert referral.person.family_name not in body
    assert "/referrals/" not in body
    assert "/cases/" not in body
    assert AuditEvent.objects.filter(
        request_id=response["X-Request-Id"], action=AuditAction.VIEW, object_id=str(snapshot.pk)
    ).exists()


def test_a_signed_off_but_unsubmitted_return_is_404(client, world):
    snapshot = _sign_off(world)
    client.force_login(world.personas.commissioner)
    assert client.get(reverse("commissioner:return_detail", args=[snapshot.pk])).status_code == 404


def test_a_commissioner_of_another_body_gets_404(client, world):
    snapshot = _submitted(world)
    outsider = UserFactory()
    MembershipFactory(
        user=outsider, role="commissioner", organisation=None, commissioner=CommissionerFactory()
    )
    client.force_login(outsider)
    assert client.get(reverse("commissioner:return_detail", args=[snapshot.pk])).status_code == 404
    url = reverse("commissioner:return_download", args=[snapshot.pk, "json"])
    assert client.get(url).status_code == 404
    assert str(snapshot.pk) not in client.get(reverse("commissioner:returns")).content.decode()


def test_a_caseworker_is_refused(client, world):
    snapshot = _submitted(world)
    client.force_login(world.personas.caseworker)
    assert client.get(reverse("commissioner:returns")).status_code == 403
    assert client.get(reverse("commissioner:return_detail", args=[snapshot.pk])).status_code == 403


def test_the_json_download_is_suppressed_and_audited(client, world):
    snapshot = _submitted(world)
    client.force_login(world.personas.commissioner)
    response = client.get(reverse("commissioner:return_download", args=[snapshot.pk, "json"]))
    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["suppressed"] is True
    assert _demand(data)["value"] == SMALL
    event = AuditEvent.objects.get(request_id=response["X-Request-Id"])
    assert event.action == AuditAction.EXPORT
    assert event.changes["sha256"] == hashlib.sha256(response.content).hexdigest()


def test_the_csv_download_is_suppressed(client, world):
    snapshot = _submitted(world)
    client.force_login(world.personas.commissioner)
    response = client.get(reverse("commissioner:return_download", args=[snapshot.pk, "csv"]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert ",<5," in response.content.decode("utf-8-sig")


def test_an_unknown_format_is_404(client, world):
    snapshot = _submitted(world)
    client.force_login(world.personas.commissioner)
    url = reverse("commissioner:return_download", args=[snapshot.pk, "exe"])
    assert client.get(url).status_code == 404


def test_the_commissioner_navigation_has_returns(client, world):
    client.force_login(world.personas.commissioner)
    body = client.get(reverse("commissioner:returns")).content.decode()
    assert f'href="{reverse("commissioner:returns")}"' in body


def test_the_list_shows_the_latest_submitted_version_and_the_old_one_says_it_is_replaced(
    client, world
):
    first = _submitted(world)
    world.add_referral()
    second = _submitted(world)
    client.force_login(world.personas.commissioner)
    body = client.get(reverse("commissioner:returns")).content.decode()
    assert reverse("commissioner:return_detail", args=[second.pk]) in body
    assert reverse("commissioner:return_detail", args=[first.pk]) not in body
    old = client.get(reverse("commissioner:return_detail", args=[first.pk])).content.decode()
    assert "Version 2 of this return replaces this one" in old
