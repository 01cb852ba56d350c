"""Accommodation-based and exit figures (seed 004 s10 and appendix 1; seed 003 s13): exit
interviews at closure, referrals engaged, clients by equality and needs information, onward
referrals, and service users known to the service before.

Counting rules (haven/reporting/README.md): a case closed in the period by `closed_at`; opened
by `opened_at`; a client is a person with a case open at any moment of the period; an onward
referral by `made_at`; a person's flag when it was current on any day of the period.
"""

from __future__ import annotations

from typing import Any

from haven.reporting.facts import CaseFact, PersonFact
from haven.reporting.measures.base import Figure, MeasureContext, computation, count, percentage
from haven.reporting.measures.referrals import is_child

# PersonFact fields a `clients` filter may name (the equality data and the area)
PERSON_FIELDS = frozenset(PersonFact._fields[4:])
NOT_ANSWERED = {"", "prefer_not_to_say"}


def _closed(ctx: MeasureContext) -> list[CaseFact]:
    return [c for c in ctx.facts.cases if ctx.period.contains(c.closed_at)]


def _opened(ctx: MeasureContext) -> list[CaseFact]:
    return [c for c in ctx.facts.cases if ctx.period.contains(c.opened_at)]


def _open_during(ctx: MeasureContext) -> list[CaseFact]:
    start, end = ctx.period.start, ctx.period.end
    return [
        c
        for c in ctx.facts.cases
        if c.opened_at < end and (c.closed_at is None or c.closed_at >= start)
    ]


@computation("exit_interviews_held", params=("as_count",))
def exit_interviews_held(ctx: MeasureContext, as_count: bool = False) -> Figure:
    """Cases closed in the period (by `closed_at`) with an exit interview held, as a share of
    all cases closed in the period (seed 004 s10 B3: "%age clients closing in the quarter"). An
    interview the person declined does not count; when it was held does not matter."""
    closed = [c.id for c in _closed(ctx)]
    held = {i.case_id for i in ctx.facts.exit_interviews if i.outcome == "held"}
    if as_count:
        return count("case", (i for i in closed if i in held))
    return percentage("case", held, closed)


@computation("cases_engaged")
def cases_engaged(ctx: MeasureContext) -> Figure:
    """Number of cases opened in the period (by `opened_at`) with a successful first contact
    recorded (seed 004 s10 B4: number of referrals engaged; `referrals_engaged` gives the
    share)."""
    return count("case", (c.id for c in _opened(ctx) if c.first_contact_at is not None))


def _matches(
    person: PersonFact, where: dict[str, list[str]], where_not: dict[str, list[str]]
) -> bool:
    for name in (*where, *where_not):
        if name not in PERSON_FIELDS:
            raise ValueError(f"{name} is not a person field; use one of {sorted(PERSON_FIELDS)}")
    if any(getattr(person, name) not in values for name, values in where.items()):
        return False
    return all(
        getattr(person, name) not in NOT_ANSWERED and getattr(person, name) not in values
        for name, values in where_not.items()
    )


def _flagged(ctx: MeasureContext, kinds: list[str]) -> set[Any]:
    """People with a flag of `kinds` current on any day of the period."""
    first, last = ctx.period.first, ctx.period.last
    return {
        f.person_id
        for f in ctx.facts.flags
        if f.kind in kinds and f.started_on <= last and (f.ended_on is None or f.ended_on >= first)
    }


@computation(
    "clients",
    params=("support_needs", "children", "where", "where_not", "flags", "disability_types"),
    needs=("flags",),
)
def clients(
    ctx: MeasureContext,
    support_needs: list[str] | None = None,
    children: bool | None = None,
    where: dict[str, list[str]] | None = None,
    where_not: dict[str, list[str]] | None = None,
    flags: list[str] | None = None,
    disability_types: list[str] | None = None,
) -> Figure:
    """Distinct people with a case open at any moment of the period (seed 004 appendix 1:
    "number of clients ..."), kept when every given condition holds:

    - support_needs: the primary support need of the referral that opened the case;
    - children: under 18 at the start of the period (false: adults), as `people_supported`;
    - where: person fields with the values allowed, e.g. {sex: [female]};
    - where_not: person fields answered (not blank, not "prefer not to say") with a value other
      than those listed, e.g. {ethnicity: [white_british]};
    - flags: a flag of these kinds current on any day of the period (e.g. substance_use);
    - disability_types: identifies as disabled with one of these types ticked in the equality
      data (seed 004 appendix 1 E10-E13: physical, visual, hearing, learning; people.choices.
      DisabilityType), as recorded now."""
    flagged = _flagged(ctx, flags) if flags else None
    wanted_types = set(disability_types) if disability_types is not None else None
    people = []
    for case in _open_during(ctx):
        person = ctx.facts.persons.get(case.person_id)
        if person is None:
            continue
        if support_needs is not None:
            referral = ctx.facts.referral_by_id.get(case.referral_id)
            if referral is None or referral.primary_support_need not in support_needs:
                continue
        if children is not None and is_child(person, ctx.period.start) != children:
            continue
        if not _matches(person, where or {}, where_not or {}):
            continue
        if flagged is not None and case.person_id not in flagged:
            continue
        if wanted_types is not None and not (
            person.disability == "yes" and wanted_types.intersection(person.disability_types)
        ):
            continue
        people.append(case.person_id)
    return count("person", people)


@computation("known_before", params=("as_count",), needs=("first_case_opened",))
def known_before(ctx: MeasureContext, as_count: bool = False) -> Figure:
    """Cases opened in the period (by `opened_at`) whose person had an earlier case of this
    contract, opened before this one at any time, as a share of cases opened in the period (or
    their number) (seed 003 s13: service users that are or have been known to the service
    previously). A referral that was declined does not make a person known."""
    opened = _opened(ctx)
    first = ctx.facts.first_case_opened
    known = (c.id for c in opened if c.person_id in first and first[c.person_id] < c.opened_at)
    if as_count:
        return count("case", known)
    return percentage("case", known, (c.id for c in opened))


@computation("people_referred_on", params=("agency_types",))
def people_referred_on(ctx: MeasureContext, agency_types: list[str] | None = None) -> Figure:
    """Distinct people with an onward referral made in the period (by `made_at`) to one of
    `agency_types` (seed 004 appendix 1 E18: clients referred to drug and/or alcohol services)."""
    people = []
    for referral in ctx.facts.onward_referrals:
        if not ctx.period.contains(referral.made_at):
            continue
        if agency_types is not None and referral.agency_type not in agency_types:
            continue
        case = ctx.facts.case_by_id.get(referral.case_id)
        if case is not None:
            people.append(case.person_id)
    return count("person", people)
