"""The appraisal's create forms sent twice run once (issue 9 s5, ADR 0007): a round, a paper
response, a feedback item; the second POST lands where the first went."""

import datetime as dt

import pytest
from django.contrib.messages import get_messages
from django.utils import timezone

from haven.appraisal.models import AppraisalResponse, AppraisalRound, FeedbackItem
from haven.appraisal.tests.views_helpers import feedback_new_url, paper_url, round_new_url
from haven.core.form_tokens import ALREADY_SENT, FIELD
from haven.testing.html_forms import post_forms

pytestmark = pytest.mark.django_db


def _day(prefix, day):
    return {f"{prefix}-day": day.day, f"{prefix}-month": day.month, f"{prefix}-year": day.year}


def _sent_twice(client, url, data, model):
    forms = [f for f in post_forms(client.get(url).content.decode()) if f.action in ("", url)]
    before = model.objects.count()
    data = {**data, FIELD: forms[0].values[FIELD]}
    first = client.post(url, data)
    assert first.status_code == 302, first.content.decode()[:2000]
    second = client.post(url, data)
    assert second.status_code == 302
    assert second["Location"] == first["Location"]
    assert ALREADY_SENT in [str(m) for m in get_messages(second.wsgi_request)]
    assert model.objects.count() == before + 1


def test_the_forms_sent_twice_save_once(client, appraisal, personas):
    client.force_login(personas.service_manager)
    today = timezone.localdate()
    contract = appraisal.contract
    _sent_twice(
        client,
        round_new_url(contract),
        {
            "title": "Again",
            **_day("opens_on", today),
            **_day("closes_on", today + dt.timedelta(days=3)),
        },
        AppraisalRound,
    )
    question = appraisal.questions.first()
    _sent_twice(
        client,
        paper_url(appraisal),
        {"group": "staff", f"q_{question.pk}": "5"},
        AppraisalResponse,
    )
    _sent_twice(
        client,
        feedback_new_url(contract),
        {"you_said": "Synthetic", **_day("received_on", today)},
        FeedbackItem,
    )
