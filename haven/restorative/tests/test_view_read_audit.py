"""Every restorative justice page that shows records writes a 'Viewed' event in the request that
showed it (issue 9 s5; core/tests/test_read_audit.py lists them here)."""

import pytest

from haven.core.models import AuditAction, AuditEvent
from haven.restorative.tests.views_helpers import index_url, refer_url, step_url

pytestmark = pytest.mark.django_db
READS = (AuditAction.VIEW, AuditAction.VIEW_RESTRICTED, AuditAction.EXPORT)


def _reads(user):
    return AuditEvent.objects.filter(actor=user, action__in=READS).count()


def test_every_page_audits_the_records_it_shows(client, process, personas):
    pages = {
        "index": (index_url(), personas.team_leader),
        "refer": (refer_url(process.case), personas.caseworker),
        "step": (step_url(process), personas.caseworker),
    }
    for name, (url, user) in pages.items():
        client.force_login(user)
        before = _reads(user)
        assert client.get(url).status_code == 200, name
        assert _reads(user) > before, name
