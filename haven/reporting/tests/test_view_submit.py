"""Submitting a signed-off return: POST /returns/<slug>/<period>/submit/."""

from __future__ import annotations

import pytest
from django.urls import reverse

from haven.reporting.models import ReturnSnapshot, ReturnStatus
from haven.reporting.services import return_sign_off
from haven.reporting.tests.signoff_world import QUARTER, build_signoff_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(personas):
    return build_signoff_world(personas)


def _submit(client, world):
    return client.post(reverse("signoff:submit", args=[world.contract.slug, QUARTER]))


def test_it_submits_the_current_version(client, world):
    return_sign_off(
        contract=world.contract, period=world.period, signed_off_by=world.personas.service_manager
    )
    client.force_login(world.personas.service_manager)
    response = _submit(client, world)
    assert response.status_code == 302
    assert ReturnSnapshot.objects.get().status == ReturnStatus.SUBMITTED


def test_a_draft_cannot_be_submitted(client, world):
    client.force_login(world.personas.service_manager)
    response = _submit(client, world)
    assert response.status_code == 302
    assert not ReturnSnapshot.objects.exists()


def test_a_get_is_not_allowed(client, world):
    client.force_login(world.personas.service_manager)
    url = reverse("signoff:submit", args=[world.contract.slug, QUARTER])
    assert client.get(url).status_code == 405


def test_a_caseworker_is_refused(client, world):
    return_sign_off(
        contract=world.contract, period=world.period, signed_off_by=world.personas.service_manager
    )
    client.force_login(world.personas.caseworker)
    assert _submit(client, world).status_code == 403
    assert ReturnSnapshot.objects.get().status == ReturnStatus.SIGNED_OFF
