"""Words and rows for the returns pages: figures formatted by unit, targets, met/not met tags,
the period picker, and the records behind a figure (never names)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import urlencode
from uuid import UUID

from django.urls import reverse
from django.utils import timezone
from markupsafe import Markup

from haven.casework.models import CaseState
from haven.contracts.citations import cite
from haven.contracts.profiles.measures import MeasureSpec
from haven.deadlines import RISK_LEVEL_CHOICES
from haven.referrals.models import Decision
from haven.reporting.chart import TrendPoint, trend_svg
from haven.reporting.dimensions import case_of, person_of, referral_of
from haven.reporting.engine import Breakdown, MeasureResult, ReturnResult
from haven.reporting.facts import CaseFact, Facts, PersonFact, ReferralFact
from haven.reporting.periods import (
    Period,
    current_period,
    date_range,
    parse_period,
    period_containing,
)

RECENT_QUARTERS = 8
RECENT_MONTHS = 12
KIND_LABELS = {
    "referral": "Referral",
    "case": "Case",
    "task": "Deadline",
    "attempt": "Contact attempt",
    "risk_assessment": "Risk checklist",
    "exit_interview": "Exit interview",
    "onward_referral": "Onward referral",
    "needs_assessment": "Needs assessment",
    "support_session": "Support session",
    "proceeding": "Legal proceeding",
    "support_plan": "Support plan",
    "safety_plan": "Safety plan",
    "survey": "Survey",
    "follow_up_due": "Follow-up",
    "outcome_assessment": "Outcome assessment",
    "serious_incident": "Serious incident",
    "complaint": "Complaint",
    "compliment": "Compliment",
    "child_record": "Child's safeguarding record",
    "safeguarding_event": "Safeguarding referral or meeting",
    "safeguarding_alert": "Safeguarding adults alert",
    "marac_referral": "MARAC referral",
    "marac_hearing": "Case heard at MARAC",
    "incident": "New incident",
    "waiting_list_entry": "Waiting list entry",
    "stay": "Refuge stay",
    "stay_member": "Household member moving into refuge",
    "housing_situation": "Housing at entry and exit",
    "safe_home_outcome": "Safe Home outcome",
    "target_hardening_job": "Target hardening job",
    "target_hardening_fitting": "Security items fitted",
    "quick_question": "Quick question",
    "lone_chat_booking": "Web chat booked without a referral",
    "initial_request": "Initial request for service",
    # finance (issue 16 item 7)
    "finance_spend": "Spend",
    "finance_income": "Income",
    "finance_profile": "Profile of spend (month of a budget line)",
    "restorative_process": "Restorative justice process",
    "appraisal_response": "Appraisal response (anonymous)",
    "feedback_item": "You said, we did",
    # programmes (issue 16 item 1)
    "programme_run": "Group",
    "programme_enrolment": "Place on a group or programme",
    "programme_session": "Group or programme session",
    "programme_attendance": "Session attended",
    "pre_group_contact": "Pre-group contact",
    "creche_session": "Crèche",
    "helpline_call": "Helpline call",  # haven/helpline
    "call_back": "Helpline call-back",
    "person": "Person",
    "event": "Training or event",
    "event_feedback": "Event feedback form",
    # workforce (issue 16)
    "staff_member": "Staff member or volunteer",
    "establishment_post": "Post in the workforce plan",
    "sickness_absence": "Sickness absence",
    "supervision": "Supervision session",
    "training_session": "Training session",
}
STATE_LABELS = dict(CaseState.choices)
DECISION_LABELS = dict(Decision.choices)
RISK_LABELS = dict(RISK_LEVEL_CHOICES)


# --- figures ---------------------------------------------------------------------------------


def format_value(unit: str, value: float | int | str | None) -> str:
    """A figure in its unit: 12, 95.3%, 12.5 days, £1,250.00; "No figure" without one (a
    percentage of nothing); a suppression marker ("<5", "[c]", `suppression.py`) as it is."""
    if value is None:
        return "No figure"
    if isinstance(value, str):
        return value
    if unit == "percentage":
        return f"{value * 100:.1f}%"
    if unit == "duration":
        return f"{value:.1f} days"
    if unit == "money":
        return f"£{value:,.2f}"
    if unit == "rate":
        return f"{value:,.2f}"
    return f"{value:,}" if isinstance(value, int) else f"{value:,.1f}"


def format_target(spec: MeasureSpec) -> str:
    if spec.target is None:
        return ""
    words = "At least" if spec.target_direction == "at_least" else "At most"
    return f"{words} {format_value(spec.unit, spec.target)}"


def met_tag(met: bool | None) -> tuple[str, str]:
    """The GOV.UK tag text and class for met / not met ("" when there is no target or figure)."""
    if met is None:
        return "", ""
    return ("Met", "govuk-tag--green") if met else ("Not met", "govuk-tag--red")


@dataclass(frozen=True)
class CellRow:
    key: str
    label: str
    value: str
    numerator: int
    denominator: int | None
    href: str


@dataclass(frozen=True)
class BreakdownTable:
    key: str
    label: str
    rows: tuple[CellRow, ...]


@dataclass(frozen=True)
class MeasureRow:
    id: str
    label: str
    unit: str
    computed: bool
    value: str
    numerator: int | None
    denominator: int | None
    target: str
    met_text: str
    met_class: str
    citation: str
    missing: str
    href: str
    breakdowns: tuple[BreakdownTable, ...]


def measure_row(
    result: MeasureResult, *, slug: str, period_code: str, profile: Mapping[str, Any] | None
) -> MeasureRow:
    spec, figure = result.spec, result.figure
    href = reverse("reporting:measure", args=[slug, period_code, spec.id]) if figure else ""
    met_text, met_class = met_tag(result.met)
    return MeasureRow(
        id=spec.id,
        label=spec.label,
        unit=spec.unit,
        computed=figure is not None,
        value=format_value(spec.unit, result.value) if figure else "Not recorded yet",
        numerator=len(figure.numerator) if figure else None,
        denominator=(
            len(figure.denominator) if figure and figure.denominator is not None else None
        ),
        target=format_target(spec),
        met_text=met_text,
        met_class=met_class,
        citation=cite(spec.citation, profile),
        missing=spec.missing or "",
        href=href,
        breakdowns=tuple(breakdown_table(b, spec.unit, href) for b in result.breakdowns),
    )


def breakdown_table(breakdown: Breakdown, unit: str, href: str) -> BreakdownTable:
    rows = tuple(
        CellRow(
            cell.key,
            cell.label,
            format_value(unit, cell.value),
            len(cell.numerator),
            len(cell.denominator) if cell.denominator is not None else None,
            f"{href}?{urlencode({'breakdown': breakdown.key, 'cell': cell.key})}" if href else "",
        )
        for cell in breakdown.cells
    )
    return BreakdownTable(breakdown.key, breakdown.label, rows)


def return_sections(
    result: ReturnResult, profile: Mapping[str, Any] | None
) -> list[tuple[str, list[MeasureRow]]]:
    """The measures under their sections, in the seed's order."""
    code = result.period.code
    return [
        (
            section,
            [
                measure_row(m, slug=result.contract_slug, period_code=code, profile=profile)
                for m in ms
            ],
        )
        for section, ms in result.by_section()
    ]


