"""Record an outcome assessment: its rows (what returns count), its audit, and a timeline entry
pointing at it (STYLE habit 1). The contract's profile names the instruments and stages allowed
(`outcomes:` section)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import timezone

from haven.accounts.models import User
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import Case
from haven.casework.rules import record_refusal
from haven.casework.services import case_event_record, opened_minute
from haven.contracts.profiles.stored import profile_of
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.outcomes.client_hooks import is_perpetrators_case
from haven.outcomes.instrument import Instrument, instrument
from haven.outcomes.models import ONCE_PER_CASE, OutcomeAnswer, OutcomeAssessment, OutcomeStage
from haven.validators import format_day, moment_problem, refuse


@dataclass(frozen=True)
class InstrumentUse:
    """An instrument the case's contract asks, and at which stages."""

    instrument: Instrument
    stages: tuple[str, ...]


def instruments_for(case: Case) -> list[InstrumentUse]:
    """The outcome instruments of the case's contract, in the profile's order (none: none)."""
    try:
        spec = profile_of(case.contract).outcomes
    except ValueError:
        return []
    if spec is None:
        return []
    uses = []
    for use in spec.instruments:
        found = instrument(use.instrument)
        if found is not None:
            uses.append(InstrumentUse(found, tuple(use.stages)))
    # seed 003 s13: a contract asking both victims' and perpetrators' questions asks each of its
    # own clients; a contract asking only one kind (a perpetrator service) asks it of every case
    kinds = {use.instrument.for_whom == "perpetrator" for use in uses}
    if len(kinds) == 2:
        perpetrator = is_perpetrators_case(case)
        uses = [u for u in uses if (u.instrument.for_whom == "perpetrator") == perpetrator]
    return uses


def outcome_assessment_refusal(case: Case) -> str | None:
    """Why no outcome assessment may be recorded on this case, or None."""
    refusal = record_refusal(case)
    if refusal:
        return refusal
    if not instruments_for(case):
        return "This contract asks no outcome questions"
    return None


def score_field(question: str) -> str:
    return f"score_{question}"


def stages_left(case: Case, use: InstrumentUse) -> list[str]:
    """The stages of `use` still open on the case: an intake and an exit are recorded once."""
    done = set(
        OutcomeAssessment.objects.filter(
            case=case, instrument=use.instrument.key, stage__in=ONCE_PER_CASE
        ).values_list("stage", flat=True)
    )
    return [stage for stage in use.stages if stage not in done]


def assessment_summary(found: Instrument, stage: str, *, declined: bool) -> str:
    """The timeline line: which instrument and stage, and whether they declined (no scores)."""
    line = f"Outcome assessment: {OutcomeStage(stage).label.lower()}, {found.name}"
    return f"{line} (declined)" if declined else line


def _when_problem(case: Case, asked_at: datetime) -> str | None:
    opened = timezone.localtime(case.opened_at)
    return moment_problem(
        asked_at,
        subject="Date and time the questions were asked",
        now=timezone.now(),
        not_before=opened_minute(case.opened_at),
        not_before_what=f"{opened:%H:%M} on {format_day(opened.date())}, when the case opened",
    )


def _stage_problem(case: Case, use: InstrumentUse, stage: str, asked_at: datetime) -> str | None:
    if stage not in OutcomeStage.values:
        return "Select intake, review or exit"
    if stage not in use.stages:
        allowed = ", ".join(use.stages)
        return f"This contract asks {use.instrument.name} only at: {allowed}"
    if stage in ONCE_PER_CASE and stage not in stages_left(case, use):
        return f"This case already has an {stage} assessment of {use.instrument.name}"
    if stage != OutcomeStage.INTAKE:
        intake = OutcomeAssessment.objects.filter(
            case=case, instrument=use.instrument.key, stage=OutcomeStage.INTAKE
        ).first()
        if intake is not None and asked_at < intake.asked_at:
            return (
                f"{'An' if stage == 'exit' else 'A'} {stage} cannot be before the intake assessment"
            )
    return None


