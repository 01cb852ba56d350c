"""The follow-up pages from the case page: the case section offers each open follow-up, the
contact page records an attempt for that follow-up (safe-contact refusal shown), a reached
person goes on to the survey, answers are kept on a validation error."""

import pytest
from django.urls import reverse

from haven.casework.models import TaskStatus
from haven.followups.models import FollowUpContact, Survey
from haven.followups.tests.helpers import (
    contact_data,
    follow_up_survey_url,
    follow_up_url,
    survey_data,
    survey_url,
)

pytestmark = pytest.mark.django_db


def test_the_case_page_offers_each_open_follow_up(client, dv360_closed, personas):
    client.force_login(personas.caseworker)
    page = client.get(reverse("casework:detail", args=[dv360_closed.pk])).content.decode()
    assert "Follow-ups and surveys" in page
    for task in dv360_closed.tasks.filter(rule_key__startswith="follow_up"):
        assert follow_up_url(dv360_closed, task) in page
    assert survey_url(dv360_closed, "survey_team") in page


def test_a_reached_follow_up_goes_on_to_its_survey(client, dv360_closed, personas):
    client.force_login(personas.caseworker)
    twelve = dv360_closed.tasks.get(rule_key="follow_up_12_months")
    response = client.post(follow_up_url(dv360_closed, twelve), contact_data())
    contact = FollowUpContact.objects.get()
    assert response.status_code == 302
    assert response["Location"] == follow_up_survey_url(dv360_closed, contact)
    assert dv360_closed.tasks.get(rule_key="follow_up_1_month").status == TaskStatus.OPEN
    page = client.get(response["Location"]).content.decode()
    assert "Did the person answer the survey?" in page
    response = client.post(response["Location"], survey_data(took_part="declined"))
    assert response.status_code == 302
    survey = Survey.objects.get()
    assert survey.declined
    assert survey.schedule_key == "follow_up_12_months"
    page = client.get(reverse("casework:detail", args=[dv360_closed.pk])).content.decode()
    assert "The person declined the survey." in page


def test_a_follow_up_not_reached_goes_back_to_the_case(client, dv360_closed, personas):
    client.force_login(personas.caseworker)
    one = dv360_closed.tasks.get(rule_key="follow_up_1_month")
    response = client.post(follow_up_url(dv360_closed, one), contact_data(outcome="no_answer"))
    assert response["Location"] == reverse("casework:detail", args=[dv360_closed.pk])
    assert not Survey.objects.exists()


def test_an_unsafe_channel_is_refused_with_the_reason(client, dv360_closed, personas):
    client.force_login(personas.caseworker)
    one = dv360_closed.tasks.get(rule_key="follow_up_1_month")
    data = contact_data(channel="email", outcome="email_sent")
    response = client.post(follow_up_url(dv360_closed, one), data)
    assert response.status_code == 200
    assert "This channel is not safe now" in response.content.decode()
    assert not FollowUpContact.objects.exists()


def test_a_survey_with_a_missing_answer_keeps_what_was_typed(client, dv360_closed, personas):
    client.force_login(personas.caseworker)
    one = dv360_closed.tasks.get(rule_key="follow_up_1_month")
    client.post(follow_up_url(dv360_closed, one), contact_data())
    url = follow_up_survey_url(dv360_closed, FollowUpContact.objects.get())
    response = client.post(url, survey_data({"satisfied": "yes"}))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Select an answer" in body
    assert 'value="yes" checked' in body or "checked" in body
    assert not Survey.objects.exists()


def test_a_survey_team_result_is_recorded_from_the_case_page(client, dv360_closed, personas):
    # seed 002 s7 / seed 000 s5: the survey team's results recorded against each victim
    client.force_login(personas.caseworker)
    answers = dict.fromkeys(
        (
            "satisfied",
            "feel_safer",
            "would_recommend",
            "improved_family_life",
            "reduced_stress",
            "aware_of_services",
            "know_how_to_report",
        ),
        "yes",
    )
    response = client.post(survey_url(dv360_closed, "survey_team"), survey_data(answers))
    assert response.status_code == 302
    assert Survey.objects.get().answers.count() == 7


def test_a_follow_up_already_met_sends_back_to_the_case(client, dv360_closed, personas):
    client.force_login(personas.caseworker)
    one = dv360_closed.tasks.get(rule_key="follow_up_1_month")
    client.post(follow_up_url(dv360_closed, one), contact_data(outcome="reached"))
    response = client.get(follow_up_url(dv360_closed, one))
    assert response.status_code == 302


@pytest.mark.parametrize("who", ["outsider", "other_provider_caseworker"])
def test_outsiders_find_nothing(client, dv360_closed, personas, who):
    client.force_login(getattr(personas, who))
    one = dv360_closed.tasks.get(rule_key="follow_up_1_month")
    assert client.get(follow_up_url(dv360_closed, one)).status_code == 404
    assert client.get(survey_url(dv360_closed, "exit")).status_code == 404


def test_a_commissioner_is_refused(client, dv360_closed, personas):
    client.force_login(personas.commissioner)
    one = dv360_closed.tasks.get(rule_key="follow_up_1_month")
    assert client.get(follow_up_url(dv360_closed, one)).status_code == 403
    assert client.get(survey_url(dv360_closed, "exit")).status_code == 403


@pytest.mark.parametrize("who", ["caseworker", "teammate", "team_leader"])
def test_the_team_opens_the_follow_up_and_survey_pages(client, dv360_closed, personas, who):
    client.force_login(getattr(personas, who))
    one = dv360_closed.tasks.get(rule_key="follow_up_1_month")
    assert client.get(follow_up_url(dv360_closed, one)).status_code == 200
    assert client.get(survey_url(dv360_closed, "survey_team")).status_code == 200


def test_a_survey_the_contract_does_not_ask_sends_back_to_the_case(client, dv360_closed, personas):
    client.force_login(personas.caseworker)
    response = client.get(survey_url(dv360_closed, "end_of_visit"))
    assert response.status_code == 302
    assert client.get(survey_url(dv360_closed, "follow_up")).status_code == 404
    assert client.get(survey_url(dv360_closed, "no-such-survey")).status_code == 404


def test_signed_out_visitors_are_sent_to_sign_in(client, dv360_closed):
    one = dv360_closed.tasks.get(rule_key="follow_up_1_month")
    for url in (follow_up_url(dv360_closed, one), survey_url(dv360_closed, "exit")):
        response = client.get(url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
