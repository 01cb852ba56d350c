"""The consent pages that show a person's data write a 'Viewed' event (issue 9 s5): the record
and withdraw forms (as a read of the person, shown again with errors too) and the share
register (a list of the shares shown)."""

import pytest
from django.urls import reverse

from haven.consent.services import share_record
from haven.core.models import AuditAction, AuditEvent

pytestmark = pytest.mark.django_db


def _viewed(response, user):
    return AuditEvent.objects.filter(
        request_id=response["X-Request-Id"], action=AuditAction.VIEW, actor=user
    )


def test_the_record_form_is_a_read_of_the_person(client, personas, person):
    client.force_login(personas.caseworker)
    url = reverse("consent:record", args=[person.pk])
    for response in (client.get(url), client.post(url, {})):
        assert response.status_code == 200
        assert _viewed(response, personas.caseworker).filter(object_id=str(person.pk)).exists()


def test_the_withdraw_form_is_a_read_of_the_person(client, personas, person, consent_to):
    consent = consent_to()
    client.force_login(personas.caseworker)
    url = reverse("consent:withdraw", args=[person.pk, consent.pk])
    for response in (client.get(url), client.post(url, {})):
        assert response.status_code == 200
        assert _viewed(response, personas.caseworker).filter(object_id=str(person.pk)).exists()


def test_the_share_register_audits_the_shares_it_shows(client, personas, team_case):
    share = share_record(
        person=team_case.person,
        case=team_case,
        recipient="Synthetic Police",
        purpose="MARAC referral",
        kind="marac_referral",
        basis="safeguarding",
        reason="Synthetic reason",
        shared_by=personas.caseworker,
    )
    client.force_login(personas.team_leader)
    response = client.get(reverse("consent:shares"))
    (event,) = _viewed(response, personas.team_leader)
    assert event.changes == {"page": "share register", "shown": [str(share.pk)]}
