"""Leicester's appraisal measures (seed 001 Lot 3 s8, Lot 1 s8, Lot 2 s8, Lot 4 s8: "360'
appraisal"; "Annual service user accountability report") on hand-built facts, read from the
profiles; and the loader's fixed queries."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from haven.reporting.facts import (
    AppraisalAnswerFact,
    AppraisalResponseFact,
    Facts,
    FeedbackItemFact,
)
from haven.reporting.tests.test_measures_contact import INSIDE, JUST_AFTER, result

VS = "leicester-victim-survivor-2012"


def _facts() -> Facts:
    responses = [
        AppraisalResponseFact(1, "stakeholder", INSIDE),
        AppraisalResponseFact(2, "stakeholder", INSIDE),
        AppraisalResponseFact(3, "service_user", INSIDE),
        AppraisalResponseFact(4, "stakeholder", JUST_AFTER),  # after the quarter
        AppraisalResponseFact(5, "staff", INSIDE),
    ]
    answers = [
        AppraisalAnswerFact(1, "stakeholders_confident", 5),  # agrees
        AppraisalAnswerFact(2, "stakeholders_confident", 3),  # neither
        AppraisalAnswerFact(3, "stakeholders_confident", 5),  # a service user: not asked
        AppraisalAnswerFact(4, "stakeholders_confident", 5),  # outside the period
        AppraisalAnswerFact(5, "positive_change_practice", 4),
        AppraisalAnswerFact(1, "positive_change_practice", 2),
    ]
    feedback = [
        FeedbackItemFact(10, date(2026, 4, 10), date(2026, 5, 1)),  # acted on
        FeedbackItemFact(11, date(2026, 5, 10), None),  # not yet
        FeedbackItemFact(12, date(2026, 6, 1), date(2026, 7, 5)),  # after the quarter's end
        FeedbackItemFact(13, date(2026, 3, 1), date(2026, 4, 2)),  # received before
    ]
    return Facts(appraisal_responses=responses, appraisal_answers=answers, feedback_items=feedback)


def test_seed_001_lot_3_s8_stakeholders_confident_share_of_stakeholders_agreeing():
    figure = result(VS, "stakeholders_confident", _facts()).figure
    assert figure is not None
    assert figure.numerator == (1,)
    assert set(figure.denominator) == {1, 2}


def test_seed_001_lot_3_s8_positive_change_asks_stakeholders_and_staff():
    figure = result(VS, "positive_change_practice", _facts()).figure
    assert figure is not None
    assert figure.numerator == (5,)
    assert set(figure.denominator) == {1, 5}


def test_seed_001_lot_3_s8_service_adapted_share_of_feedback_acted_on_by_the_end():
    figure = result(VS, "service_adapted", _facts()).figure
    assert figure is not None
    assert figure.numerator == (10,)
    assert set(figure.denominator) == {10, 11, 12}


@pytest.mark.parametrize(
    ("slug", "measure"),
    [
        ("leicester-family-2012", "information_sharing"),
        ("leicester-perpetrator-2012", "local_knowledge_what_works"),
        ("leicester-perpetrator-2012", "information_exchanged"),
        ("leicester-safehome-2012", "housing_options_managed"),
        (VS, "clear_what_to_expect"),
        (VS, "service_users_positive_referral"),
        (VS, "stakeholders_positive_referral"),
    ],
)
def test_seed_001_s8_every_appraisal_measure_is_computed(slug, measure):
    assert result(slug, measure, _facts()).status == "computed"


@pytest.mark.django_db
def test_the_loader_reads_the_appraisal_in_three_queries(appraisal, feedback, personas):
    from datetime import UTC, datetime

    from haven.appraisal.services import response_record
    from haven.reporting.loaders import load_facts

    for score in (5, 2):
        response_record(
            appraisal=appraisal,
            group="stakeholder",
            scores={q.pk: score for q in appraisal.questions.all()},
            entered_by=personas.analyst,
        )
    now = timezone.now()
    start, end = datetime(now.year - 1, 1, 1, tzinfo=UTC), datetime(now.year + 1, 1, 1, tzinfo=UTC)
    contract = appraisal.contract
    with CaptureQueriesContext(connection) as without:
        load_facts(contract, start, end, needs=frozenset())
    with CaptureQueriesContext(connection) as with_appraisal:
        facts = load_facts(contract, start, end, needs=frozenset({"appraisal"}))
    assert len(with_appraisal) == len(without) + 3
    assert len(facts.appraisal_responses) == 2
    assert len(facts.appraisal_answers) == 10
    assert [f.id for f in facts.feedback_items] == [feedback.pk]
