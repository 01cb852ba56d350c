"""A case's support sessions: who sees them, the link to record one, and the case page link."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from haven.casework.models import CaseState
from haven.support.services import support_session_record
from haven.support.tests.views_helpers import list_url, record_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(supported_case, personas):
    return support_session_record(
        case=supported_case,
        recorded_by=personas.caseworker,
        delivered_at=timezone.now() - dt.timedelta(days=1),
        mode="face_to_face",
        duration_minutes=60,
        covered=frozenset({"safety_planning"}),
        notes="Synthetic session notes",
    )


@pytest.mark.parametrize("who", ["caseworker", "teammate"])
def test_the_owner_and_a_teammate_see_the_sessions(client, session, personas, who):
    client.force_login(getattr(personas, who))
    body = client.get(list_url(session.case)).content.decode()
    assert "Face to face" in body
    assert "Safety planning" in body
    assert "1 session, 60 minutes in all." in body
    assert record_url(session.case) in body


def test_an_outsider_gets_404(client, session, personas):
    client.force_login(personas.outsider)
    assert client.get(list_url(session.case)).status_code == 404


def test_a_closed_case_lists_its_sessions_without_the_record_link(client, session, personas):
    session.case.state = CaseState.CLOSED
    session.case.save()
    client.force_login(personas.caseworker)
    body = client.get(list_url(session.case)).content.decode()
    assert "Face to face" in body
    assert record_url(session.case) not in body


def test_the_case_page_links_to_the_sessions(client, supported_case, personas):
    client.force_login(personas.caseworker)
    body = client.get(reverse("casework:detail", args=[supported_case.pk])).content.decode()
    assert list_url(supported_case) in body


def test_the_case_page_summarises_the_sessions_in_the_support_section(client, session, personas):
    client.force_login(personas.caseworker)
    body = client.get(reverse("casework:detail", args=[session.case.pk])).content.decode()
    assert 'id="support-sessions"' in body
    assert "1 session, 1 hour in all." in body
    assert "face to face, 60 minutes (safety planning)" in body
    assert record_url(session.case) in body


def test_the_case_page_has_no_support_section_before_a_session(client, supported_case, personas):
    client.force_login(personas.caseworker)
    body = client.get(reverse("casework:detail", args=[supported_case.pk])).content.decode()
    assert 'id="support-sessions"' not in body
    assert record_url(supported_case) in body


def test_a_closed_case_page_offers_no_session_to_record(client, session, personas):
    session.case.state = CaseState.CLOSED
    session.case.save()
    client.force_login(personas.caseworker)
    body = client.get(reverse("casework:detail", args=[session.case.pk])).content.decode()
    assert "1 session, 1 hour in all." in body
    assert record_url(session.case) not in body


@pytest.mark.parametrize(
    ("minutes", "text"),
    [
        (1, "1 minute"),
        (45, "45 minutes"),
        (60, "1 hour"),
        (61, "1 hour 1 minute"),
        (150, "2 hours 30 minutes"),
    ],
)
def test_the_summary_says_the_time_as_staff_say_it(minutes, text):
    from haven.support.selectors import SessionSummary

    assert SessionSummary(count=1, total_minutes=minutes, latest=[]).duration_text == text
