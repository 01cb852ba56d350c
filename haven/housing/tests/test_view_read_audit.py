"""Every housing page writes a 'Viewed' event in the request that showed it (issue 9 s5;
core/tests/test_read_audit.py lists them here)."""

import pytest

from haven.core.models import AuditAction, AuditEvent
from haven.housing.tests.views_helpers import detail_url, entry_url, exit_url, outcome_url

pytestmark = pytest.mark.django_db
READS = (AuditAction.VIEW, AuditAction.VIEW_RESTRICTED, AuditAction.EXPORT)


def _reads(user):
    return AuditEvent.objects.filter(actor=user, action__in=READS).count()


def test_every_page_audits_the_case_it_shows(client, entry, personas):
    client.force_login(personas.caseworker)
    for url in (detail_url(entry.case), entry_url(entry.case), exit_url(entry.case)):
        before = _reads(personas.caseworker)
        assert client.get(url).status_code == 200, url
        assert _reads(personas.caseworker) > before, url
    before = _reads(personas.caseworker)
    assert client.get(outcome_url(entry.case)).status_code == 200
    assert _reads(personas.caseworker) > before
