"""Every hardship page that shows records writes a 'Viewed' event in the request that showed it
(issue 9 s5; core/tests/test_read_audit.py lists them here)."""

from decimal import Decimal

import pytest

from haven.core.models import AuditAction, AuditEvent
from haven.hardship.services import hardship_grant_decide, hardship_grant_request
from haven.hardship.tests.views_helpers import (
    decide_url,
    fund_url,
    funds_url,
    pay_url,
    request_url,
)

pytestmark = pytest.mark.django_db
READS = (AuditAction.VIEW, AuditAction.VIEW_RESTRICTED, AuditAction.EXPORT)


def _reads(user):
    return AuditEvent.objects.filter(actor=user, action__in=READS).count()


def test_every_page_audits_the_records_it_shows(client, grant, personas):
    approved = hardship_grant_decide(grant=grant, decided_by=personas.service_manager, approve=True)
    waiting = hardship_grant_request(
        case=grant.case, requested_by=personas.caseworker, amount=Decimal("1"), purpose="food"
    )
    pages = {
        "funds": (funds_url(), personas.team_leader),
        "fund": (fund_url(grant.fund), personas.team_leader),
        "request": (request_url(grant.case), personas.caseworker),
        "decide": (decide_url(waiting), personas.team_leader),
        "pay": (pay_url(approved), personas.team_leader),
    }
    for name, (url, user) in pages.items():
        client.force_login(user)
        before = _reads(user)
        assert client.get(url).status_code == 200, name
        assert _reads(user) > before, name
