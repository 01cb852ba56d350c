"""Every appraisal page that shows records writes a 'Viewed' event in the request that showed
it (issue 9 s5; core/tests/test_read_audit.py lists them here)."""

import pytest

from haven.appraisal.tests.views_helpers import (
    feedback_action_url,
    feedback_url,
    index_url,
    round_url,
)
from haven.core.models import AuditAction, AuditEvent

pytestmark = pytest.mark.django_db


def test_every_page_audits_the_records_it_shows(client, appraisal, feedback, personas):
    client.force_login(personas.analyst)
    for url in (index_url(), round_url(appraisal), feedback_url(), feedback_action_url(feedback)):
        before = AuditEvent.objects.filter(actor=personas.analyst, action=AuditAction.VIEW).count()
        assert client.get(url).status_code == 200, url
        after = AuditEvent.objects.filter(actor=personas.analyst, action=AuditAction.VIEW).count()
        assert after > before, url
