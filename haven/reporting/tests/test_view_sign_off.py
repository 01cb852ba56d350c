"""The sign-off page: /returns/<slug>/<period>/sign-off/ (service managers only)."""

from __future__ import annotations

import hashlib

import pytest
from django.urls import reverse

from haven.core.models import AuditAction, AuditEvent
from haven.reporting.models import ReturnSnapshot
from haven.reporting.tests.signoff_world import QUARTER, build_signoff_world
from haven.testing.html_forms import form_posting_to

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(personas):
    return build_signoff_world(personas)


def _url(world, name="signoff:sign_off"):
    return reverse(name, args=[world.contract.slug, QUARTER])


def _post(client, world, **values):
    url = _url(world)
    form = form_posting_to(client.get(url).content.decode(), url)
    return client.post(url, form.data(**{k: str(v) for k, v in values.items()}))


def test_it_shows_the_figures_status_and_the_form(client, world):
    client.force_login(world.personas.service_manager)
    response = client.get(_url(world))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Draft: not signed off yet" in body
    assert "Demand data: number of referrals" in body
    assert "Remedial plan" in body
    event = AuditEvent.objects.get(request_id=response["X-Request-Id"], action=AuditAction.VIEW)
    assert event.actor == world.personas.service_manager


def test_it_signs_off_and_lists_the_version(client, world):
    client.force_login(world.personas.service_manager)
    response = _post(client, world, exceptions=0, remedial_plan="Complete ethnicity by July")
    assert response.status_code == 302
    snapshot = ReturnSnapshot.objects.get()
    body = client.get(_url(world)).content.decode()
    assert "Version 1: Signed off" in body
    assert snapshot.export_sha256 in body
    assert "Submit version 1 to the commissioner" in body


def test_exceptions_without_a_plan_show_the_error(client, world):
    client.force_login(world.personas.service_manager)
    response = _post(client, world, exceptions=2)
    assert response.status_code == 200
    assert "Enter the remedial plan" in response.content.decode()
    assert not ReturnSnapshot.objects.exists()


def test_the_signed_off_download_is_the_exact_bytes_of_the_sha256(client, world):
    client.force_login(world.personas.service_manager)
    _post(client, world, exceptions=0, remedial_plan="Complete ethnicity by July")
    snapshot = ReturnSnapshot.objects.get()
    response = client.get(
        reverse("signoff:signed_off_export", args=[world.contract.slug, QUARTER, 1])
    )
    assert response.status_code == 200
    assert hashlib.sha256(response.content).hexdigest() == snapshot.export_sha256
    assert AuditEvent.objects.filter(
        request_id=response["X-Request-Id"], action=AuditAction.EXPORT
    ).exists()


@pytest.mark.parametrize("who", ["caseworker", "team_leader", "analyst"])
def test_other_provider_staff_are_refused(client, world, who):
    client.force_login(getattr(world.personas, who))
    assert client.get(_url(world)).status_code == 403


def test_a_commissioner_is_refused(client, world):
    client.force_login(world.personas.commissioner)
    assert client.get(_url(world)).status_code == 403


def test_staff_of_another_provider_get_404(client, world):
    client.force_login(world.personas.other_provider_caseworker)
    assert client.get(_url(world)).status_code == 404


def test_a_period_that_does_not_read_is_404(client, world):
    client.force_login(world.personas.service_manager)
    url = reverse("signoff:sign_off", args=[world.contract.slug, "2026-Q9"])
    assert client.get(url).status_code == 404


def test_a_period_not_yet_ended_has_no_form(client, world):
    client.force_login(world.personas.service_manager)
    url = reverse("signoff:sign_off", args=[world.contract.slug, "2099-Q1"])
    body = client.get(url).content.decode()
    assert "has not ended yet" in body
    assert "Sign off the return</button>" not in body


def test_the_exceptions_haven_counts_itself_are_used_and_need_a_plan(client, world, monkeypatch):
    # seed 004 s11.1: sign-off warns while exceptions remain and records the remedial plan
    import sys
    import types

    quality = types.ModuleType("haven.reporting.quality")
    quality.exception_count = lambda contract, period: 4  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "haven.reporting.quality", quality)
    client.force_login(world.personas.service_manager)
    body = client.get(_url(world)).content.decode()
    assert "4 data quality exceptions remain" in body
    assert 'name="exceptions"' not in body
    response = _post(client, world, exceptions=0)  # a posted count is not trusted
    assert response.status_code == 200
    assert "Enter the remedial plan" in response.content.decode()
    assert _post(client, world, remedial_plan="Fix by 31 July").status_code == 302
    assert ReturnSnapshot.objects.get().exceptions_at_sign_off == 4
