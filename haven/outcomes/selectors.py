"""Reads of outcome assessments, always through a case the viewer was already given, and the
distance travelled per domain they show."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from haven.casework.models import Case, NeedsAssessment, NeedsLevel, NeedsStage
from haven.contracts.profiles.stored import profile_of
from haven.outcomes.instrument import Instrument, instrument
from haven.outcomes.models import OutcomeAnswer, OutcomeAssessment


def assessments_for(case: Case) -> QuerySet[OutcomeAssessment]:
    """The case's outcome assessments, latest first, with their answers and who recorded them."""
    return (
        OutcomeAssessment.objects.filter(case=case)
        .select_related("recorded_by")
        .prefetch_related(Prefetch("answers", queryset=OutcomeAnswer.objects.order_by()))
    )


@dataclass(frozen=True)
class AnswerRow:
    question: str
    answer: str  # the scale's label
    score: int


@dataclass(frozen=True)
class AssessmentView:
    assessment: OutcomeAssessment
    rows: list[AnswerRow]

    @property
    def exit_form_label(self) -> str:
        found = instrument(self.assessment.instrument)
        types = {t.key: t.label for t in found.exit_form_types} if found else {}
        return types.get(self.assessment.exit_form_type, self.assessment.exit_form_type)


@dataclass(frozen=True)
class DomainTravel:
    """One domain's average score at the baseline and at the latest assessment scoring it."""

    domain: str
    label: str
    low: int  # the scale's lowest and highest scores
    high: int
    first: float | None
    latest: float | None
    first_stage: str
    latest_stage: str
    higher_is_better: bool = True

    @property
    def change(self) -> float | None:
        if self.first is None or self.latest is None:
            return None
        return round(self.latest - self.first, 1)

    @property
    def direction(self) -> str:
        change = self.change
        if change is None:
            return "Asked once so far"
        better = change if self.higher_is_better else -change
        if better > 0:
            return "Better"
        return "Worse" if better < 0 else "No change"


@dataclass(frozen=True)
class InstrumentHistory:
    instrument: Instrument
    assessments: list[AssessmentView]
    domains: list[DomainTravel]

    @property
    def charted(self) -> list[DomainTravel]:
        return [d for d in self.domains if d.change is not None]


def outcome_history(case: Case) -> list[InstrumentHistory]:
    """Per instrument the case was asked: its assessments (latest first) and distance travelled
    per domain (baseline: the intake, else the earliest answered; against the latest)."""
    by_instrument: dict[str, list[OutcomeAssessment]] = {}
    for assessment in assessments_for(case):
        by_instrument.setdefault(assessment.instrument, []).append(assessment)
    history = []
    for key, assessments in by_instrument.items():
        found = instrument(key)
        if found is None:
            continue
        views = [AssessmentView(a, _rows(found, a)) for a in assessments]
        history.append(InstrumentHistory(found, views, _travel(found, assessments)))
    return history


def _rows(found: Instrument, assessment: OutcomeAssessment) -> list[AnswerRow]:
    scores = {a.question: a.score for a in assessment.answers.all()}
    rows = []
    for question in found.questions:
        if question.key in scores:
            label = found.scale_of(question).label(scores[question.key])
            rows.append(AnswerRow(question.text, label, scores[question.key]))
    return rows


def _travel(found: Instrument, latest_first: list[OutcomeAssessment]) -> list[DomainTravel]:
    answered = sorted(
        (a for a in latest_first if not a.declined), key=lambda a: (a.stage != "intake", a.asked_at)
    )
    scores = {a.pk: {x.question: x.score for x in a.answers.all()} for a in answered}
    travel = []
    for domain in found.domains:
        keys = {q.key for q in found.questions if q.domain == domain.key}
        scoring = [a for a in answered if keys & set(scores[a.pk])]
        if not scoring:
            continue
        first = scoring[0]
        latest = max(scoring[1:], key=lambda a: a.asked_at) if len(scoring) > 1 else None
        both = keys & set(scores[first.pk]) & (set(scores[latest.pk]) if latest else keys)
        scale = found.scale_of(next(q for q in found.questions if q.domain == domain.key))
        travel.append(
            DomainTravel(
                domain=domain.key,
                label=domain.label,
                low=min(scale.scores()),
                high=max(scale.scores()),
                first=_mean(scores[first.pk], both),
                latest=_mean(scores[latest.pk], both) if latest else None,
                first_stage=first.get_stage_display(),
                latest_stage=latest.get_stage_display() if latest else "",
                higher_is_better=scale.higher_is_better,
            )
        )
    return travel


def _mean(scores: dict[str, int], keys: set[str]) -> float | None:
    values = [scores[k] for k in keys if k in scores]
    return round(sum(values) / len(values), 1) if values else None


@dataclass(frozen=True)
class OutcomeSummary:
    count: int
    latest: OutcomeAssessment | None
    history: list[InstrumentHistory]


def outcome_summary(case: Case) -> OutcomeSummary:
    """How many assessments the case has, the latest, and distance travelled so far."""
    history = outcome_history(case)
    assessments = [v.assessment for h in history for v in h.assessments]
    latest = max(assessments, key=lambda a: a.asked_at) if assessments else None
    return OutcomeSummary(len(assessments), latest, history)


def needs_travel(case: Case) -> list[DomainTravel]:
    """Distance travelled in the case's needs assessments (seed 002 s3.9, reported in s7's
    domains): per domain, the average level of need (0 none to 3 high: lower is better) at the
    first assessment (the initial, else the earliest) and the latest, over the areas scored at
    both. Empty when the contract defines no needs areas or nothing is scored."""
    try:
        spec = profile_of(case.contract).needs_assessment
    except ValueError:
        return []
    if spec is None:
        return []
    assessments = sorted(
        NeedsAssessment.objects.filter(case=case, areas__isnull=False)
        .distinct()
        .prefetch_related("areas"),
        key=lambda a: (a.stage != NeedsStage.INITIAL, a.assessed_at),
    )
    if not assessments:
        return []
    first = assessments[0]
    others = [a for a in assessments[1:] if a.assessed_at >= first.assessed_at]
    latest = max(others, key=lambda a: a.assessed_at) if others else None
    levels = {a.pk: {x.area: x.level for x in a.areas.all()} for a in assessments}
    travel = []
    for domain in spec.domains():
        areas = [area for area in spec.areas if area.domain == domain]
        keys = {area.key for area in areas} & set(levels[first.pk])
        if latest is not None:
            keys &= set(levels[latest.pk])
        if not keys:
            continue
        travel.append(
            DomainTravel(
                domain=domain,
                label="; ".join(a.label for a in areas),
                low=min(NeedsLevel.values),
                high=max(NeedsLevel.values),
                first=_mean(levels[first.pk], keys),
                latest=_mean(levels[latest.pk], keys) if latest else None,
                first_stage=first.get_stage_display(),
                latest_stage=latest.get_stage_display() if latest else "",
                higher_is_better=False,
            )
        )
    return travel
