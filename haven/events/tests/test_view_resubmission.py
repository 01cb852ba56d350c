"""The add and import forms run once when sent twice (issue 9 s5, ADR 0007; listed in
core/tests/test_form_resubmission.py)."""

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from haven.core.form_tokens import ALREADY_SENT, FIELD
from haven.events.models import Event
from haven.events.tests.test_import import GOOD, HEADER
from haven.testing.html_forms import post_forms

pytestmark = pytest.mark.django_db


def _token(client, url):
    page = client.get(url).content.decode()
    form = next(f for f in post_forms(page) if f.action in ("", url))
    return form.values[FIELD]


def _twice_lands_once(client, url, data_for):
    token = _token(client, url)
    first = client.post(url, {**data_for(), FIELD: token})
    assert first.status_code == 302
    list(get_messages(first.wsgi_request))
    second = client.post(url, {**data_for(), FIELD: token})
    assert second.status_code == 302
    assert second["Location"] == first["Location"]
    assert ALREADY_SENT in [str(m) for m in get_messages(second.wsgi_request)]


def test_an_event_added_twice_is_saved_once(client, family, personas):
    client.force_login(personas.caseworker)
    data = {
        "contracts": [str(family.pk)],
        "kind": "awareness",
        "title": "Awareness at the library",
        "starts_at-day": "3",
        "starts_at-month": "3",
        "starts_at-year": "2026",
        "starts_at-hour": "10",
        "starts_at-minute": "00",
        "duration_minutes": "60",
        "venue": "Synthetic Library",
        "location_type": "other",
        "audience": "public",
    }
    _twice_lands_once(client, reverse("events:add"), lambda: data)
    assert Event.objects.count() == 1


def test_a_file_imported_twice_is_imported_once(client, contract_for, personas):
    contract_for("leicester-family-2012")
    contract_for("leicester-perpetrator-2012")
    client.force_login(personas.caseworker)

    def upload():
        return {"file": SimpleUploadedFile("e.csv", (HEADER + GOOD).encode(), "text/csv")}

    _twice_lands_once(client, reverse("events:import"), upload)
    assert Event.objects.count() == 3
