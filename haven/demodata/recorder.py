"""One case's rows exactly as the casework and risk services would write them, built in memory.

The services (`case_open_from_referral`, `contact_attempt_record`, `case_state_change`,
`risk_assessment_complete`, `case_note_add`, `case_close`, `tasks_mark_breached`) save and audit
each row; the demo builds hundreds of thousands of cases, so this mirrors their effects on unsaved
model instances for `bulk_create`. The rules themselves are the services' pure helpers
(`deadline_rules`, `first_contact`, `transitions`, the risk engine, `check_channel`), so the only
thing repeated here is which rows each step writes. `tests/test_recorder_matches_services.py`
replays the same journey through the real services and compares the rows.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any
from uuid import UUID

from django.db import models
from django.utils import timezone

from haven.accounts.models import User
from haven.casework import first_contact, transitions
from haven.casework.deadline_rules import case_situation
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import (
    Case,
    CaseEvent,
    CaseNote,
    CaseState,
    ContactAttempt,
    Direction,
    ExitReason,
    ExitType,
    NoteType,
    Outcome,
    Task,
    TaskStatus,
)
from haven.casework.services.attempts import (
    attempt_summary,
    final_letter_task_fields,
    moved_on_summary,
    on_success_rule,
    state_after_success,
)
from haven.casework.services.closure import EXIT_RISK_EVENT, applicable_requirements
from haven.casework.services.tasks import deadline_task_fields
from haven.contracts.profiles.schema import Profile
from haven.contracts.profiles.stored import profile_of
from haven.core.table_writer import unsaved
from haven.deadlines import DeadlineRule, Evaluation, ServiceClock, evaluate
from haven.demodata.exit_steps import ExitStepsRecorder
from haven.demodata.exits import ExitsRecorder
from haven.demodata.follow_ups import FollowUpsRecorder
from haven.demodata.marac import MaracRecorder
from haven.demodata.outcomes import OutcomesRecorder
from haven.demodata.plans import PlansRecorder
from haven.demodata.proceedings import ProceedingsRecorder
from haven.demodata.risk_extras import RiskExtrasRecorder
from haven.demodata.safeguarding import SafeguardingRecorder
from haven.demodata.support_sessions import SupportSessionsRecorder
from haven.people.safe_contact import SafeContactPreferences, check_channel
from haven.referrals.models import Referral
from haven.risk.engine import Answer, ChecklistDefinition, assess
from haven.risk.models import RiskAssessment, RiskStage
from haven.risk.reassessments import (
    CHANGE_RULE_KEY,
    REGISTER_RULE_KEY,
    on_register,
    register_review_fields,
    risk_spec_of,
    window_opens_for,
)
from haven.risk.selectors import RiskSettings
from haven.risk.services import MARAC_CITATION, risk_result_fields

_PROFILES: dict[tuple[str, str], tuple[Profile, tuple[DeadlineRule, ...], ServiceClock]] = {}


def _profile_rules(contract: Any) -> tuple[Profile, tuple[DeadlineRule, ...], ServiceClock]:
    """`profile_of` plus the profile's rules and clock, worked out once per profile version."""
    key = (contract.slug, contract.profile_sha256)
    if key not in _PROFILES:
        profile = profile_of(contract)
        _PROFILES[key] = (profile, profile.rules(), profile.service_clock())
    return _PROFILES[key]


