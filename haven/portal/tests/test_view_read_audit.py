"""The staff quick-question pages write a 'Viewed' event (issue 9 s5; core/tests/test_read_audit.py
lists them here). The public pages show no record and are exempt there."""

import pytest
from django.urls import reverse

from haven.core.models import AuditAction, AuditEvent
from haven.portal.services import quick_question_ask

pytestmark = pytest.mark.django_db


def _reads(user):
    return AuditEvent.objects.filter(actor=user, action=AuditAction.VIEW).count()


def test_the_queue_and_a_question_are_audited(client, personas, victim_first):
    question, _ = quick_question_ask(contract=victim_first, question="Hello?")
    client.force_login(personas.caseworker)
    for url in (reverse("portal:queue"), reverse("portal:answer", args=[question.pk])):
        before = _reads(personas.caseworker)
        assert client.get(url).status_code == 200
        assert _reads(personas.caseworker) > before, url
    before = _reads(personas.caseworker)
    assert (
        client.post(reverse("portal:answer", args=[question.pk]), {"answer": ""}).status_code == 200
    )
    assert _reads(personas.caseworker) > before
