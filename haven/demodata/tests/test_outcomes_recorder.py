"""The demo's outcome recorder writes what `outcome_assessment_record` writes: the same
assessment fields, answers (domain and direction from the instrument) and timeline line."""

import datetime as dt
import uuid

import pytest
from django.utils import timezone

from haven.demodata.outcomes import OutcomesRecorder
from haven.outcomes.instrument import instrument
from haven.outcomes.services import outcome_assessment_record
from haven.testing.casework import CaseFactory
from haven.testing.fixtures import profile_contract

pytestmark = pytest.mark.django_db
SCORES = {"vs_how_safe_now": 2, "vs_physical_harm": 3}


class Host(OutcomesRecorder):
    def __init__(self, case):
        super().__init__()
        self.case = case
        self.events = []

    def event(self, **fields):
        self.events.append(fields)


def test_the_recorder_matches_the_service(personas):
    case = CaseFactory(
        contract=profile_contract("leicester-victim-survivor-2012", personas.organisation),
        team=personas.team,
        opened_at=timezone.now() - dt.timedelta(days=20),
    )
    at = timezone.now() - dt.timedelta(days=1)
    served = outcome_assessment_record(
        case=case,
        recorded_by=personas.caseworker,
        instrument_key="leicester-vs-monitoring-v1",
        stage="exit",
        asked_at=at,
        scores=SCORES,
        exit_form_type="standard",
    )
    host = Host(case)
    found = instrument("leicester-vs-monitoring-v1")
    host.outcome_assessment(
        actor=personas.caseworker,
        at=at,
        found=found,
        stage="exit",
        scores=SCORES,
        exit_form_type="standard",
        new_id=uuid.uuid4,
    )
    (recorded,) = host.outcome_assessments
    fields = ["instrument", "stage", "asked_at", "declined", "exit_form_type", "recorded_by_id"]
    assert [getattr(recorded, f) for f in fields] == [getattr(served, f) for f in fields]
    answer = ["question", "domain", "score", "higher_is_better"]
    assert sorted(tuple(getattr(a, f) for f in answer) for a in host.outcome_answers) == sorted(
        served.answers.values_list(*answer)
    )
    (event,) = host.events
    assert event["summary"] == served.case.events.get(kind="outcome_assessment").summary
    assert all(a.assessment_id == recorded.id for a in host.outcome_answers)
