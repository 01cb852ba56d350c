"""Change state page: only allowed next states offered; refusals shown on the field."""

import pytest
from django.urls import reverse

from haven.casework.models import CaseState

pytestmark = pytest.mark.django_db


def url(case):
    return reverse("casework:state_change", args=[case.pk])


def test_a_caseworker_moves_the_case_on(client, team_case, personas):
    client.force_login(personas.caseworker)
    body = client.get(url(team_case)).content.decode()
    assert 'value="contacting"' in body
    assert 'value="closed"' not in body
    response = client.post(url(team_case), {"to_state": "contacting", "reason": ""})
    assert response.status_code == 302
    team_case.refresh_from_db()
    assert team_case.state == CaseState.CONTACTING


def test_a_state_not_offered_is_an_error(client, team_case, personas):
    client.force_login(personas.caseworker)
    response = client.post(url(team_case), {"to_state": "closed"})
    assert response.status_code == 200
    team_case.refresh_from_db()
    assert team_case.state == CaseState.NEW


def test_the_waiting_list_refusal_is_shown(client, open_case, contract_for, personas):
    # seed 003 s7: never on the waiting list for looked-after children
    case = open_case(
        contract_for("wokingham-da-2017"), cohorts=["looked_after_child"], route="professional"
    )
    client.force_login(personas.caseworker)
    response = client.post(url(case), {"to_state": "waiting_list"})
    assert "looked after child" in response.content.decode()


def test_personas(client, team_case, personas):
    for user, status in (
        (personas.teammate, 200),
        (personas.team_leader, 200),
        (personas.outsider, 404),
        (personas.analyst, 403),
        (personas.commissioner, 403),
    ):
        client.force_login(user)
        assert client.get(url(team_case)).status_code == status, user


def test_a_contract_without_a_waiting_list_never_offers_it(
    client, open_case, contract_for, personas
):
    # seed 002 (Victim First) has no waiting list: only the states open to this contract
    case = open_case(contract_for("victim-first-2018"))
    client.force_login(personas.caseworker)
    body = client.get(url(case)).content.decode()
    assert 'value="contacting"' in body
    assert 'value="waiting_list"' not in body
    assert "Waiting list:" not in body


def test_an_engaged_case_without_a_waiting_list_is_offered_only_declined_support(
    client, open_case, contract_for, personas
):
    case = open_case(contract_for("victim-first-2018"))
    case.state = CaseState.ENGAGED
    case.save()
    client.force_login(personas.caseworker)
    body = client.get(url(case)).content.decode()
    assert 'value="declined"' in body
    assert 'value="waiting_list"' not in body


def test_a_closed_case_has_no_state_to_change_to(client, team_case, personas):
    team_case.state = CaseState.CLOSED
    team_case.save()
    client.force_login(personas.caseworker)
    response = client.get(url(team_case))
    assert response.status_code == 302
    assert response.url == reverse("casework:detail", args=[team_case.pk])
    page = client.get(response.url).content.decode()
    assert url(team_case) not in page
    assert "No change of state is open for this case now" in page
