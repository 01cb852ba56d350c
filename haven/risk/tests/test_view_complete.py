"""The checklist page: who may complete it, the 24 questions, errors on the field, no half-saves."""

import pytest
from django.urls import reverse

from haven.risk.models import RiskAssessment
from haven.testing.casework import CaseFactory
from haven.testing.risk import form_data

pytestmark = pytest.mark.django_db


def url(case):
    return reverse("risk:complete", args=[case.pk])


def test_the_caseworker_sees_24_questions_in_the_police_dash_sections(client, personas, case):
    client.force_login(personas.caseworker)
    response = client.get(url(case))
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count('name="answer_') == 24 * 3
    for title in ["Current situation", "Children and dependants", "Domestic abuse history"]:
        assert title in page
    assert "They are not the published wording" in page
    assert 'name="level_override"' not in page


def test_the_caseworker_completes_the_checklist_and_sees_the_result(client, personas, case):
    client.force_login(personas.caseworker)
    response = client.post(url(case), form_data(yes=14))
    assessment = RiskAssessment.objects.get(case=case)
    assert response.status_code == 302
    assert response["Location"] == reverse("risk:result", args=[case.pk, assessment.pk])
    assert (assessment.score, assessment.level) == (14, "high")
    assert assessment.completed_by == personas.caseworker


def test_a_teammate_may_complete_it(client, personas, case):
    client.force_login(personas.teammate)
    assert client.post(url(case), form_data(yes=1)).status_code == 302


def test_a_missing_answer_is_shown_on_its_question_and_nothing_is_saved(client, personas, case):
    client.force_login(personas.caseworker)
    data = form_data(yes=3)
    del data["answer_weapons"]
    response = client.post(url(case), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Select yes, no or don&#39;t know for question 13" in page
    assert 'href="#id_answer_weapons' in page
    assert "<title>Error: Risk identification checklist" in page
    assert not RiskAssessment.objects.exists()


def test_judgement_without_reasons_is_an_error_on_the_reasons_field(client, personas, case):
    client.force_login(personas.caseworker)
    response = client.post(url(case), form_data(professional_judgement="yes"))
    assert "Enter the reasons for your professional judgement" in response.content.decode()
    assert not RiskAssessment.objects.exists()


def test_a_team_leader_may_override_with_a_reason(client, personas, case):
    client.force_login(personas.team_leader)
    assert 'name="level_override"' in client.get(url(case)).content.decode()
    data = form_data(yes=14, level_override="medium", level_override_reason="Former partner")
    assert client.post(url(case), data).status_code == 302
    assert RiskAssessment.objects.get().level == "medium"


def test_an_override_posted_by_a_caseworker_is_ignored(client, personas, case):
    client.force_login(personas.caseworker)
    data = form_data(yes=14, level_override="standard", level_override_reason="Try")
    client.post(url(case), data)
    assert RiskAssessment.objects.get().level == "high"


def test_an_outsider_in_another_team_gets_404(client, personas, case):
    client.force_login(personas.outsider)
    assert client.get(url(case)).status_code == 404


def test_another_providers_caseworker_gets_404(client, personas, case):
    client.force_login(personas.other_provider_caseworker)
    assert client.get(url(case)).status_code == 404


def test_a_commissioner_is_refused(client, personas, case):
    client.force_login(personas.commissioner)
    assert client.get(url(case)).status_code == 403
    assert client.post(url(case), form_data(yes=1)).status_code == 403
    assert not RiskAssessment.objects.exists()


def test_an_analyst_may_not_complete_a_checklist(client, personas, case):
    client.force_login(personas.analyst)
    assert client.get(url(case)).status_code == 403


def test_a_restricted_case_asks_for_a_reason_first(client, personas):
    restricted = CaseFactory(contract=personas.contract, team=personas.team, is_restricted=True)
    client.force_login(personas.caseworker)
    response = client.get(url(restricted))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("casework:break_glass", args=[restricted.pk]))


def test_signed_out_users_are_sent_to_sign_in(client, case):
    response = client.get(url(case))
    assert response.status_code == 302
    assert "login" in response["Location"]
