"""Outcome assessments as `outcome_assessment_record` writes them: the assessment, its answers
(built by the service's own `answer_rows`) and the timeline entry pointing at it, unsaved for
`bulk_create`; and the journey's plausible scores (mostly improving, some not) from their own
random stream so the rest of the demo is unchanged."""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from uuid import UUID

from haven.accounts.models import User
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import Case
from haven.contracts.profiles.schema import Profile
from haven.outcomes.instrument import Instrument, instrument
from haven.outcomes.models import OutcomeAnswer, OutcomeAssessment
from haven.outcomes.services import InstrumentUse, answer_rows, assessment_summary


class OutcomesRecorder:
    """Mixed into `CaseRecorder`, which gives the case, ids and the timeline (`event`)."""

    case: Case
    profile: Profile  # the case's contract's, worked out once per profile version
    new_id: Callable[[], UUID]
    event: Callable[..., None]

    def __init__(self) -> None:
        self.outcome_assessments: list[OutcomeAssessment] = []
        self.outcome_answers: list[OutcomeAnswer] = []
        self.is_child = False  # a child answers the children's questions

    def outcome_assessment(
        self,
        *,
        actor: User,
        at: datetime,
        found: Instrument,
        stage: str,
        scores: dict[str, int],
        exit_form_type: str = "",
        new_id: Callable[[], UUID],
    ) -> None:
        """`outcome_assessment_record` by `actor` at `at` (declined when `scores` is empty)."""
        assessment = OutcomeAssessment(
            id=new_id(),
            case=self.case,
            instrument=found.key,
            stage=stage,
            asked_at=at,
            declined=not scores,
            exit_form_type=exit_form_type,
            recorded_by=actor,
            recorded_at=at,
        )
        self.outcome_assessments.append(assessment)
        self.outcome_answers += answer_rows(found, assessment, scores)
        self.event(
            kind=CaseEventKind.OUTCOME_ASSESSMENT,
            actor=actor,
            target=assessment,
            summary=assessment_summary(found, stage, declined=not scores),
            data={},
            at=at,
            event_id=new_id(),
        )


class OutcomeJourney:
    """One case's outcome questions: intake after first contact, a review on longer support, an
    exit before a planned closure; scores mostly better at the end, some the same, a few worse."""

    def __init__(self, recorder: OutcomesRecorder, *, actor: User, now: datetime) -> None:
        self.r, self.actor, self.now = recorder, actor, now
        # their own stream: the rest of the demo draws exactly as before
        self.rng = random.Random(recorder.case.id.int ^ 0x0C7C0E5)

    def new_id(self) -> UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def play(self, *, started: datetime, end: datetime, planned_exit: bool) -> None:
        for use in self._asked():
            self._play(use, started, end, planned_exit)

    def _asked(self) -> list[InstrumentUse]:
        """The contract's instruments for this person: a child answers the children's questions,
        an adult the others."""
        spec = self.r.profile.outcomes  # as instruments_for(case), without re-reading the profile
        uses = [
            InstrumentUse(found, tuple(use.stages))
            for use in (spec.instruments if spec else [])
            if (found := instrument(use.instrument)) is not None
        ]
        child = self.r.is_child
        fitting = [u for u in uses if (u.instrument.for_whom == "child") == child]
        return fitting[:1] or uses[:1]

    def _play(self, use: InstrumentUse, started: datetime, end: datetime, planned: bool) -> None:
        rng, last = self.rng, min(end, self.now)
        intake_at = started + timedelta(days=rng.uniform(1, 10))
        if "intake" not in use.stages or intake_at > last:
            return
        found = use.instrument
        start = self._start(found)
        trend = rng.choices([2, 1, 0, -1], weights=[4, 4, 2, 1])[0]  # the case's direction
        self._ask(use, "intake", intake_at, start, trend, 0.0)
        review_at = intake_at + (end - intake_at) / 2
        if "review" in use.stages and (end - intake_at).days > 60 and review_at <= last:
            self._ask(use, "review", review_at, start, trend, 0.5)
        exit_at = end - timedelta(hours=rng.uniform(1, 48))
        asks_exit = planned and "exit" in use.stages and end <= self.now and exit_at > intake_at
        if asks_exit and rng.random() < 0.85:
            self._ask(use, "exit", exit_at, start, trend, 1.0)

    def _start(self, found: Instrument) -> dict[str, int]:
        """Each question's score at intake: low to middling on its scale."""
        start = {}
        for question in found.questions:
            scores = sorted(found.scale_of(question).scores())
            start[question.key] = self.rng.choice(scores[: max(1, len(scores) // 2 + 1)])
        return start

    def _ask(
        self,
        use: InstrumentUse,
        stage: str,
        at: datetime,
        start: dict[str, int],
        trend: int,
        part: float,
    ) -> None:
        rng, found = self.rng, use.instrument
        if rng.random() < 0.07:  # they chose not to answer
            self.r.outcome_assessment(
                actor=self.actor, at=at, found=found, stage=stage, scores={}, new_id=self.new_id
            )
            return
        scores = {}
        for question in found.questions_at(stage):
            if rng.random() < (0.6 if question.key == "confident_parent" else 0.05):
                continue  # skipped (or does not apply)
            scale = sorted(found.scale_of(question).scores())
            if len(scale) == 2:  # yes/no "since support began"
                scores[question.key] = scale[1] if rng.random() < 0.15 + 0.25 * part else scale[0]
                continue
            moved = round((trend + rng.choice([-1, 0, 0, 1])) * part)
            scores[question.key] = max(scale[0], min(scale[-1], start[question.key] + moved))
        form_type = ""
        if stage == "exit" and found.exit_form_types:
            kinds = [t.key for t in found.exit_form_types]
            form_type = kinds[0] if rng.random() < 0.3 else kinds[-1]
        self.r.outcome_assessment(
            actor=self.actor,
            at=at,
            found=found,
            stage=stage,
            scores=scores,
            exit_form_type=form_type,
            new_id=self.new_id,
        )