class CaseRecorder(
    ExitStepsRecorder,
    SupportSessionsRecorder,
    ProceedingsRecorder,
    PlansRecorder,
    FollowUpsRecorder,
    ExitsRecorder,
    OutcomesRecorder,
    SafeguardingRecorder,
    MaracRecorder,
    RiskExtrasRecorder,
):
    """The rows of one case; each method is one service call at a given moment."""

    def __init__(
        self,
        *,
        case: Case,
        referral: Referral,
        preferences: SafeContactPreferences,
        new_id: Callable[[], UUID],
    ) -> None:
        ExitStepsRecorder.__init__(self)
        SupportSessionsRecorder.__init__(self)
        ProceedingsRecorder.__init__(self)
        PlansRecorder.__init__(self)
        FollowUpsRecorder.__init__(self)
        ExitsRecorder.__init__(self)
        OutcomesRecorder.__init__(self)
        SafeguardingRecorder.__init__(self)
        RiskExtrasRecorder.__init__(self)
        self.case = case
        self.referral = referral
        self.preferences = preferences
        self.new_id = new_id
        self.profile, self.rules, self.clock = _profile_rules(case.contract)
        self.tasks: list[Task] = []
        self.events: list[CaseEvent] = []
        self.attempts: list[ContactAttempt] = []
        self.notes: list[CaseNote] = []
        self.assessments: list[RiskAssessment] = []

    # -- the timeline -------------------------------------------------------------------------
    def event(
        self,
        *,
        kind: str,
        actor: User | None,
        summary: str,
        at: datetime,
        target: models.Model | None = None,
        data: dict[str, Any] | None = None,
        event_id: UUID | None = None,
    ) -> None:
        """`case_event_record` (`event_id`: an id drawn by the caller, else the next one)."""
        self.events.append(
            unsaved(
                CaseEvent,
                id=event_id or self.new_id(),
                case_id=self.case.id,
                kind=kind,
                occurred_at=at,
                actor_id=actor.pk if actor is not None else None,
                summary=summary[:500],
                object_type=target._meta.label_lower if target is not None else "",
                object_id=str(target.pk) if target is not None else "",
                data=dict(data or {}),
            )
        )

    # -- tasks --------------------------------------------------------------------------------
    def outstanding(self) -> list[Task]:
        return sorted((t for t in self.tasks if t.is_outstanding), key=lambda t: t.due_at)

    def mark_breached(self, now: datetime) -> None:
        """`tasks_mark_breached` (cron): open tasks past their due time become breached."""
        for task in self.tasks:
            if task.status == TaskStatus.OPEN and task.due_at < now:
                task.status = TaskStatus.BREACHED
                self.event(
                    kind=CaseEventKind.TASK_BREACHED,
                    actor=None,
                    target=task,
                    summary=f"Deadline missed: {task.label}",
                    data={"rule_key": task.rule_key},
                    at=task.due_at,
                )

    def sync_tasks(self, *, actor: User | None, at: datetime) -> None:
        """`case_tasks_sync`: a task per computed rule, once; cancel open ones no longer applying.

        `evaluate` is what `deadline_rules.evaluation_for` calls, with the profile parsed once.
        """
        evaluation: Evaluation = evaluate(self.rules, case_situation(self.case), self.clock)
        dropped = {rule.key for rule, _ in evaluation.superseded} | {
            r.key for r in evaluation.not_applicable
        }
        for task in self.tasks:
            open_task = task.status == TaskStatus.OPEN and task.is_outstanding
            if open_task and task.rule_key in dropped:
                task.status = TaskStatus.CANCELLED
                task.is_outstanding = False
        existing = {t.rule_key for t in self.tasks}
        for deadline in evaluation.computed:
            rule = deadline.rule
            if rule.key in existing:
                continue
            task = unsaved(
                Task,
                id=self.new_id(),
                case_id=self.case.id,
                **deadline_task_fields(self.case, deadline),
            )
            self.tasks.append(task)
            due = timezone.localtime(deadline.due)
            self.event(
                kind=CaseEventKind.TASK_CREATED,
                actor=actor,
                target=task,
                summary=f"Deadline set: {rule.label} (due {due:%d %b %Y %H:%M})",
                data={"rule_key": rule.key, "citation": rule.citation},
                at=at,
            )

    def complete(self, task: Task, *, done_at: datetime, actor: User | None, how: str) -> None:
        """`task_complete`: met when done by the due time, otherwise breached (done late)."""
        completion = first_contact.completion(task.due_at, done_at)
        task.completed_at = done_at
        task.status = completion.status
        task.met_at = done_at if completion.status == TaskStatus.MET else None
        task.is_outstanding = False
        verb = "met" if task.status == TaskStatus.MET else "done late"
        self.event(
            kind=CaseEventKind.TASK_COMPLETED,
            actor=actor,
            target=task,
            summary=f"{task.label}: {verb} ({how})",
            data={"rule_key": task.rule_key, "status": task.status},
            at=done_at,
        )

    # -- opening ------------------------------------------------------------------------------
    def open(self, *, opened_by: User | None) -> None:
        """`referral_accept` → `case_open_from_referral` at the case's `opened_at`."""
        at = self.case.opened_at
        self.event(
            kind=CaseEventKind.REFERRAL_RECEIVED,
            actor=None,
            target=self.referral,
            summary=f"Referral received ({self.referral.route_label()})",
            at=self.referral.received_at,
        )
        self.event(
            kind=CaseEventKind.CASE_OPENED,
            actor=opened_by,
            target=self.case,
            summary="Referral accepted; case opened",
            at=at,
        )
        self.sync_tasks(actor=opened_by, at=at)

    # -- contact attempts ---------------------------------------------------------------------
    def unsafe_reasons(self, channel: str, outcome: str, at: datetime) -> list[str]:
        """`casework.safety.unsafe_reasons` on the person's preferences."""
        reasons: list[str] = []
        for checked in first_contact.safe_contact_channels(channel, outcome):
            result = check_channel(self.preferences, checked, at)  # type: ignore[arg-type]
            reasons += [reason for reason in result.reasons if reason not in reasons]
        return reasons

    def attempt(
        self,
        *,
        channel: str,
        outcome: str,
        at: datetime,
        actor: User,
        direction: str = Direction.OUTBOUND,
        override_reason: str = "",
        notes: str = "",
        next_state: str = "",
        for_task: Task | None = None,
        new_id: Callable[[], UUID] | None = None,
    ) -> ContactAttempt:
        """`contact_attempt_record`; an unsafe outbound channel is recorded with the override.
        `for_task`: the follow-up the attempt is made for (it touches that task only); `new_id`:
        the ids of the attempt and its timeline entries, drawn from the caller's stream (no
        deadline is marked missed first then, so the case's own stream is left as it was)."""
        if new_id is not None:
            own, self.new_id = self.new_id, new_id
            try:
                return self._attempt(
                    channel, outcome, at, actor, direction, override_reason, notes, "", for_task
                )
            finally:
                self.new_id = own
        self.mark_breached(at)
        return self._attempt(
            channel, outcome, at, actor, direction, override_reason, notes, next_state, for_task
        )

    def _attempt(
        self,
        channel: str,
        outcome: str,
        at: datetime,
        actor: User,
        direction: str,
        override_reason: str,
        notes: str,
        next_state: str,
        for_task: Task | None,
    ) -> ContactAttempt:
        move_to = state_after_success(self.case, outcome, next_state)
        reasons = self.unsafe_reasons(channel, outcome, at) if direction == "outbound" else []
        case = self.case
        attempt = unsaved(
            ContactAttempt,
            id=self.new_id(),
            case_id=case.id,
            channel=channel,
            direction=direction,
            outcome=outcome,
            notes=notes,
            attempted_at=at,
            recorded_by_id=actor.pk,
            is_final_letter=bool(
                case.final_letter_requested_at and channel == "letter" and outcome == "letter_sent"
            ),
            safe_contact_reasons=reasons,
            override_reason=override_reason if reasons else "",
        )
        self.attempts.append(attempt)
        summary = attempt_summary(attempt)
        self.event(
            kind=CaseEventKind.ATTEMPT,
            actor=actor,
            target=attempt,
            summary=summary,
            data={
                "channel": channel,
                "outcome": outcome,
                "override": bool(reasons),
                **({"notes": notes} if notes else {}),
            },
            at=at,
        )
        self._update_tasks(attempt, actor, for_task)
        self._after_attempt(attempt, actor, move_to)
        return attempt

    def _update_tasks(
        self, attempt: ContactAttempt, actor: User | None, for_task: Task | None = None
    ) -> None:
        outstanding = sorted(self.outstanding(), key=lambda t: (t.due_at, t.id))
        for task, effect in first_contact.attempt_effects(
            outstanding,
            channel=attempt.channel,
            outcome=attempt.outcome,
            is_final_letter=attempt.is_final_letter,
            case_closed=self.case.state == CaseState.CLOSED,
            for_task=for_task if for_task in outstanding else None,
        ):
            if effect.counts:
                task.attempts_made += 1
            if effect.meets:
                how = (
                    "final letter"
                    if effect.by_final_letter
                    else Outcome(attempt.outcome).label.lower()
                )
                self.complete(task, done_at=attempt.attempted_at, actor=actor, how=how)

    def _after_attempt(
        self, attempt: ContactAttempt, actor: User | None, move_to: str | None
    ) -> None:
        case, at = self.case, attempt.attempted_at
        if move_to is not None:
            before, first = case.state, case.first_contact_at is None
            case.state = move_to
            self.event(
                kind=CaseEventKind.STATE_CHANGED,
                actor=actor,
                target=case,
                summary=moved_on_summary(case, before, move_to, attempt.outcome, first),
                data={
                    "from": before,
                    "to": move_to,
                    "rule": "first_contact.on_success",
                    "citation": on_success_rule(case)[1],
                },
                at=at,
            )
        elif case.state == CaseState.NEW:
            case.state = CaseState.CONTACTING
            self.event(
                kind=CaseEventKind.STATE_CHANGED,
                actor=actor,
                target=case,
                summary="State changed from New to Contacting (first attempt)",
                data={"from": CaseState.NEW, "to": CaseState.CONTACTING},
                at=at,
            )
        if first_contact.is_successful_contact(attempt.outcome) and case.first_contact_at is None:
            case.first_contact_at = at
            self.sync_tasks(actor=actor, at=at)
        self._maybe_request_final_letter(actor, at)

    def attempt_limit(self) -> int | None:
        spec = self.profile.first_contact
        return spec.attempt_limit if spec is not None and spec.final_letter else None

    def _maybe_request_final_letter(self, actor: User | None, at: datetime) -> None:
        """seed 002 s3.7: after the attempt limit without contact, a final letter due today."""
        limit = self.attempt_limit()
        case = self.case
        if case.final_letter_requested_at is not None or not limit:
            return
        unsuccessful = sum(1 for a in self.attempts if a.outcome in first_contact.UNSUCCESSFUL)
        if not first_contact.final_letter_needed(
            attempt_limit=limit,
            unsuccessful_attempts=unsuccessful,
            contacted=case.first_contact_at is not None,
        ):
            return
        case.final_letter_requested_at = at
        task = unsaved(
            Task,
            id=self.new_id(),
            case_id=case.id,
            **final_letter_task_fields(case, self.profile, limit, at),
        )
        self.tasks.append(task)
        self.event(
            kind=CaseEventKind.FINAL_LETTER_REQUESTED,
            actor=actor,
            target=task,
            summary=f"{limit} attempts without contact: send the final letter ({task.citation})",
            at=at,
        )

    # -- state, notes, risk, closure ----------------------------------------------------------
    def change_state(
        self,
        *,
        to_state: str,
        actor: User | None,
        at: datetime,
        reason: str = "",
        not_contactable_reason: str = "",
    ) -> None:
        """`case_state_change` (the table is checked; closing goes through `close`)."""
        case = self.case
        transitions.check_transition(case.state, to_state)
        before, case.state = case.state, to_state
        if to_state == CaseState.NOT_CONTACTABLE:
            if not not_contactable_reason:
                raise ValueError("marking a case not contactable needs why (seed 002 s7)")
            case.not_contactable_reason = not_contactable_reason
        summary = f"State changed from {CaseState(before).label} to {CaseState(to_state).label}"
        self.event(
            kind=CaseEventKind.STATE_CHANGED,
            actor=actor,
            target=case,
            summary=summary + (f": {reason}" if reason else ""),
            data={"from": before, "to": to_state},
            at=at,
        )

    def note(
        self,
        *,
        author: User,
        note_type: str,
        text: str,
        happened_at: datetime,
        recorded_at: datetime,
        corrects: CaseNote | None = None,
    ) -> CaseNote:
        """`case_note_add` (recorded when written; the timeline shows when it happened)."""
        note = unsaved(
            CaseNote,
            id=self.new_id(),
            case_id=self.case.id,
            author_id=author.pk,
            note_type=note_type,
            text=text,
            happened_at=happened_at,
            recorded_at=recorded_at,
            corrects_id=corrects.pk if corrects else None,
        )
        self.notes.append(note)
        kind, label = (
            (CaseEventKind.NOTE_CORRECTION, "Correction added")
            if corrects
            else (CaseEventKind.NOTE, "Note added")
        )
        self.event(
            kind=kind,
            actor=author,
            target=note,
            summary=f"{label}: {NoteType(note_type).label}",
            data={"note_id": str(note.pk), "corrects": str(corrects.pk) if corrects else ""},
            at=happened_at,
        )
        return note

    def risk_assessment(
        self,
        *,
        stage: str,
        at: datetime,
        actor: User,
        answers: dict[str, Answer],
        definition: ChecklistDefinition,
        settings: RiskSettings,
        incidents_last_12_months: int | None,
    ) -> RiskAssessment:
        """`risk_assessment_complete` without judgement or override (answers from the victim)."""
        self.mark_breached(at)
        result = assess(
            answers=answers,
            thresholds=settings.thresholds,
            incidents_last_12_months=incidents_last_12_months,
        )
        assessment = unsaved(
            RiskAssessment,
            id=self.new_id(),
            case_id=self.case.id,
            stage=stage,
            checklist_key=definition.key,
            checklist_version=definition.version,
            answers={
                item.key: {"answer": answers[item.key].value, "source": "victim", "comment": ""}
                for item in definition.items
            },
            professional_judgement=False,
            incidents_last_12_months=incidents_last_12_months,
            completed_at=at,
            completed_by_id=actor.pk,
            **risk_result_fields(result, settings, "", ""),
        )
        self.assessments.append(assessment)
        label = RiskStage(stage).label.lower()
        self.event(
            kind=CaseEventKind.RISK_ASSESSMENT,
            actor=actor,
            target=assessment,
            summary=f"Risk assessment ({label}): {result.level.value} risk, {result.score} yes answers",
            data={"stage": stage, "level": assessment.level, "score": assessment.score},
            at=at,
        )
        if assessment.marac_referral_required:
            self.event(
                kind=CaseEventKind.MARAC_REFERRAL_REQUIRED,
                actor=actor,
                target=assessment,
                summary=f"MARAC referral required: high risk in this contract ({MARAC_CITATION})",
                data={"citation": MARAC_CITATION},
                at=at,
            )
        if self.case.risk_level != assessment.level:
            self.case.risk_level = assessment.level
            self.sync_tasks(actor=actor, at=at)
        waiting = [  # as risk.reassessments: a window not yet open is left (seed 004 s4.2)
            t
            for t in self.outstanding()
            if t.action == "risk_assessment"
            and ((opens := window_opens_for(self.case, t.rule_key)) is None or at >= opens)
        ]
        changes = [t for t in waiting if t.rule_key.startswith(CHANGE_RULE_KEY)]
        if stage == RiskStage.INCIDENT and changes:
            waiting = changes  # after an incident or change of risk: that change's task first
        if waiting:
            self.complete(waiting[0], done_at=at, actor=actor, how=f"risk assessment {label}")
        self.marac_task_after(assessment, actor=actor, at=at)  # risk's hook (haven/marac)
        self._register_sync(assessment, actor)
        return assessment

    def _register_sync(self, assessment: RiskAssessment, actor: User) -> None:
        """`risk_register_sync` (seed 001 s5): a review task while on the register, one at a
        time; off it, an open review is cancelled."""
        reviews = [
            t for t in self.tasks if t.rule_key.startswith(REGISTER_RULE_KEY) and t.is_outstanding
        ]
        spec = risk_spec_of(self.case.contract)
        if not on_register(spec, assessment.level, assessment.score):
            for task in reviews:
                if task.status == TaskStatus.OPEN:
                    task.status = TaskStatus.CANCELLED
                    task.is_outstanding = False
            return
        fields = register_review_fields(self.case, assessment.completed_at)
        if reviews or fields is None:
            return
        taken = sum(1 for t in self.tasks if t.rule_key.startswith(REGISTER_RULE_KEY))
        rule_key = REGISTER_RULE_KEY if taken == 0 else f"{REGISTER_RULE_KEY}#{taken + 1}"
        task = unsaved(
            Task,
            id=self.new_id(),
            case_id=self.case.id,
            rule_key=rule_key,
            attempts_allowed=None,
            allocated_to_id=self.case.allocated_to_id,
            team_id=self.case.team_id,
            **fields,
        )
        self.tasks.append(task)
        due = timezone.localtime(task.due_at)
        self.event(
            kind=CaseEventKind.TASK_CREATED,
            actor=actor,
            target=task,
            summary=f"Deadline set: {task.label} (due {due:%d %b %Y %H:%M})",
            data={"rule_key": rule_key, "citation": task.citation},
            at=assessment.completed_at,
        )

    def requirement_done(self, key: str) -> bool:
        if key != "exit_risk_assessment":
            return self.exit_step_done(key)
        kind, wanted = EXIT_RISK_EVENT
        return any(
            e.kind == kind and all(e.data.get(k) == v for k, v in wanted.items())
            for e in self.events
        )

    def exit_requirements(self) -> list[str]:
        return applicable_requirements(
            self.profile.exit, assessed=self.needs_assessed(), risk_assessed=bool(self.assessments)
        )

    def close(
        self,
        *,
        closed_by: User | None,
        exit_type: str,
        reason: str,
        overrides: dict[str, str],
        at: datetime,
        exit_reason: str,
        not_contactable_reason: str = "",
    ) -> None:
        """`case_close`: every requirement not done needs an override reason."""
        self.mark_breached(at)
        case = self.case
        transitions.check_transition(case.state, CaseState.CLOSED)
        missing = [key for key in self.exit_requirements() if not self.requirement_done(key)]
        if any(key not in overrides for key in missing):
            raise ValueError("a missing exit requirement has no override reason")
        case.state = CaseState.CLOSED
        case.closed_at = at
        case.exit_type = exit_type
        case.exit_reason = exit_reason
        if exit_reason == ExitReason.NOT_CONTACTABLE and not_contactable_reason:
            case.not_contactable_reason = not_contactable_reason
        case.closure_reason = reason
        case.closure_overrides = {key: overrides[key] for key in missing}
        for task in self.outstanding():
            if task.status != TaskStatus.BREACHED:  # a breach stays a breach
                task.status = TaskStatus.CANCELLED
            task.is_outstanding = False
        self.event(
            kind=CaseEventKind.CASE_CLOSED,
            actor=closed_by,
            target=case,
            summary=(
                f"Case closed ({ExitType(exit_type).label.lower()}, "
                f"{ExitReason(exit_reason).label.lower()}): {reason}"
            ),
            data={
                "exit_type": exit_type,
                "exit_reason": exit_reason,
                "overrides": case.closure_overrides,
            },
            at=at,
        )
        self.sync_tasks(actor=closed_by, at=at)
