"""Setting a return's due date: /returns/<slug>/<period>/due-date/ (seed 004 s10)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from haven.reporting.models import ReturnDueDate
from haven.reporting.tests.signoff_world import QUARTER, build_signoff_world
from haven.testing.html_forms import form_posting_to

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(personas):
    return build_signoff_world(personas)


def _url(world):
    return reverse("signoff:due_date", args=[world.contract.slug, QUARTER])


def test_it_sets_the_due_date(client, world):
    client.force_login(world.personas.service_manager)
    form = form_posting_to(client.get(_url(world)).content.decode(), _url(world))
    response = client.post(
        _url(world),
        form.data(
            **{
                "due_on-day": "8",
                "due_on-month": "7",
                "due_on-year": "2026",
                "reason": "Review meeting on 15 July",
            }
        ),
    )
    assert response.status_code == 302
    due = ReturnDueDate.objects.get()
    assert due.due_on == dt.date(2026, 7, 8)
    body = client.get(reverse("signoff:sign_off", args=[world.contract.slug, QUARTER])).content
    assert "8 July 2026" in body.decode()


def test_an_empty_date_shows_the_error(client, world):
    client.force_login(world.personas.service_manager)
    response = client.post(_url(world), {})
    assert response.status_code == 200
    assert "Enter the due date" in response.content.decode()


def test_a_caseworker_is_refused(client, world):
    client.force_login(world.personas.caseworker)
    assert client.get(_url(world)).status_code == 403
