"""Support sessions: hours of support by mode, court sessions, Victim Personal Statements,
legal proceedings supported, and how victims receiving further support were supported
(seed 001 Lot 1 s8 and Lot 3 s8; seed 002 Lot 1 s7; seed 003 s13).

Counting rules:
- A session is placed in the period by `delivered_at`.
- Hours: the sum of the sessions' `duration_minutes` / 60, to two decimal places (a `sum`
  figure: profiles give it unit `count`, as the figure is a number of hours, not days).
- Victims (cases) enabled / supported: cases with at least one session in the period that
  covered it, each counted once.
- Support modes (seed 002 s7 "receiving further support", i.e. progressing to needs
  assessment): the cases with a needs assessment recorded by `now` and at least one session in
  the period; of those, the ones whose sessions in the period were all of one mode (`only`) or
  include at least one of it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from haven.reporting.facts import SupportSessionFact
from haven.reporting.measures.base import (
    Figure,
    MeasureContext,
    computation,
    count,
    percentage,
    total,
)

MODES = ("telephone", "face_to_face", "video", "web_chat", "group", "court")
# What a session covered that a figure counts (support.models.COVERED)
COUNTED_COVERAGE = (
    "court_session",
    "specialist_dv_court",
    "vps_enabled",
    "legal_proceedings_supported",
)


def _in_period(ctx: MeasureContext) -> list[SupportSessionFact]:
    return [s for s in ctx.facts.sessions if ctx.period.contains(s.delivered_at)]


def _checked_modes(modes: Iterable[str]) -> tuple[str, ...]:
    chosen = tuple(modes)
    unknown = set(chosen) - set(MODES)
    if unknown or not chosen:
        raise ValueError(f"modes must be some of {', '.join(MODES)}")
    return chosen


def _checked_coverage(covered: str) -> str:
    if covered not in COUNTED_COVERAGE:
        raise ValueError(f"covered must be one of {', '.join(COUNTED_COVERAGE)}")
    return covered


@computation("support_hours", params=("modes",))
def support_hours(ctx: MeasureContext, modes: list[str] | None = None) -> Figure:
    """Hours of support delivered in the period in sessions of `modes` (all modes without)."""
    chosen = _checked_modes(modes) if modes is not None else MODES
    return total(
        "support_session",
        {s.id: s.duration_minutes / 60 for s in _in_period(ctx) if s.mode in chosen},
    )


@computation("support_sessions_count", params=("modes", "covered"))
def support_sessions_count(
    ctx: MeasureContext, modes: list[str] | None = None, covered: str | None = None
) -> Figure:
    """Sessions delivered in the period, of `modes` (all without) and covering `covered`
    (court_session, specialist_dv_court ...) when given."""
    chosen = _checked_modes(modes) if modes is not None else MODES
    flag = _checked_coverage(covered) if covered is not None else None
    return count(
        "support_session",
        (s.id for s in _in_period(ctx) if s.mode in chosen and (flag is None or getattr(s, flag))),
    )


@computation("cases_supported_with", params=("covered",))
def cases_supported_with(ctx: MeasureContext, covered: str) -> Figure:
    """Cases with at least one session in the period covering `covered` (vps_enabled,
    legal_proceedings_supported ...), each counted once."""
    flag = _checked_coverage(covered)
    return count("case", (s.case_id for s in _in_period(ctx) if getattr(s, flag)))


def modes_by_case(ctx: MeasureContext) -> dict[Any, set[str]]:
    """Each case receiving further support (needs assessment recorded by `now`) with a session in
    the period, and the modes of its sessions in the period."""
    assessed = {n.case_id for n in ctx.facts.needs_assessments if n.assessed_at <= ctx.now}
    modes: dict[Any, set[str]] = defaultdict(set)
    for session in _in_period(ctx):
        if session.case_id in assessed:
            modes[session.case_id].add(session.mode)
    return dict(modes)


@computation("further_support_by_mode", params=("mode", "only"))
def further_support_by_mode(ctx: MeasureContext, mode: str, only: bool = False) -> Figure:
    """Of the cases receiving further support in the period (`modes_by_case`), those with some
    support of `mode` (or, `only`, all of their support in the period of that mode)."""
    _checked_modes([mode])
    supported = modes_by_case(ctx)
    inside = (
        case_id
        for case_id, modes in supported.items()
        if (modes == {mode} if only else mode in modes)
    )
    return percentage("case", inside, supported)
