"""Outcome assessments in a return: loaded (when a measure needs them) in one query each for the
window's cases, whenever they were asked, and counted by the Victim and Survivor return."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from haven.outcomes.models import OutcomeAnswer, OutcomeAssessment
from haven.reporting.loaders import load_facts
from haven.reporting.selectors import contract_return
from haven.reporting.tests.test_loaders import MAY, NOW, Q1, cases

pytestmark = pytest.mark.django_db
VS = "leicester-vs-monitoring-v1"


def _asked(case, user, stage, at, scores, form_type=""):
    assessment = OutcomeAssessment.objects.create(
        case=case,
        instrument=VS,
        stage=stage,
        asked_at=at,
        exit_form_type=form_type,
        recorded_by=user,
        recorded_at=at,
        declined=not scores,
    )
    OutcomeAnswer.objects.bulk_create(
        OutcomeAnswer(assessment=assessment, question=q, domain=d, score=s)
        for q, (d, s) in scores.items()
    )
    return assessment


def test_outcomes_load_in_one_query_each_whenever_asked(contract_for, personas):
    contract = contract_for("leicester-victim-survivor-2012")
    (case,) = cases(contract, 1)
    early = datetime(2025, 1, 10, tzinfo=UTC)  # a baseline long before the quarter
    intake = _asked(
        case, personas.caseworker, "intake", early, {"vs_how_safe_now": ("feeling_safer", 2)}
    )
    with CaptureQueriesContext(connection) as captured:
        facts = load_facts(contract, Q1.start, Q1.end, needs=frozenset({"outcomes"}))
    assert [a.id for a in facts.outcome_assessments] == [intake.id]
    (answer,) = facts.outcome_answers
    assert (answer.case_id, answer.stage, answer.question, answer.score) == (
        case.id,
        "intake",
        "vs_how_safe_now",
        2,
    )
    sql = [q["sql"] for q in captured.captured_queries]
    assert sum('"outcomes_outcomeanswer"' in q.split("FROM")[1] for q in sql if "FROM" in q) == 1
    skipped = load_facts(contract, Q1.start, Q1.end, needs=frozenset())
    for unread in (skipped.outcome_assessments, skipped.outcome_answers):
        with pytest.raises(LookupError, match="'outcomes' was not loaded"):
            list(unread)


def test_the_victim_and_survivor_return_counts_feel_safer_and_exit_forms(contract_for, personas):
    # seed 001 Lot 3 s8: feel safer (80%); exit forms completed, criminal justice and standard
    contract = contract_for("leicester-victim-survivor-2012")
    first, second = cases(contract, 2)
    before = MAY - timedelta(days=40)
    for case, after in ((first, 4), (second, 2)):
        _asked(
            case, personas.caseworker, "intake", before, {"vs_how_safe_now": ("feeling_safer", 3)}
        )
        _asked(
            case,
            personas.caseworker,
            "exit",
            MAY,
            {"vs_how_safe_now": ("feeling_safer", after)},
            "standard" if after == 4 else "criminal_justice",
        )
    result = contract_return(contract, Q1, now=NOW)
    feel_safer = result.measure("feel_safer")
    forms = result.measure("exit_forms_by_type")
    assert feel_safer is not None
    assert forms is not None
    assert feel_safer.value == 0.5
    assert forms.value == 2
