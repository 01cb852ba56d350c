"""Close case page: exit type, reason and each unmet exit requirement's override."""

import pytest
from django.urls import reverse

from haven.casework.models import CaseState

pytestmark = pytest.mark.django_db


def url(case):
    return reverse("casework:close", args=[case.pk])


def test_closing_a_case_with_no_requirements(client, team_case, personas):
    client.force_login(personas.caseworker)
    response = client.post(
        url(team_case),
        {"exit_type": "planned", "exit_reason": "support_goals_met", "reason": "Support complete"},
    )
    assert response.status_code == 302
    team_case.refresh_from_db()
    assert team_case.state == CaseState.CLOSED


def test_an_unmet_requirement_asks_for_an_override_reason(
    client, open_case, contract_for, personas
):
    case = open_case(contract_for("wokingham-da-2017"), route="professional")
    client.force_login(personas.caseworker)
    body = client.get(url(case)).content.decode()
    assert "Exit risk assessment is not done" in body
    response = client.post(
        url(case), {"exit_type": "planned", "exit_reason": "support_goals_met", "reason": "Done"}
    )
    assert "do it first or give a reason" in response.content.decode()
    case.refresh_from_db()
    assert case.state != CaseState.CLOSED
    response = client.post(
        url(case),
        {
            "exit_type": "planned",
            "exit_reason": "support_goals_met",
            "reason": "Done",
            "override_exit_risk_assessment": "She declined the assessment",
        },
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.closure_overrides == {"exit_risk_assessment": "She declined the assessment"}


def test_missing_answers_are_errors_on_the_fields(client, team_case, personas):
    client.force_login(personas.caseworker)
    body = client.post(url(team_case), {}).content.decode()
    assert "Select whether this is a planned or unplanned exit" in body
    assert "Enter the reason for closing the case" in body


def test_personas(client, team_case, personas):
    for user, status in (
        (personas.teammate, 200),
        (personas.outsider, 404),
        (personas.analyst, 403),
        (personas.commissioner, 403),
    ):
        client.force_login(user)
        assert client.get(url(team_case)).status_code == status, user
