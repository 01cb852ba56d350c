"""Every refuge page that shows a case writes a 'Viewed' event (issue 9 s5;
core/tests/test_read_audit.py lists them here)."""

import pytest
from django.urls import reverse

from haven.core.models import AuditAction, AuditEvent

pytestmark = pytest.mark.django_db

READS = (AuditAction.VIEW, AuditAction.VIEW_RESTRICTED, AuditAction.EXPORT)


def _reads(user):
    return AuditEvent.objects.filter(actor=user, action__in=READS).count()


def test_every_page_audits_the_records_it_shows(client, personas, stay, cornwall_case):
    pages = {
        "board": reverse("refuge:board"),
        "move_in": reverse("refuge:move_in", args=[cornwall_case.pk]),
        "extend": reverse("refuge:extend", args=[cornwall_case.pk, stay.pk]),
        "move_out": reverse("refuge:move_out", args=[cornwall_case.pk, stay.pk]),
    }
    client.force_login(personas.caseworker)
    for name, url in pages.items():
        before = _reads(personas.caseworker)
        assert client.get(url).status_code == 200, name
        assert _reads(personas.caseworker) > before, name


def test_a_form_shown_again_with_errors_is_audited(client, personas, stay, cornwall_case):
    client.force_login(personas.caseworker)
    before = _reads(personas.caseworker)
    response = client.post(reverse("refuge:move_out", args=[cornwall_case.pk, stay.pk]), {})
    assert response.status_code == 200
    assert _reads(personas.caseworker) > before
