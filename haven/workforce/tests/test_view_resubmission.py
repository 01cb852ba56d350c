"""The workforce plan, course and session forms sent twice save once (issue 9 s5, ADR 0007)."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from haven.core.form_tokens import ALREADY_SENT, FIELD
from haven.testing.html_forms import post_forms
from haven.workforce.models import Course, EstablishmentPost, TrainingSession

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def day_boxes(name, day):
    return {f"{name}-day": day.day, f"{name}-month": day.month, f"{name}-year": day.year}


def _twice(client, url, data):
    (form,) = [f for f in post_forms(client.get(url).content.decode()) if f.action in ("", url)]
    data = data | {FIELD: form.values[FIELD]}
    first = client.post(url, data)
    assert first.status_code == 302, first.content.decode()[:3000]
    second = client.post(url, data)
    assert second.status_code == 302
    assert second["Location"] == first["Location"]
    assert ALREADY_SENT in [str(m) for m in get_messages(second.wsgi_request)]


def test_a_post_course_and_session_sent_twice_are_added_once(client, personas, caseworker_record):
    client.force_login(personas.team_leader)
    organisation = personas.organisation.pk
    _twice(
        client,
        reverse("workforce:post_add", args=[organisation]),
        {
            "title": "Outreach worker",
            "contract_type": "permanent",
            "fte": "2",
            **day_boxes("valid_from", TODAY() - timedelta(days=10)),
        },
    )
    assert EstablishmentPost.objects.count() == 1
    _twice(
        client,
        reverse("workforce:course_add", args=[organisation]),
        {"name": "Safeguarding", "mandatory_for": ["staff"], "renewal_months": "12"},
    )
    assert Course.objects.count() == 1
    _twice(
        client,
        reverse("workforce:session_add", args=[organisation]),
        {
            "course": str(Course.objects.get().pk),
            **day_boxes("held_on", TODAY()),
            "attendees": [str(caseworker_record.pk)],
        },
    )
    assert TrainingSession.objects.count() == 1
