"""Every outbox page that shows a case writes a 'Viewed' event (issue 9 s5;
core/tests/test_read_audit.py lists them here); the PDF is an 'Exported' event."""

import pytest
from django.urls import reverse

from haven.core.models import AuditAction, AuditEvent
from haven.outbox.services import message_send

pytestmark = pytest.mark.django_db

READS = (AuditAction.VIEW, AuditAction.VIEW_RESTRICTED, AuditAction.EXPORT)


def _reads(user):
    return AuditEvent.objects.filter(actor=user, action__in=READS).count()


def test_every_page_audits_the_records_it_shows(client, personas, vf_case):
    case = vf_case(contact_method="post")
    letter = message_send(
        case=case, template_key="first_contact", channel="letter", sent_by=personas.caseworker
    )
    pages = {
        "letters": reverse("outbox:letters"),
        "send": reverse("outbox:send", args=[case.pk]),
        "preview": reverse("outbox:send", args=[case.pk]) + "?message=first_contact:letter",
        "message": reverse("outbox:message", args=[case.pk, letter.pk]),
        "letter_pdf": reverse("outbox:letter_pdf", args=[case.pk, letter.pk]),
    }
    client.force_login(personas.caseworker)
    for name, url in pages.items():
        before = _reads(personas.caseworker)
        assert client.get(url).status_code == 200, name
        assert _reads(personas.caseworker) > before, name


def test_a_form_shown_again_with_errors_is_audited(client, personas, vf_case):
    case = vf_case()
    client.force_login(personas.caseworker)
    before = _reads(personas.caseworker)
    response = client.post(reverse("outbox:send", args=[case.pk]), {})
    assert response.status_code == 200
    assert _reads(personas.caseworker) > before


def test_marking_a_letter_shows_no_page_and_is_audited_by_its_service(client, personas, vf_case):
    case = vf_case(contact_method="post")
    letter = message_send(
        case=case, template_key="first_contact", channel="letter", sent_by=personas.caseworker
    )
    client.force_login(personas.caseworker)
    for name in ("letter_printed", "letter_posted"):
        before = _reads(personas.caseworker)
        response = client.post(reverse(f"outbox:{name}", args=[case.pk, letter.pk]))
        assert response.status_code == 302, name
        assert _reads(personas.caseworker) == before, name
        assert AuditEvent.objects.filter(
            actor=personas.caseworker, action=AuditAction.UPDATE, object_id=str(letter.pk)
        ).exists()
