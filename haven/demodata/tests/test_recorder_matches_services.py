"""The recorder writes the same rows as the casework and risk services for the same journey.

Each journey is played twice: through the real services (time travelling to each step, with
the breach cron run before it) and through `CaseRecorder`. Cases, tasks, attempts, notes,
assessments, exit interviews, onward referrals, needs assessments and timeline entries must
match field by field (ids aside).
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.utils import timezone

from haven.casework.models import Case, NeedsAssessmentArea
from haven.casework.services import (
    case_close,
    case_note_add,
    case_state_change,
    contact_attempt_record,
    exit_interview_record,
    needs_assessment_record,
    needs_reassessment_record,
    onward_referral_record,
    referral_accept,
    tasks_mark_breached,
)
from haven.demodata.recorder import CaseRecorder
from haven.people.models import Person, SafeContact
from haven.proceedings.services import proceeding_outcome_record, proceeding_record
from haven.referrals.models import Referral
from haven.risk.engine import Answer, RecordedAnswer
from haven.risk.selectors import checklist_for, risk_settings_for
from haven.risk.services import risk_assessment_complete
from haven.support.services import support_session_record
from haven.testing.fixtures import profile_contract

pytestmark = pytest.mark.django_db
T0 = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)  # a Monday


def at(hours: float) -> datetime:
    return T0 + timedelta(hours=hours)


# Victim First's nine areas (seed 002 s3.9) at the initial assessment and before closure
AREAS = [
    "personal_safety",
    "mental_health",
    "accommodation",
    "drugs_alcohol",
    "family",
    "education_employment",
    "finance",
    "outlook",
    "social_interactions",
]
INITIAL_LEVELS = dict.fromkeys(AREAS, 2) | {"accommodation": 3}
EXIT_LEVELS = dict.fromkeys(AREAS, 1)

# Each step: (hours after T0, what, arguments)
NOT_CONTACTABLE = [
    (1, "accept", {}),
    (2, "attempt", {"channel": "phone", "outcome": "no_answer"}),
    (20, "attempt", {"channel": "phone", "outcome": "voicemail_left"}),
    (40, "attempt", {"channel": "phone", "outcome": "no_answer"}),
    (41, "attempt", {"channel": "letter", "outcome": "letter_sent"}),
    (200, "state", {"to_state": "not_contactable", "not_contactable_reason": "no_answer"}),
    (
        400,
        "close",
        {
            "exit_type": "unplanned",
            "exit_reason": "not_contactable",
            "not_contactable_reason": "no_answer",
            "reason": "Not contactable",
        },
    ),
]
ENGAGED_HIGH_RISK = [
    (3, "accept", {}),
    (30, "attempt", {"channel": "phone", "outcome": "no_answer"}),
    (70, "attempt", {"channel": "phone", "outcome": "reached"}),  # engaged by the profile
    (72, "risk", {"level": "high"}),
    (90, "note", {"note_type": "contact", "text": "Safety plan agreed."}),
    (
        95,
        "support_session",
        {"mode": "telephone", "duration_minutes": 40, "session_with": "parent_carer"},
    ),
    (
        120,
        "support_session",
        {"mode": "court", "duration_minutes": 240, "covered": frozenset({"vps_enabled"})},
    ),
    # issue 11: the prosecution that court session was for, ending in a guilty plea that day
    (
        121,
        "proceeding",
        {"kind": "criminal_prosecution", "court_type": "magistrates", "outcome": "guilty_plea"},
    ),
    # seed 002 s3.9: the needs assessment meets its deadline; levels per area (s7 domains)
    (96, "needs", {"levels": INITIAL_LEVELS, "notes": {"accommodation": "Sofa-surfing"}}),
    (898, "exit_interview", {"method": "phone", "summary": "Feels safer"}),
    (899, "onward_referral", {"agency": "Synthetic Housing", "agency_type": "housing"}),
    (900, "reassessment", {"summary": "Housing settled", "levels": EXIT_LEVELS}),
    (
        901,
        "close",
        {
            "exit_type": "planned",
            "exit_reason": "support_goals_met",
            "reason": "Support plan completed",
        },
    ),
    # (nothing is recorded on a closed Victim First case: it has no follow-up duties)
]


def answers_for(definition, level):
    yes = 15 if level == "high" else 2
    return {
        item.key: Answer.YES if i < yes else Answer.NO for i, item in enumerate(definition.items)
    }


def play_services(case_or_referral, steps, actor, contract, team=None):
    case = None
    definition = checklist_for(contract)
    for hours, what, args in steps:
        with time_machine.travel(at(hours), tick=False):
            tasks_mark_breached(now=at(hours))
            if what == "accept":
                # allocated to the worker in their team, so they may change it (risk checklist)
                case = referral_accept(
                    referral=case_or_referral, accepted_by=actor, team=team, allocated_to=actor
                )
            elif what == "attempt":
                contact_attempt_record(
                    case=case,
                    attempted_at=at(hours),
                    recorded_by=actor,
                    override_reason="Agreed",
                    **args,
                )
            elif what == "state":
                case_state_change(case=case, changed_by=actor, **args)
            elif what == "risk":
                risk_assessment_complete(
                    case=case,
                    completed_by=actor,
                    answers={
                        k: RecordedAnswer(v)
                        for k, v in answers_for(definition, args["level"]).items()
                    },
                    professional_judgement=False,
                    professional_judgement_reason="",
                    incidents_last_12_months=None,
                    stage="first_contact",
                    completed_at=at(hours),
                )
            elif what == "note":
                case_note_add(case=case, author=actor, happened_at=at(hours), **args)
            elif what == "support_session":
                support_session_record(case=case, recorded_by=actor, delivered_at=at(hours), **args)
            elif what == "proceeding":
                day = timezone.localdate(at(hours))
                proceeding = proceeding_record(
                    case=case,
                    recorded_by=actor,
                    kind=args["kind"],
                    court_type=args["court_type"],
                    started_on=day - timedelta(days=30),
                )
                proceeding_outcome_record(
                    proceeding=proceeding,
                    recorded_by=actor,
                    outcome=args["outcome"],
                    outcome_on=day,
                )
            elif what == "exit_interview":
                exit_interview_record(case=case, recorded_by=actor, held_at=at(hours), **args)
            elif what == "onward_referral":
                onward_referral_record(
                    case=case, recorded_by=actor, made_at=at(hours), consent=True, **args
                )
            elif what == "needs":
                needs_assessment_record(
                    case=case,
                    recorded_by=actor,
                    assessed_at=at(hours),
                    stage="initial",
                    task=case.tasks.get(rule_key="needs_assessment", status="open"),
                    **args,
                )
            elif what == "reassessment":
                needs_reassessment_record(
                    case=case, recorded_by=actor, assessed_at=at(hours), **args
                )
            elif what == "close":
                case_close(
                    case=case,
                    closed_by=actor,
                    at=at(hours),
                    overrides={
                        "needs_reassessment": "Not reachable",
                        "exit_risk_assessment": "Not reachable",
                    },
                    **args,
                )
        case.refresh_from_db()
    with time_machine.travel(at(2000), tick=False):
        tasks_mark_breached(now=at(2000))
    return case


def play_recorder(referral, steps, actor, contract, preferences, team=None):
    referral.decision, referral.decided_at, referral.decided_by = "accepted", at(steps[0][0]), actor
    case = Case(
        id=uuid.uuid4(),
        person=referral.person,
        contract=contract,
        referral=referral,
        team=team,
        allocated_to=actor,
        risk_level=referral.referrer_risk_level,
        opened_at=at(steps[0][0]),
    )
    recorder = CaseRecorder(
        case=case, referral=referral, preferences=preferences, new_id=uuid.uuid4
    )
    definition, settings = checklist_for(contract), risk_settings_for(contract)
    for hours, what, args in steps:
        recorder.mark_breached(at(hours))
        if what == "accept":
            recorder.open(opened_by=actor)
        elif what == "attempt":
            recorder.attempt(at=at(hours), actor=actor, override_reason="Agreed", **args)
        elif what == "state":
            recorder.change_state(actor=actor, at=at(hours), **args)
        elif what == "risk":
            recorder.risk_assessment(
                stage="first_contact",
                at=at(hours),
                actor=actor,
                answers=answers_for(definition, args["level"]),
                definition=definition,
                settings=settings,
                incidents_last_12_months=None,
            )
        elif what == "note":
            recorder.note(author=actor, happened_at=at(hours), recorded_at=at(hours), **args)
        elif what == "support_session":
            recorder.support_session(actor=actor, at=at(hours), **args)
        elif what == "proceeding":
            day = timezone.localdate(at(hours))
            recorder.proceeding(
                actor=actor,
                at=at(hours),
                started_on=day - timedelta(days=30),
                outcome_on=day,
                new_id=recorder.new_id,
                **args,
            )
        elif what == "exit_interview":
            recorder.exit_interview(actor=actor, at=at(hours), **args)
        elif what == "onward_referral":
            recorder.onward_referral(actor=actor, at=at(hours), **args)
        elif what == "needs":
            task = next(
                t
                for t in recorder.outstanding()
                if t.rule_key == "needs_assessment" and t.status == "open"
            )
            recorder.needs_assessment(actor=actor, at=at(hours), stage="initial", task=task, **args)
        elif what == "reassessment":
            recorder.needs_assessment(actor=actor, at=at(hours), stage="exit", **args)
        elif what == "close":
            recorder.close(
                closed_by=actor,
                at=at(hours),
                overrides={
                    "needs_reassessment": "Not reachable",
                    "exit_risk_assessment": "Not reachable",
                },
                **args,
            )
    recorder.mark_breached(at(2000))
    return recorder


CASE_FIELDS = [
    "state",
    "risk_level",
    "first_contact_at",
    "final_letter_requested_at",
    "closed_at",
    "exit_type",
    "exit_reason",
    "not_contactable_reason",
    "closure_reason",
    "closure_overrides",
    "opened_at",
]
TASK_FIELDS = [
    "rule_key",
    "label",
    "action",
    "due_at",
    "explanation",
    "citation",
    "status",
    "attempts_allowed",
    "attempts_made",
    "completed_at",
    "met_at",
    "is_outstanding",
    "allocated_to_id",
    "team_id",
]
ATTEMPT_FIELDS = [
    "channel",
    "direction",
    "outcome",
    "attempted_at",
    "is_final_letter",
    "safe_contact_reasons",
    "override_reason",
]
EVENT_FIELDS = ["kind", "occurred_at", "actor_id", "summary", "object_type"]
INTERVIEW_FIELDS = ["held_at", "method", "outcome", "summary", "recorded_by_id", "recorded_at"]
ONWARD_FIELDS = [
    "made_at",
    "agency",
    "agency_type",
    "need",
    "consent",
    "note",
    "recorded_by_id",
    "recorded_at",
]
PROCEEDING_FIELDS = [
    "kind",
    "court_type",
    "specialist_dv_court",
    "started_on",
    "next_hearing_on",
    "status",
    "outcome",
    "outcome_on",
]
SESSION_FIELDS = [
    "delivered_at",
    "mode",
    "duration_minutes",
    "delivered_by_id",
    "session_with",
    "court_session",
    "specialist_dv_court",
    "vps_enabled",
    "legal_proceedings_supported",
    "safety_planning",
    "emotional_support",
    "practical_support",
    "notes",
    "recorded_by_id",
    "recorded_at",
]
NEEDS_FIELDS = ["stage", "assessed_at", "summary", "rule_key", "recorded_by_id", "recorded_at"]


def value(obj, name):
    found = getattr(obj, name)
    if isinstance(found, dict | list):  # jsonb does not keep key order
        return json.dumps(found, sort_keys=True)
    return str(found.astimezone(UTC) if isinstance(found, datetime) else found)


def rows(objects, fields):
    return sorted(tuple(value(o, f) for f in fields) for o in objects)


def events(objects):
    result = []
    for event in objects:
        stored = json.loads(json.dumps(event.data))  # as the JSON column holds it
        data = {k: v for k, v in stored.items() if k not in {"note_id", "corrects"}}
        result.append((*(value(event, f) for f in EVENT_FIELDS), str(sorted(data.items()))))
    return sorted(result)


@pytest.mark.parametrize(
    "steps", [NOT_CONTACTABLE, ENGAGED_HIGH_RISK], ids=["not_contactable", "engaged"]
)
def test_the_recorder_writes_what_the_services_write(personas, steps):
    contract = profile_contract("victim-first-2018", personas.organisation)
    person = Person.objects.create(
        reference_code="AAAA-AAAAA",
        organisation=personas.organisation,
        given_name="Synthetic",
        phone="07700 900001",
    )
    safe = SafeContact.objects.create(
        person=person, safe_phone="07700 900001", voicemail_allowed=True, letters="never"
    )
    fields = {
        "contract": contract,
        "person": person,
        "route": "police",
        "received_at": T0,
        "contact_method": "mobile_phone",
        "consent_to_contact": True,
        "referrer_risk_level": "standard",
    }
    referral = Referral.objects.create(**fields)
    actor = personas.caseworker
    served = play_services(referral, steps, actor, contract, personas.team)
    recorded = play_recorder(
        Referral(**fields), steps, actor, contract, safe.preferences(), personas.team
    )

    assert rows([served], CASE_FIELDS) == rows([recorded.case], CASE_FIELDS)
    assert rows(served.tasks.all(), TASK_FIELDS) == rows(recorded.tasks, TASK_FIELDS)
    assert rows(served.attempts.all(), ATTEMPT_FIELDS) == rows(recorded.attempts, ATTEMPT_FIELDS)
    assert events(served.events.all()) == events(recorded.events)
    note_fields = ["note_type", "text", "happened_at"]
    assert rows(served.notes.all(), note_fields) == rows(recorded.notes, note_fields)
    risk_fields = ["stage", "score", "level", "computed_level", "reasons", "thresholds", "answers"]
    assert rows(served.risk_assessments.all(), risk_fields) == rows(
        recorded.assessments, risk_fields
    )
    assert rows(served.exit_interviews.all(), INTERVIEW_FIELDS) == rows(
        recorded.exit_interviews, INTERVIEW_FIELDS
    )
    assert rows(served.onward_referrals.all(), ONWARD_FIELDS) == rows(
        recorded.onward_referrals, ONWARD_FIELDS
    )
    assert rows(served.needs_assessments.all(), NEEDS_FIELDS) == rows(
        recorded.needs_assessments, NEEDS_FIELDS
    )
    assert rows(served.support_sessions.all(), SESSION_FIELDS) == rows(
        recorded.support_sessions, SESSION_FIELDS
    )
    assert rows(served.proceedings.all(), PROCEEDING_FIELDS) == rows(
        recorded.proceedings, PROCEEDING_FIELDS
    )
    levels = [
        (a.assessment.stage, a.area, a.level, a.notes)
        for a in NeedsAssessmentArea.objects.filter(assessment__case=served)
    ]
    stages = {n.id: n.stage for n in recorded.needs_assessments}
    assert sorted(levels) == sorted(
        (stages[a.assessment_id], a.area, a.level, a.notes) for a in recorded.needs_areas
    )
    # every timeline entry of an exit step points at its row (ids differ between the two)
    pointed = {
        str(pk)
        for m in ("exit_interviews", "onward_referrals", "needs_assessments")
        for pk in getattr(served, m).values_list("pk", flat=True)
    }
    steps = served.events.filter(kind__in=["exit_interview", "onward_referral", "needs_assessment"])
    assert {e.object_id for e in steps} == pointed
