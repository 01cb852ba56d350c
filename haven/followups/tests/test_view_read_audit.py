"""The follow-up pages write a 'Viewed' event for the case each time they show a page, a form
shown again with errors too (core/tests/test_read_audit.py lists them here: they need a closed
case with follow-ups)."""

import pytest
from django.utils import timezone

from haven.core.models import AuditAction, AuditEvent
from haven.followups.services import follow_up_contact_record
from haven.followups.tests.helpers import follow_up_survey_url, follow_up_url

pytestmark = pytest.mark.django_db


def _viewed(response, user):
    events = AuditEvent.objects.filter(request_id=response["X-Request-Id"], action=AuditAction.VIEW)
    return events.exists() and all(e.actor == user for e in events)


def test_the_follow_up_page_is_audited_shown_and_shown_again(client, dv360_closed, personas):
    client.force_login(personas.caseworker)
    url = follow_up_url(dv360_closed, dv360_closed.tasks.get(rule_key="follow_up_1_month"))
    assert _viewed(client.get(url), personas.caseworker)
    again = client.post(url, {})
    assert again.status_code == 200
    assert _viewed(again, personas.caseworker)


def test_the_follow_up_survey_page_is_audited_shown_and_shown_again(client, dv360_closed, personas):
    contact = follow_up_contact_record(
        task=dv360_closed.tasks.get(rule_key="follow_up_1_month"),
        channel="phone",
        outcome="reached",
        attempted_at=timezone.now(),
        recorded_by=personas.caseworker,
    )
    client.force_login(personas.caseworker)
    url = follow_up_survey_url(dv360_closed, contact)
    assert _viewed(client.get(url), personas.caseworker)
    again = client.post(url, {})
    assert again.status_code == 200
    assert _viewed(again, personas.caseworker)
