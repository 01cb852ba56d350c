"""Every outcome page shown writes a 'Viewed' event for the case (core/tests/test_read_audit.py
lists these pages as checked here, where a contract asking outcome questions is at hand)."""

import pytest

from haven.core.models import AuditAction, AuditEvent
from haven.outcomes.tests.helpers import choose_url, history_url, record_url, when_data

pytestmark = pytest.mark.django_db


def _viewed(response):
    return list(
        AuditEvent.objects.filter(request_id=response["X-Request-Id"], action=AuditAction.VIEW)
    )


@pytest.mark.parametrize("page", [history_url, choose_url, record_url])
def test_showing_the_page_writes_a_viewed_event(client, personas, outcome_case, page):
    client.force_login(personas.caseworker)
    response = client.get(page(outcome_case))
    assert response.status_code == 200
    assert [e.actor for e in _viewed(response)] == [personas.caseworker]


def test_the_questions_shown_again_with_errors_and_the_check_page_are_audited(
    client, personas, outcome_case
):
    client.force_login(personas.caseworker)
    again = client.post(record_url(outcome_case), {})
    assert again.status_code == 200
    assert _viewed(again)
    check = client.post(record_url(outcome_case), when_data() | {"answered": "declined"})
    assert "Check your answers" in check.content.decode()
    assert _viewed(check)