def target_summary(result: ReturnResult) -> tuple[int, int]:
    """How many figures with a target meet it, and how many do not (the live dashboard line)."""
    met = [m.met for m in result.measures if m.met is not None]
    return sum(met), len(met) - sum(met)


# --- periods ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PeriodLink:
    code: str
    label: str
    href: str


@dataclass(frozen=True)
class PeriodNav:
    is_live: bool
    previous: PeriodLink
    following: PeriodLink | None
    options: tuple[tuple[str, str], ...]  # (code, label) for the picker


def period_link(slug: str, period: Period) -> PeriodLink:
    return PeriodLink(
        period.code, period.label, reverse("reporting:return", args=[slug, period.code])
    )


def recent_periods(year_start: str, now: datetime) -> list[Period]:
    """The current quarter and the ones before it, then the current month and the ones before."""
    quarters = current_period(now, "quarter", year_start).trend(RECENT_QUARTERS, year_start)
    months = current_period(now, "month", year_start).trend(RECENT_MONTHS, year_start)
    return [*quarters[::-1], *months[::-1]]


def period_nav(slug: str, period: Period, year_start: str, now: datetime) -> PeriodNav:
    live = current_period(now, period.kind, year_start) if period.kind != "range" else None
    following = None
    if period.kind != "range" and live is not None and period.last < live.first:
        after = period.last.toordinal() + 1
        following = period_link(
            slug, period_containing(date.fromordinal(after), period.kind, year_start)
        )
    options = tuple((p.code, p.label) for p in recent_periods(year_start, now))
    return PeriodNav(
        is_live=live is not None and live.code == period.code,
        previous=period_link(slug, period.previous(year_start)),
        following=following,
        options=options,
    )


