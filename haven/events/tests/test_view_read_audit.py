"""Every events page that shows events writes a 'Viewed' (or 'Exported') event in the request
that showed it (issue 9 s5; core/tests/test_read_audit.py lists them here)."""

import pytest
from django.urls import reverse

from haven.core.models import AuditAction, AuditEvent

pytestmark = pytest.mark.django_db

READS = (AuditAction.VIEW, AuditAction.VIEW_RESTRICTED, AuditAction.EXPORT)


def _reads(user):
    return AuditEvent.objects.filter(actor=user, action__in=READS).count()


def test_every_page_audits_the_events_it_shows(client, event, personas):
    user = personas.caseworker
    client.force_login(user)
    for name in ("index", "export", "detail", "edit", "deliver", "cancel"):
        args = [] if name in ("index", "export") else [event.pk]
        before = _reads(user)
        assert client.get(reverse(f"events:{name}", args=args)).status_code == 200, name
        assert _reads(user) > before, name


def test_a_form_shown_again_with_errors_is_audited(client, event, personas):
    client.force_login(personas.caseworker)
    before = _reads(personas.caseworker)
    response = client.post(reverse("events:deliver", args=[event.pk]), {})
    assert response.status_code == 200
    assert _reads(personas.caseworker) > before
