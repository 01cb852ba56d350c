"""Every MARAC page that shows a case is audited as a read in the request that showed it
(issue 9 s5; haven/core/tests/test_read_audit.py lists these pages as checked here), and so is
each form shown again after a POST with errors."""

import pytest

from haven.core.models import AuditAction, AuditEvent
from haven.marac.tests.views_helpers import case_pages, heard, meeting_pages

pytestmark = pytest.mark.django_db
READS = (AuditAction.VIEW, AuditAction.VIEW_RESTRICTED, AuditAction.EXPORT)
FORMS = {"incident", "referral_add", "area_add", "meeting_add", "hearing_add", "action_add"}
FORMS |= {"action_status"}


def _reads(response):
    return AuditEvent.objects.filter(request_id=response["X-Request-Id"], action__in=READS)


def _pages(referral, personas):
    case = {name: (url, "caseworker") for name, url in case_pages(referral).items()}
    meetings = meeting_pages(*heard(referral, personas))
    return case | {name: (url, "team_leader") for name, url in meetings.items()}


def test_every_page_writes_a_viewed_event(client, referral, personas):
    for name, (url, who) in _pages(referral, personas).items():
        user = getattr(personas, who)
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200, name
        events = list(_reads(response))
        assert events, f"{name} showed a page without a 'Viewed' event"
        assert all(event.actor == user for event in events), name


def test_every_form_shown_again_with_errors_writes_a_viewed_event(client, referral, personas):
    pages = _pages(referral, personas)
    for name in sorted(FORMS):
        url, who = pages[name]
        client.force_login(getattr(personas, who))
        response = client.post(url, {})
        assert response.status_code == 200, f"{name}: the bad POST did not show the form again"
        assert _reads(response).exists(), name
