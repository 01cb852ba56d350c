"""Every workforce page that shows staff records writes a 'Viewed' (or 'Exported') event in the
request that showed it (issue 9 s5; core/tests/test_read_audit.py lists them here)."""

import pytest
from django.urls import reverse

from haven.core.models import AuditAction, AuditEvent

pytestmark = pytest.mark.django_db
READS = (AuditAction.VIEW, AuditAction.EXPORT)


def _reads(user):
    return AuditEvent.objects.filter(actor=user, action__in=READS).count()


def test_every_page_audits_the_records_it_shows(client, personas, caseworker_record):
    organisation = personas.organisation.pk
    pages = {
        "index": (reverse("workforce:index"), personas.team_leader),
        "mine": (reverse("workforce:mine"), personas.caseworker),
        "staff": (reverse("workforce:staff", args=[caseworker_record.pk]), personas.team_leader),
        "figures": (reverse("workforce:figures", args=[organisation]), personas.service_manager),
        "figures_csv": (
            reverse("workforce:figures_csv", args=[organisation]),
            personas.service_manager,
        ),
        **{
            name: (reverse(f"workforce:{name}", args=[caseworker_record.pk]), personas.team_leader)
            for name in (
                "supervision_add",
                "vetting_add",
                "training_add",
                "sickness_add",
                "equality",
                "staff_edit",
                "staff_leave",
                "staff_login",
            )
        },
        "posts": (reverse("workforce:posts", args=[organisation]), personas.team_leader),
        "session_add": (
            reverse("workforce:session_add", args=[organisation]),
            personas.team_leader,
        ),
    }
    for name, (url, user) in pages.items():
        client.force_login(user)
        before = _reads(user)
        assert client.get(url).status_code == 200, name
        assert _reads(user) > before, name