def parse_period_code(code: str, year_start: str) -> Period:
    """A period code from a URL: 2026-Q1, 2026-04, 2026-H1, 2026-Y or FIRST..LAST dates.
    Raises PeriodError (or ValueError) for anything else."""
    if ".." in code:
        first, _, last = code.partition("..")
        return date_range(date.fromisoformat(first), date.fromisoformat(last))
    return parse_period(code, year_start)


# --- the records behind a figure -------------------------------------------------------------


@dataclass(frozen=True)
class RecordRow:
    """One record behind a figure. Restricted: the viewer may not open it, so no reference code
    and no link (it is still counted, ADR 0010)."""

    kind: str
    restricted: bool
    reference_code: str
    received: date | None
    opened: date | None
    closed: date | None
    state: str
    risk: str
    href: str


@dataclass(frozen=True)
class Located:
    record_id: Any
    case: CaseFact | None
    referral: ReferralFact | None
    person: PersonFact | None


def locate(facts: Facts, kind: str, ids: Iterable[Any]) -> list[Located]:
    """Each record with its case, referral and person, from the facts already loaded."""
    first_case: dict[Any, CaseFact] = {}
    for row in facts.cases:
        first_case.setdefault(row.person_id, row)
    found = []
    for record_id in ids:
        record = facts.record(kind, record_id)
        if record is None:
            found.append(Located(record_id, None, None, None))
            continue
        case = first_case.get(record_id) if kind == "person" else case_of(facts, kind, record)
        referral = referral_of(facts, kind, record) if kind != "person" else None
        if referral is None and case is not None:
            referral = facts.referral_by_id.get(case.referral_id)
        found.append(Located(record_id, case, referral, person_of(facts, kind, record)))
    return found


# A record of the service itself (a group session, a helpline call, a training event, a budget
# line: no case, no referral) links to its own page when its kind is named here (issue 16); the
# page itself decides who may open it. Each app's measures add their kinds.
SERVICE_RECORD_URLS: dict[str, str] = {
    "event": "events:detail",  # haven/events (issue 16 item 2)
    # workforce (issue 16): no names in the drill-down; each page checks who may open it
    "staff_member": "workforce:staff",
    "establishment_post": "workforce:post",
    "sickness_absence": "workforce:absence",
    "supervision": "workforce:supervision",
    "training_session": "workforce:session",
    "feedback_item": "appraisal:feedback_action",  # issue 16: the feedback and its action
    "programme_run": "programmes:run",  # issue 16 item 1: a group has its own page
    "helpline_call": "helpline:call",  # haven/helpline
    "call_back": "helpline:call_back",
}


