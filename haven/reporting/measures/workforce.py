"""Workforce and volunteers (issue 16 items 3 and 6), over the optional "workforce" facts: the
provider's staff and volunteers, its workforce plan (establishment posts), sickness absence,
supervision and training. The arithmetic is haven/workforce/figures.py's, so the workforce
page and the return agree.

Counting rules (seed 004 s10 workforce table, bi-annual; seed 001 Lot 3 s8, s14):
- A position (vacancy, temporary staffing, plan vs actual, training compliance, staff and
  volunteers' demographics) is taken on the period's last day.
- Sickness % = FTE days lost / FTE days available: working days (Monday to Friday) times FTE;
  "month" = the period's last calendar month; "year to date" from the contract year's start
  (`year_start_month`, default April); short-term < 4 weeks (28 calendar days), else long-term.
- Turnover and days lost per FTE look back 12 months from the period's last day.
- Supervision and training sessions are counted by the day held; volunteers recruited by the
  day they started; volunteers trained = volunteers with a course completed in the period.
Weighted shares are `ratio` figures: the records are staff members, posts or absences, and the
value is the sum of their weights (FTE, FTE days).
"""

from __future__ import annotations

from datetime import date

from haven.reporting.measures.base import (
    Figure,
    MeasureContext,
    computation,
    count,
    percentage,
    ratio,
)
from haven.workforce import figures

NEEDS = ("workforce",)


def _year_first(last: date, month: int) -> date:
    return date(last.year if last.month >= month else last.year - 1, month, 1)


@computation("workforce_vacancy_rate", needs=NEEDS)
def workforce_vacancy_rate(ctx: MeasureContext) -> Figure:
    """Vacant FTE (planned less substantive FTE in post) over substantive FTE in post, by post
    of the workforce plan, on the period's last day."""
    f = ctx.facts
    vacant, filled = figures.vacancy(f.establishment_posts, f.staff_members, ctx.period.last)
    return ratio("establishment_post", vacant, filled)


@computation("workforce_temporary_staffing", needs=NEEDS)
def workforce_temporary_staffing(ctx: MeasureContext) -> Figure:
    """Bank, agency and locum FTE in post over substantive FTE in post, on the last day."""
    return ratio(
        "staff_member", *figures.temporary_staffing(ctx.facts.staff_members, ctx.period.last)
    )


@computation("workforce_turnover", needs=NEEDS)
def workforce_turnover(ctx: MeasureContext) -> Figure:
    """Heads who left in the 12 months to the period's end over the average heads in post."""
    return ratio("staff_member", *figures.turnover(ctx.facts.staff_members, ctx.period.last))


@computation("workforce_sickness_month", needs=NEEDS)
def workforce_sickness_month(ctx: MeasureContext) -> Figure:
    """FTE days lost over FTE days available in the period's last calendar month."""
    last = ctx.period.last
    f = ctx.facts
    return ratio(
        "staff_member",
        *figures.sickness(f.staff_members, f.sickness_absences, last.replace(day=1), last),
    )


@computation("workforce_sickness_ytd", params=("year_start_month",), needs=NEEDS)
def workforce_sickness_ytd(ctx: MeasureContext, year_start_month: int = 4) -> Figure:
    """FTE days lost over FTE days available from the contract year's start to the period's
    end."""
    last = ctx.period.last
    first = _year_first(last, int(year_start_month))
    f = ctx.facts
    return ratio(
        "staff_member", *figures.sickness(f.staff_members, f.sickness_absences, first, last)
    )


@computation("workforce_sickness_long_term", needs=NEEDS)
def workforce_sickness_long_term(ctx: MeasureContext) -> Figure:
    """FTE days lost in the period to long-term absences (4 weeks or more) over all FTE days
    lost to sickness in it (the rest is short-term)."""
    f = ctx.facts
    return ratio(
        "sickness_absence",
        *figures.absence_split(
            f.staff_members,
            f.sickness_absences,
            ctx.period.first,
            ctx.period.last,
            which="long_term",
        ),
    )


@computation("workforce_stress_sickness", needs=NEEDS)
def workforce_stress_sickness(ctx: MeasureContext) -> Figure:
    """FTE days lost in the period to stress-related absences over all FTE days lost."""
    f = ctx.facts
    return ratio(
        "sickness_absence",
        *figures.absence_split(
            f.staff_members, f.sickness_absences, ctx.period.first, ctx.period.last, which="stress"
        ),
    )


