"""The exit steps' rows as `exit_interview_record`, `onward_referral_record`,
`needs_reassessment_record` (and a needs-assessment deadline marked done) write them: the fact
row and the timeline entry pointing at it, on unsaved instances for `bulk_create`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any
from uuid import UUID

from django.db import models

from haven.accounts.models import User
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import (
    Agency,
    Case,
    ExitInterview,
    InterviewMethod,
    InterviewOutcome,
    NeedsAssessment,
    NeedsAssessmentArea,
    NeedsStage,
    OnwardReferral,
    OnwardReferralKind,
    ReferralOutcome,
    Task,
)
from haven.casework.services.exit_steps import exit_interview_summary, onward_referral_summary
from haven.casework.services.needs_assessments import NEEDS_SUMMARIES, needs_assessment_event_data
from haven.casework.services.onward_referrals import outcome_summary
from haven.core.table_writer import unsaved


class ExitStepsRecorder:
    """Mixed into `CaseRecorder`, which gives the case, ids and the timeline (`event`)."""

    case: Case
    new_id: Callable[[], UUID]
    event: Callable[..., None]
    complete: Callable[..., None]

    def __init__(self) -> None:
        self.exit_interviews: list[ExitInterview] = []
        self.onward_referrals: list[OnwardReferral] = []
        self.needs_assessments: list[NeedsAssessment] = []
        self.needs_areas: list[NeedsAssessmentArea] = []

    def _timeline(
        self,
        kind: CaseEventKind,
        row: models.Model,
        actor: User,
        at: datetime,
        summary: str,
        data: dict[str, Any],
    ) -> None:
        self.event(kind=kind, actor=actor, target=row, summary=summary, data=data, at=at)

    def exit_interview(self, *, actor: User, at: datetime, method: str, summary: str = "") -> None:
        """`exit_interview_record` (recorded when it happened)."""
        declined = method == InterviewMethod.DECLINED
        interview = unsaved(
            ExitInterview,
            id=self.new_id(),
            case_id=self.case.id,
            held_at=at,
            method=method,
            outcome=InterviewOutcome.DECLINED if declined else InterviewOutcome.HELD,
            summary=summary,
            recorded_by_id=actor.pk,
            recorded_at=at,
        )
        self.exit_interviews.append(interview)
        data = {"summary": summary} if summary else {}
        self._timeline(
            CaseEventKind.EXIT_INTERVIEW, interview, actor, at, exit_interview_summary(method), data
        )

    def onward_referral(
        self,
        *,
        actor: User,
        at: datetime,
        agency: str,
        agency_type: str,
        need: str = "",
        note: str = "",
        directory_agency: Agency | None = None,
        need_area: str = "",
        kind: str = OnwardReferralKind.REFERRAL,
    ) -> OnwardReferral:
        """`onward_referral_record` with the survivor's consent (to a directory agency when
        given: its name and type)."""
        if directory_agency is not None:
            agency, agency_type = directory_agency.name, directory_agency.agency_type
        referral = unsaved(
            OnwardReferral,
            id=self.new_id(),
            case_id=self.case.id,
            made_at=at,
            agency=agency,
            agency_type=agency_type,
            need=need,
            consent=True,
            note=note,
            recorded_by_id=actor.pk,
            recorded_at=at,
            directory_agency_id=directory_agency.pk if directory_agency else None,
            need_area=need_area,
            kind=kind,
            outcome=ReferralOutcome.AWAITING,
            outcome_at=None,
            outcome_note="",
            consent_override="",
        )
        self.onward_referrals.append(referral)
        data = {"note": note} if note else {}
        summary = onward_referral_summary(
            agency, need, passed_on=kind == OnwardReferralKind.PASSED_ON
        )
        self._timeline(CaseEventKind.ONWARD_REFERRAL, referral, actor, at, summary, data)
        return referral

    def onward_referral_outcome(
        self, referral: OnwardReferral, *, actor: User, at: datetime, outcome: str
    ) -> None:
        """`onward_referral_outcome_record`: the row takes its outcome, the timeline an entry."""
        referral.outcome, referral.outcome_at = outcome, at
        summary = outcome_summary(referral, outcome)
        self._timeline(CaseEventKind.ONWARD_REFERRAL_OUTCOME, referral, actor, at, summary, {})

    def needs_assessment(
        self,
        *,
        actor: User,
        at: datetime,
        stage: NeedsStage,
        summary: str = "",
        task: Task | None = None,
        levels: Mapping[str, int] | None = None,
        notes: Mapping[str, str] | None = None,
    ) -> None:
        """`needs_reassessment_record` (exit) or `needs_assessment_record` (which meets `task`),
        with a row per area level when given."""
        if task is not None:
            self.complete(task, done_at=at, actor=actor, how="recorded")
        assessment = unsaved(
            NeedsAssessment,
            id=self.new_id(),
            case_id=self.case.id,
            stage=stage,
            assessed_at=at,
            summary=summary,
            rule_key=task.rule_key if task is not None else "",
            task_id=task.pk if task is not None else None,
            recorded_by_id=actor.pk,
            recorded_at=at,
        )
        self.needs_assessments.append(assessment)
        self.needs_areas += [
            unsaved(
                NeedsAssessmentArea,
                id=self.new_id(),
                assessment_id=assessment.id,
                area=area,
                level=level,
                notes=(notes or {}).get(area, "").strip(),
            )
            for area, level in (levels or {}).items()
        ]
        self._timeline(
            CaseEventKind.NEEDS_ASSESSMENT,
            assessment,
            actor,
            at,
            NEEDS_SUMMARIES[stage],
            needs_assessment_event_data(summary),
        )

    def needs_assessed(self) -> bool:
        """An initial or review needs assessment (the reassessment then applies, seed 002 s3.9)."""
        return any(
            n.stage in {NeedsStage.INITIAL, NeedsStage.REVIEW} for n in self.needs_assessments
        )

    def exit_step_done(self, key: str) -> bool:
        """Whether the exit interview, onward referral or reassessment is recorded."""
        if key == "exit_interview":
            return bool(self.exit_interviews)
        if key == "onward_referral":
            return bool(self.onward_referrals)
        return any(n.stage == NeedsStage.EXIT for n in self.needs_assessments)
