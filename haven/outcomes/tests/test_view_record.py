"""The record page: questions grouped by domain, a check answers step, Change keeps what was
typed, Save goes through the service; errors on their fields and nothing lost."""

import pytest

from haven.casework.models import CaseState, FormDraft
from haven.outcomes.models import OutcomeAssessment
from haven.outcomes.tests.helpers import answer_data, choose_url, history_url, record_url, when_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, personas):
    client.force_login(personas.caseworker)
    return client


def test_the_page_asks_each_question_under_its_domain(signed_in, outcome_case):
    page = signed_in.get(record_url(outcome_case)).content.decode()
    assert 'name="score_safe_at_home" type="radio" value="" checked' in page  # Not answered
    assert "Feeling safer" in page
    assert "I feel safe in my home." in page
    assert "Since support began" not in page  # review and exit questions only


def test_answers_are_checked_before_they_are_saved(signed_in, outcome_case):
    data = answer_data(safe_at_home="2", own_choices="4")
    page = signed_in.post(record_url(outcome_case), data).content.decode()
    assert "Check your answers" in page
    assert "Mostly true" in page
    assert not OutcomeAssessment.objects.exists()
    response = signed_in.post(record_url(outcome_case), data | {"confirm": "1"})
    assert response.status_code == 302
    assert response["Location"] == history_url(outcome_case)
    scores = dict(OutcomeAssessment.objects.get().answers.values_list("question", "score"))
    assert scores == {"safe_at_home": 2, "own_choices": 4}


def test_change_goes_back_to_the_questions_with_everything_kept(signed_in, outcome_case):
    data = answer_data(safe_at_home="2") | {"change": "1"}
    page = signed_in.post(record_url(outcome_case), data).content.decode()
    assert "Check your answers" not in page
    assert (
        'id="id_score_safe_at_home-2" name="score_safe_at_home" type="radio" value="2" checked'
        in page
    )


def test_a_refusal_shows_on_the_form_and_keeps_the_answers(signed_in, outcome_case):
    page = signed_in.post(
        record_url(outcome_case), when_data() | {"answered": "answered", "confirm": "1"}
    ).content.decode()
    assert "There is a problem" in page
    assert "Record at least one answer" in page
    assert not OutcomeAssessment.objects.exists()


def test_an_exit_form_of_the_victim_and_survivor_service_asks_its_type(signed_in, lvs_case):
    url = record_url(lvs_case, "leicester-vs-monitoring-v1", "exit")
    assert "What type of exit form is this?" in signed_in.get(url).content.decode()
    data = answer_data(vs_how_safe_now="4") | {"exit_form_type": "standard", "confirm": "1"}
    assert signed_in.post(url, data).status_code == 302
    assert OutcomeAssessment.objects.get().exit_form_type == "standard"


def test_a_stage_the_contract_does_not_ask_is_not_found(signed_in, lvs_case):
    assert (
        signed_in.get(record_url(lvs_case, "leicester-vs-monitoring-v1", "review")).status_code
        == 404
    )


def test_choose_offers_only_the_stages_still_open(signed_in, outcome_case, personas):
    signed_in.post(record_url(outcome_case), answer_data(safe_at_home="3") | {"confirm": "1"})
    page = signed_in.get(choose_url(outcome_case)).content.decode()
    assert record_url(outcome_case, stage="intake") not in page
    assert record_url(outcome_case, stage="review") in page


def test_a_closed_case_goes_back_to_its_outcomes(signed_in, outcome_case):
    outcome_case.state = CaseState.CLOSED
    outcome_case.save()
    response = signed_in.get(record_url(outcome_case))
    assert response.status_code == 302
    assert response["Location"] == history_url(outcome_case)


def test_answers_part_given_are_kept_as_a_draft_and_come_back(signed_in, outcome_case):
    # issue 11: long assessments may be saved as a draft and continued later
    data = {"answered": "answered", "score_safe_at_home": "2", "save_draft": "1"}
    response = signed_in.post(record_url(outcome_case), data)
    assert response.status_code == 302
    assert not OutcomeAssessment.objects.exists()
    assert FormDraft.objects.get().form_key == "outcomes-haven-outcomes-v1-intake"
    page = signed_in.get(record_url(outcome_case)).content.decode()
    assert 'name="score_safe_at_home" type="radio" value="2" checked' in page
    assert "govuk-error-message" not in page
    signed_in.post(record_url(outcome_case), answer_data(safe_at_home="2") | {"confirm": "1"})
    assert OutcomeAssessment.objects.exists()
    assert not FormDraft.objects.exists()
