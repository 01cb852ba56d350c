"""What changed since sign-off: /returns/<slug>/<period>/changes/."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from haven.core.models import AuditAction, AuditEvent
from haven.reporting.services import return_sign_off
from haven.reporting.tests.signoff_world import QUARTER, build_signoff_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(personas):
    return build_signoff_world(personas)


def _url(world):
    return reverse("signoff:changes", args=[world.contract.slug, QUARTER])


def test_it_lists_the_changed_measure_and_links_the_new_record(client, world):
    return_sign_off(
        contract=world.contract, period=world.period, signed_off_by=world.personas.service_manager
    )
    late = world.add_referral()
    client.force_login(world.personas.service_manager)
    response = client.get(_url(world))
    body = response.content.decode()
    assert re.search(r"\d+ measures? changed", body)
    assert "Demand data: number of referrals" in body
    assert reverse("referrals:detail", args=[late.pk]) in body
    assert AuditEvent.objects.filter(
        request_id=response["X-Request-Id"], action=AuditAction.VIEW
    ).exists()


def test_nothing_changed_says_so(client, world):
    return_sign_off(
        contract=world.contract, period=world.period, signed_off_by=world.personas.service_manager
    )
    client.force_login(world.personas.service_manager)
    assert "Nothing has changed" in client.get(_url(world)).content.decode()


def test_before_sign_off_there_is_nothing_to_compare(client, world):
    client.force_login(world.personas.service_manager)
    assert "nothing to compare" in client.get(_url(world)).content.decode()


def test_a_commissioner_is_refused(client, world):
    client.force_login(world.personas.commissioner)
    assert client.get(_url(world)).status_code == 403
