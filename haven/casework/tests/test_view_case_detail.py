"""The case page: header, deadlines, timeline and actions, for the right people only."""

import pytest
from django.urls import reverse
from markupsafe import escape

from haven.casework.models import CaseAccess
from haven.core.models import AuditAction, AuditEvent

pytestmark = pytest.mark.django_db


def url(case):
    return reverse("casework:detail", args=[case.pk])


def test_a_caseworker_in_the_team_sees_the_header_timeline_and_actions(
    client, open_case, contract_for, personas
):
    case = open_case(contract_for("victim-first-2018"))
    client.force_login(personas.caseworker)
    response = client.get(url(case))
    assert response.status_code == 200
    body = response.content.decode()
    assert case.person.reference_code in body
    assert escape(case.person.full_name) in body  # O'Brien is O&#39;Brien in HTML
    assert "Telephone contact within 48 hours" in body
    # seed 002 s3.7, as staff know the document
    assert "Victim First service specification (2018), section 3.7" in body
    assert "seed 002" not in body
    assert "first_contact_phone" not in body  # the profile's rule key is not for staff
    assert "Referral accepted; case opened" in body
    assert "Record a contact attempt" in body
    assert "Close case" in body
    assert reverse("risk:complete", args=[case.pk]) in body
    assert reverse("risk:history", args=[case.pk]) in body


def test_a_teammate_sees_it_too(client, team_case, personas):
    client.force_login(personas.teammate)
    assert client.get(url(team_case)).status_code == 200


def test_an_analyst_sees_it_without_change_actions(client, team_case, personas):
    client.force_login(personas.analyst)
    body = client.get(url(team_case)).content.decode()
    assert "Record a contact attempt" not in body
    assert reverse("risk:complete", args=[team_case.pk]) not in body
    assert reverse("risk:history", args=[team_case.pk]) in body


def test_a_caseworker_in_another_team_gets_404(client, team_case, personas):
    client.force_login(personas.outsider)
    assert client.get(url(team_case)).status_code == 404


def test_another_provider_gets_404(client, team_case, personas):
    client.force_login(personas.other_provider_caseworker)
    assert client.get(url(team_case)).status_code == 404


def test_a_commissioner_is_refused(client, team_case, personas):
    client.force_login(personas.commissioner)
    assert client.get(url(team_case)).status_code == 403


def test_signed_out_goes_to_sign_in(client, team_case):
    response = client.get(url(team_case))
    assert response.status_code == 302
    assert "login" in response.url


def test_a_restricted_case_shows_its_badge_to_named_staff(client, team_case, personas):
    team_case.is_restricted = True
    team_case.save()
    CaseAccess.objects.create(case=team_case, user=personas.caseworker)
    client.force_login(personas.caseworker)
    response = client.get(url(team_case))
    assert response.status_code == 200
    assert "Restricted" in response.content.decode()


def test_a_restricted_case_sends_others_in_scope_to_the_reason_form(client, team_case, personas):
    team_case.is_restricted = True
    team_case.save()
    client.force_login(personas.teammate)
    response = client.get(url(team_case))
    assert response.status_code == 302
    assert reverse("casework:break_glass", args=[team_case.pk]) in response.url


def test_each_view_under_a_reason_is_audited(client, team_case, personas):
    team_case.is_restricted = True
    team_case.save()
    client.force_login(personas.teammate)
    client.post(
        reverse("casework:break_glass", args=[team_case.pk]), {"reason": "Covering for a colleague"}
    )
    client.get(url(team_case))
    assert (
        AuditEvent.objects.filter(
            action=AuditAction.VIEW_RESTRICTED, actor=personas.teammate
        ).count()
        == 2
    )


def test_opening_the_case_page_is_audited_as_a_view(client, team_case, personas):
    client.force_login(personas.caseworker)
    client.get(url(team_case))
    assert AuditEvent.objects.filter(
        action=AuditAction.VIEW, object_id=str(team_case.pk), actor=personas.caseworker
    ).exists()
