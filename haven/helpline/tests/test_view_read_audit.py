"""Every helpline page that shows records writes a 'Viewed' event in the request that showed it
(core/tests/test_read_audit.py lists them here)."""

import pytest
from django.urls import reverse

from haven.core.models import AuditAction, AuditEvent

pytestmark = pytest.mark.django_db
READS = (AuditAction.VIEW, AuditAction.VIEW_RESTRICTED, AuditAction.EXPORT)


def _reads(user):
    return AuditEvent.objects.filter(actor=user, action__in=READS).count()


def test_every_page_audits_the_records_it_shows(client, logged_call, personas):
    call_back = logged_call.call_backs.get()
    pages = {
        "shift": reverse("helpline:shift"),
        "log": reverse("helpline:log"),
        "call": reverse("helpline:call", args=[logged_call.pk]),
        "call_backs": reverse("helpline:call_backs"),
        "call_back": reverse("helpline:call_back", args=[call_back.pk]),
        "rota": reverse("helpline:rota"),
    }
    user = personas.caseworker
    client.force_login(user)
    for name, url in pages.items():
        before = _reads(user)
        assert client.get(url).status_code == 200, name
        assert _reads(user) > before, name


def test_the_call_back_page_audits_its_view_of_the_safe_contact_note(client, logged_call, personas):
    call_back = logged_call.call_backs.get()
    client.force_login(personas.teammate)
    client.get(reverse("helpline:call_back", args=[call_back.pk]))
    assert AuditEvent.objects.filter(
        actor=personas.teammate, action=AuditAction.VIEW, object_id=str(call_back.pk)
    ).exists()


def test_a_form_shown_again_with_errors_is_audited(client, wokingham, personas):
    client.force_login(personas.caseworker)
    before = _reads(personas.caseworker)
    response = client.post(reverse("helpline:shift"), {"contract": str(wokingham.pk)})
    assert response.status_code == 200
    assert _reads(personas.caseworker) > before