def record_rows(
    kind: str,
    located: Sequence[Located],
    *,
    openable_cases: set[Any],
    openable_referrals: set[Any],
) -> list[RecordRow]:
    rows = []
    for item in located:
        case, referral = item.case, item.referral
        if case is not None:
            visible = as_uuid(case.id) in openable_cases
            href = reverse("casework:detail", args=[as_uuid(case.id)]) if visible else ""
        else:
            visible = referral is not None and as_uuid(referral.id) in openable_referrals
            href = (
                reverse("referrals:detail", args=[as_uuid(referral.id)])
                if visible and referral
                else ""
            )
            if referral is None and kind in SERVICE_RECORD_URLS:
                href = reverse(SERVICE_RECORD_URLS[kind], args=[as_uuid(item.record_id)])
        if case is not None:
            state = STATE_LABELS.get(case.state, case.state)
        elif referral is not None:
            state = "Referral: " + DECISION_LABELS.get(referral.decision, referral.decision)
        else:
            state = ""
        risk = case.risk_level if case is not None and case.risk_level else ""
        if not risk and referral is not None:
            risk = referral.referrer_risk_level
        rows.append(
            RecordRow(
                kind=KIND_LABELS.get(kind, kind),
                # a record of the service itself (a complaint or serious incident with no case)
                # is about no one: not restricted, only nothing to open
                restricted=not visible and (case is not None or referral is not None),
                reference_code=item.person.reference_code if visible and item.person else "",
                received=_local_date(referral.received_at) if visible and referral else None,
                opened=_local_date(case.opened_at) if visible and case else None,
                closed=_local_date(case.closed_at) if visible and case else None,
                state=state if visible else "",
                risk=RISK_LABELS.get(risk, risk) if visible else "",
                href=href,
            )
        )
    return rows


def as_uuid(record_id: Any) -> UUID:
    """A record's id as a UUID, whether the facts hold UUIDs or their hex (loaders.py)."""
    return record_id if isinstance(record_id, UUID) else UUID(str(record_id))


def _local_date(moment: datetime | None) -> date | None:
    return timezone.localtime(moment).date() if moment is not None else None


# --- trends ----------------------------------------------------------------------------------


def measure_trend(trend: Sequence[ReturnResult], measure_id: str) -> list[TrendPoint]:
    """The measure's figure in each period of the trend, oldest first."""
    points = []
    for result in trend:
        measure = result.measure(measure_id)
        value = measure.value if measure is not None else None
        unit = measure.spec.unit if measure is not None else "count"
        points.append(TrendPoint(result.period.code, value, format_value(unit, value)))
    return points


def trend_charts(trend: Sequence[ReturnResult]) -> dict[str, Markup]:
    """A chart per computed measure of the latest period (for the PDF), keyed by measure id."""
    if not trend:
        return {}
    charts = {}
    for index, measure in enumerate(trend[-1].measures):
        if measure.figure is None:
            continue
        charts[measure.spec.id] = trend_svg(
            measure_trend(trend, measure.spec.id),
            title=f"{measure.spec.label}: the last {len(trend)} periods",
            unit=measure.spec.unit,
            target=measure.spec.target,
            chart_id=f"trend-{index}",
        )
    return charts


def contract_periods(
    slug: str, profile: Mapping[str, Any], now: datetime, count: int = 5
) -> list[PeriodLink]:
    """The current quarter (live) and the quarters before it, newest first (from the stored
    profile's contract year; a financial year when it names none)."""
    year_start = year_start_of(profile)
    quarters = current_period(now, "quarter", year_start).trend(count, year_start)
    return [period_link(slug, quarter) for quarter in quarters[::-1]]


def year_start_of(profile: Mapping[str, Any]) -> str:
    """The stored profile's contract year start ("04-01" for a financial year when it names
    none)."""
    return str(profile.get("contract_year_start") or "04-01")