@computation("workforce_sickness_days_per_fte", needs=NEEDS)
def workforce_sickness_days_per_fte(ctx: MeasureContext) -> Figure:
    """FTE days lost in the 12 months to the period's end over the average FTE in post."""
    f = ctx.facts
    return ratio(
        "staff_member",
        *figures.days_per_fte(f.staff_members, f.sickness_absences, ctx.period.last),
    )


@computation("workforce_plan_vs_actual", needs=NEEDS)
def workforce_plan_vs_actual(ctx: MeasureContext) -> Figure:
    """FTE in post over the planned FTE of the workforce plan in force on the last day."""
    f = ctx.facts
    actual, planned = figures.plan_vs_actual(
        f.establishment_posts, f.staff_members, ctx.period.last
    )
    return ratio("establishment_post", actual, planned)


@computation("workforce_mandatory_training", needs=NEEDS)
def workforce_mandatory_training(ctx: MeasureContext) -> Figure:
    """Staff and volunteers in post on the last day with every course mandatory for them
    completed and not expired, of all of them."""
    f = ctx.facts
    compliant, present = figures.training_compliance(
        f.staff_members, f.training_completions, f.training_courses, ctx.period.last
    )
    return percentage("staff_member", compliant, present)


@computation("staff_and_volunteers", params=("kind",), needs=NEEDS)
def staff_and_volunteers(ctx: MeasureContext, kind: str | None = None) -> Figure:
    """Staff and volunteers in post on the period's last day (of one `kind`, staff or volunteer,
    if given): the demographics of the staff team and volunteers by their breakdowns."""
    if kind not in {None, "staff", "volunteer"}:
        raise ValueError("kind must be staff or volunteer")
    last = ctx.period.last
    return count(
        "staff_member",
        (
            s.id
            for s in ctx.facts.staff_members
            if figures.in_post(s, last) and (kind is None or s.kind == kind)
        ),
    )


@computation("volunteers_recruited", needs=NEEDS)
def volunteers_recruited(ctx: MeasureContext) -> Figure:
    """Volunteers who started in the period."""
    first, last = ctx.period.first, ctx.period.last
    return count(
        "staff_member",
        (
            s.id
            for s in ctx.facts.staff_members
            if s.kind == "volunteer" and first <= s.started_on <= last
        ),
    )


@computation("volunteers_trained", needs=NEEDS)
def volunteers_trained(ctx: MeasureContext) -> Figure:
    """Volunteers with a course completed in the period (each once)."""
    first, last = ctx.period.first, ctx.period.last
    volunteers = {s.id for s in ctx.facts.staff_members if s.kind == "volunteer"}
    trained = {
        c.staff_member_id
        for c in ctx.facts.training_completions
        if c.staff_member_id in volunteers and first <= c.completed_on <= last
    }
    return count("staff_member", (s.id for s in ctx.facts.staff_members if s.id in trained))


@computation("supervision_sessions", params=("kind",), needs=NEEDS)
def supervision_sessions(ctx: MeasureContext, kind: str = "staff") -> Figure:
    """Supervision sessions held in the period with staff (`kind: staff`) or volunteers."""
    if kind not in {"staff", "volunteer"}:
        raise ValueError("kind must be staff or volunteer")
    first, last = ctx.period.first, ctx.period.last
    of_kind = {s.id for s in ctx.facts.staff_members if s.kind == kind}
    return count(
        "supervision",
        (
            s.id
            for s in ctx.facts.supervisions
            if s.staff_member_id in of_kind and first <= s.held_on <= last
        ),
    )


@computation("staff_training_sessions", needs=NEEDS)
def staff_training_sessions(ctx: MeasureContext) -> Figure:
    """Training sessions held in the period attended by at least one member of staff."""
    first, last = ctx.period.first, ctx.period.last
    staff = {s.id for s in ctx.facts.staff_members if s.kind == "staff"}
    with_staff = {
        c.session_id
        for c in ctx.facts.training_completions
        if c.session_id is not None and c.staff_member_id in staff
    }
    return count(
        "training_session",
        (
            s.id
            for s in ctx.facts.training_sessions
            if s.id in with_staff and first <= s.held_on <= last
        ),
    )