def answer_problems(
    found: Instrument, stage: str, scores: Mapping[str, int], *, declined: bool
) -> dict[str, str | None]:
    """A problem per form field: each score on its question's scale; no unknown question; some
    answer unless they declined, and none if they did."""
    asked = {q.key: q for q in found.questions_at(stage)}
    problems: dict[str, str | None] = {}
    unknown = sorted(set(scores) - set(asked))
    if unknown:
        problems[NON_FIELD_ERRORS] = "The instrument asks no such question at this stage"
    if declined and scores:
        problems["declined"] = "They declined, so record no answers"
    if not declined and not scores:
        problems["declined"] = "Record at least one answer, or that they declined"
    for key, score in scores.items():
        question = asked.get(key)
        if question is not None and score not in found.scale_of(question).scores():
            problems[score_field(key)] = "Select one of the answers offered"
    return problems


def _form_type_problem(found: Instrument, stage: str, exit_form_type: str) -> str | None:
    types = {t.key for t in found.exit_form_types}
    if stage != OutcomeStage.EXIT or not types:
        return "Only an exit form has a type" if exit_form_type else None
    if exit_form_type not in types:
        return "Select the type of exit form"
    return None


@transaction.atomic
def outcome_assessment_record(
    *,
    case: Case,
    recorded_by: User,
    instrument_key: str,
    stage: str,
    asked_at: datetime,
    scores: Mapping[str, int],
    declined: bool = False,
    exit_form_type: str = "",
) -> OutcomeAssessment:
    """One instrument asked on an open case at a stage its contract names, with a score per
    answered question (or declined, with none). Refuses (ValidationError per field) a closed
    case, an instrument or stage the contract does not ask, a second intake or exit, a time in
    the future or before the case opened (or an exit before the intake), unknown questions,
    scores off the scale, and a missing or unknown exit form type."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    refusal = record_refusal(case)
    if refusal:
        raise ValidationError(refusal)
    use = next((u for u in instruments_for(case) if u.instrument.key == instrument_key), None)
    if use is None:
        raise ValidationError({"instrument": "Select an outcome instrument this contract asks"})
    found = use.instrument
    refuse(
        {
            "asked_at": _when_problem(case, asked_at),
            "stage": _stage_problem(case, use, stage, asked_at),
            "exit_form_type": _form_type_problem(found, stage, exit_form_type),
            **answer_problems(found, stage, scores, declined=declined),
        }
    )
    assessment = OutcomeAssessment(
        case=case,
        instrument=found.key,
        stage=stage,
        asked_at=asked_at,
        declined=declined,
        exit_form_type=exit_form_type,
        recorded_by=recorded_by,
        recorded_at=timezone.now(),
    )
    assessment.save(force_insert=True)
    OutcomeAnswer.objects.bulk_create(answer_rows(found, assessment, scores))
    audit_event(
        actor=recorded_by,
        action=AuditAction.CREATE,
        target=assessment,
        changes={
            key: [None, value]
            for key, value in {
                "instrument": found.key,
                "stage": stage,
                "asked_at": asked_at,
                "declined": declined,
                "exit_form_type": exit_form_type,
                "scores": dict(scores),
            }.items()
        },
    )
    case_event_record(
        case=case,
        kind=CaseEventKind.OUTCOME_ASSESSMENT,
        actor=recorded_by,
        target=assessment,
        summary=assessment_summary(found, stage, declined=declined),
        data={},  # the counted facts live on the assessment and its answers
        occurred_at=asked_at,
    )
    return assessment


def answer_rows(
    found: Instrument, assessment: OutcomeAssessment, scores: Mapping[str, int]
) -> list[OutcomeAnswer]:
    """The unsaved answers of an assessment (the demo's bulk writer builds them too)."""
    rows = []
    for key, score in scores.items():
        question = found.question(key)
        if question is None:
            continue
        rows.append(
            OutcomeAnswer(
                assessment=assessment,
                question=key,
                domain=question.domain,
                score=score,
                higher_is_better=found.scale_of(question).higher_is_better,
            )
        )
    return rows
