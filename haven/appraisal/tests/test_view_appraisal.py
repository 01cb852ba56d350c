"""The appraisal pages (seed 001 s14): a round set up from the catalogue, links shown once,
a paper response, anonymous results, the public one-time link (no sign-in, once, closed after
the round, rate-limited) and "you said, we did"."""

import datetime as dt
import re

import pytest
from django.core.cache import cache
from django.utils import timezone

from haven.appraisal.models import AppraisalResponse, AppraisalRound, FeedbackItem
from haven.appraisal.services import links_create
from haven.appraisal.tests.views_helpers import (
    feedback_action_url,
    feedback_new_url,
    links_url,
    paper_url,
    respond_url,
    round_new_url,
    round_url,
)
from haven.appraisal.throttle import TRIES_AN_HOUR

pytestmark = pytest.mark.django_db


def _day(prefix, day):
    return {f"{prefix}-day": day.day, f"{prefix}-month": day.month, f"{prefix}-year": day.year}


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


def test_a_service_manager_sets_up_a_round(client, vs_contract, personas):
    client.force_login(personas.service_manager)
    today = timezone.localdate()
    response = client.post(
        round_new_url(vs_contract),
        {
            "title": "Appraisal 2026",
            **_day("opens_on", today),
            **_day("closes_on", today + dt.timedelta(days=30)),
            "extra": "The service's leaflets are easy to read",
        },
    )
    assert response.status_code == 302
    appraisal = AppraisalRound.objects.get()
    assert appraisal.questions.count() == 6
    assert appraisal.questions.last().measure == ""


def test_links_are_shown_once_and_answer_without_sign_in(client, appraisal, personas):
    client.force_login(personas.analyst)
    page = client.post(links_url(appraisal), {"group": "stakeholder", "count": "2"})
    assert "no-store" in page["Cache-Control"]
    links = re.findall(r"<code>([^<]+)</code>", page.content.decode())
    assert len(links) == 2
    token = links[0].rstrip("/").rsplit("/", 1)[1]
    client.logout()
    form = client.get(respond_url(token))
    assert form.status_code == 200
    assert "anonymous" in form.content.decode()
    question = appraisal.questions.get(measure="stakeholders_confident")
    sent = client.post(respond_url(token), {f"q_{question.pk}": "5"})
    assert sent.status_code == 302
    response = AppraisalResponse.objects.get()
    assert (response.group, response.source) == ("stakeholder", "link")
    again = client.get(respond_url(token))
    assert again.status_code == 410
    assert "used already" in again.content.decode()


def test_an_unknown_link_is_a_404_and_tries_are_limited(client):
    for _ in range(TRIES_AN_HOUR):
        assert client.get(respond_url("not-a-real-token")).status_code == 404
    assert client.get(respond_url("not-a-real-token")).status_code == 429


def test_a_link_after_the_round_has_closed_takes_no_answers(client, appraisal, personas):
    (token,) = links_create(
        appraisal=appraisal, group="staff", count=1, created_by=personas.analyst
    )
    appraisal.closes_on = timezone.localdate() - dt.timedelta(days=1)
    appraisal.save()
    response = client.get(respond_url(token))
    assert response.status_code == 410
    assert "not open" in response.content.decode()


def test_a_paper_response_and_the_anonymous_results(client, appraisal, personas):
    client.force_login(personas.analyst)
    question = appraisal.questions.get(measure="clear_what_to_expect")
    response = client.post(paper_url(appraisal), {"group": "service_user", f"q_{question.pk}": "4"})
    assert response.status_code == 302
    body = client.get(round_url(appraisal)).content.decode()
    assert "1 of 1" in body
    assert str(personas.analyst) not in body


def test_you_said_we_did(client, vs_contract, personas):
    client.force_login(personas.service_manager)
    today = timezone.localdate()
    response = client.post(
        feedback_new_url(vs_contract),
        {"you_said": "Synthetic: more evening sessions", **_day("received_on", today)},
    )
    assert response.status_code == 302
    item = FeedbackItem.objects.get()
    response = client.post(feedback_action_url(item), {"we_did": "", **_day("acted_on", today)})
    assert "Enter what the service did" in response.content.decode()
    response = client.post(
        feedback_action_url(item),
        {"we_did": "Synthetic: Thursday evening sessions", **_day("acted_on", today)},
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.acted_on == today
