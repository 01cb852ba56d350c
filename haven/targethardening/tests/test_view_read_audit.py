"""Every target hardening page of a case writes a 'Viewed' event in the request that showed it
(issue 9 s5; core/tests/test_read_audit.py lists them here)."""

import pytest
from django.urls import reverse

from haven.core.models import AuditAction, AuditEvent

pytestmark = pytest.mark.django_db

READS = (AuditAction.VIEW, AuditAction.VIEW_RESTRICTED, AuditAction.EXPORT)


def _reads(user):
    return AuditEvent.objects.filter(actor=user, action__in=READS).count()


def test_every_case_page_audits_the_case_it_shows(client, job, th_case, open_case, th, personas):
    unvisited = open_case(contract=th, route="victim_first")
    pages = {
        name: (reverse(f"targethardening:{name}", args=[job.case.pk]), personas.team_leader)
        for name in ("job", "fit", "refusal", "needs", "over_limit")
    }
    pages["visit"] = (
        reverse("targethardening:visit", args=[unvisited.pk]),
        personas.caseworker,
    )
    for name, (url, user) in pages.items():
        client.force_login(user)
        before = _reads(user)
        assert client.get(url).status_code == 200, name
        assert _reads(user) > before, name


def test_a_form_shown_again_with_errors_is_audited(client, job, personas):
    client.force_login(personas.caseworker)
    before = _reads(personas.caseworker)
    response = client.post(reverse("targethardening:refusal", args=[job.case.pk]), {})
    assert response.status_code == 200
    assert _reads(personas.caseworker) > before
