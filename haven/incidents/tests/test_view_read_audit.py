"""Every incidents page that shows records writes a 'Viewed' (or 'Exported') event in the
request that showed it (issue 9 s5; core/tests/test_read_audit.py lists them here)."""

import pytest
from django.urls import reverse

from haven.core.models import AuditAction, AuditEvent

pytestmark = pytest.mark.django_db

READS = (AuditAction.VIEW, AuditAction.VIEW_RESTRICTED, AuditAction.EXPORT)


def _reads(user):
    return AuditEvent.objects.filter(actor=user, action__in=READS).count()


def test_every_page_audits_the_records_it_shows(client, incident, complaint, personas):
    stage = complaint.stages.get()
    case = incident.case
    pages = {
        "register": (reverse("incidents:register"), personas.team_leader),
        "detail": (reverse("incidents:detail", args=[incident.pk]), personas.team_leader),
        "notify": (reverse("incidents:notify", args=[incident.pk]), personas.team_leader),
        "review": (reverse("incidents:review", args=[incident.pk]), personas.team_leader),
        "case_add": (reverse("incidents:case_add", args=[case.pk]), personas.caseworker),
        "chronology": (reverse("incidents:chronology", args=[case.pk]), personas.service_manager),
        "complaints": (reverse("incidents:complaints"), personas.team_leader),
        "complaint_detail": (
            reverse("incidents:complaint_detail", args=[complaint.pk]),
            personas.team_leader,
        ),
        "stage_respond": (
            reverse("incidents:stage_respond", args=[complaint.pk, stage.pk]),
            personas.team_leader,
        ),
        "complaint_escalate": (
            reverse("incidents:complaint_escalate", args=[complaint.pk]),
            personas.team_leader,
        ),
        "complaint_resolve": (
            reverse("incidents:complaint_resolve", args=[complaint.pk]),
            personas.team_leader,
        ),
        "compliments": (reverse("incidents:compliments"), personas.team_leader),
    }
    for name, (url, user) in pages.items():
        client.force_login(user)
        before = _reads(user)
        assert client.get(url).status_code == 200, name
        assert _reads(user) > before, name


def test_a_form_shown_again_with_errors_is_audited(client, incident, personas):
    client.force_login(personas.team_leader)
    before = _reads(personas.team_leader)
    response = client.post(reverse("incidents:notify", args=[incident.pk]), {})
    assert response.status_code == 200
    assert _reads(personas.team_leader) > before
