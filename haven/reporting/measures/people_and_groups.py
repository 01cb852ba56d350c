"""People and groups: families referred and the children in them, the under-represented groups a
service must give specific regard to, people with a flag (co-morbidity factors), people with
children in their household, and needs assessments and onward referrals counted by kind.

Counting rules:
- A **family** is the people referred in the period joined by household links (a parent and
  their children, or two children of one parent); a person with no household link is a family
  of their own. A family is placed in the period by the first of its referrals received in it.
- A person is **in the population of a group figure** when they have a case open at any moment
  of the period (as `people_supported`); their age is taken at the start of the period.
- A **flag** counts when it is current at any moment of the period (started on or before its
  last day, not ended before its first day).
- A needs assessment belongs to the period it was completed in (`assessed_at`); an onward
  referral to the period it was made in (`made_at`).

Pure: no Django.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from haven.people.ages import age_on
from haven.reporting.facts import Facts, PersonFact
from haven.reporting.measures.base import Figure, MeasureContext, computation, count

PREFER_NOT = "prefer_not_to_say"  # people.choices.PREFER_NOT_TO_SAY (no Django import here)
WHITE_BRITISH = "white_british"
# seed 001 s6: those identifying as gay, lesbian, bisexual or transgender.
LGB = {"gay_lesbian", "bisexual"}
CYP_MAX_AGE = 19  # seed 001 Lot 1 s1: children and young people aged 0-19


def _flag_current(ctx: MeasureContext, person_id: Any, kinds: Iterable[str]) -> bool:
    wanted = set(kinds)
    first, last = ctx.period.first, ctx.period.last
    return any(
        f.kind in wanted and f.started_on <= last and (f.ended_on is None or f.ended_on >= first)
        for f in ctx.facts.flags_by_person.get(person_id, ())
    )


def _age_between(low: int, high: int | None) -> Callable[[MeasureContext, PersonFact], bool]:
    def test(ctx: MeasureContext, person: PersonFact) -> bool:
        if person.date_of_birth is None:
            return False
        age = age_on(person.date_of_birth, ctx.period.first)
        return age >= low and (high is None or age <= high)

    return test


def _male(ctx: MeasureContext, person: PersonFact) -> bool:
    return person.sex == "male"


def _bme(ctx: MeasureContext, person: PersonFact) -> bool:
    """Black and minority ethnic: any recorded ethnic group other than White British (the ONS
    meaning of ethnic minority). Refugee communities are their own group (`refugee`)."""
    return bool(person.ethnicity) and person.ethnicity not in {WHITE_BRITISH, PREFER_NOT}


# seed 001 s6 "refugee communities": granted refugee status or humanitarian protection, or
# seeking asylum (refused included) — people.choices.REFUGEE_COMMUNITY_STATUSES (no Django here)
REFUGEE_COMMUNITY_STATUSES = frozenset({"refugee", "asylum_seeker", "refused_asylum"})


def _refugee(ctx: MeasureContext, person: PersonFact) -> bool:
    """From a refugee community: an immigration status in REFUGEE_COMMUNITY_STATUSES, as
    recorded now in the person's equality data."""
    return person.immigration_status in REFUGEE_COMMUNITY_STATUSES


def _nrpf(ctx: MeasureContext, person: PersonFact) -> bool:
    return _flag_current(ctx, person.id, ["nrpf"])


def _disabled(ctx: MeasureContext, person: PersonFact) -> bool:
    """Identifies as disabled in their equality data, or has a current disability flag."""
    return person.disability == "yes" or _flag_current(ctx, person.id, ["disability"])


def _lgbt(ctx: MeasureContext, person: PersonFact) -> bool:
    """Gay, lesbian or bisexual, or transgender (gender not the same as sex registered at birth)."""
    return person.sexual_orientation in LGB or person.gender_same_as_birth == "no"


def _language_not_english(ctx: MeasureContext, person: PersonFact) -> bool:
    """A preferred language recorded that is not English, or an interpreter needed."""
    language = (person.preferred_language or "").strip().casefold()
    return bool(person.interpreter_needed) or (
        bool(language) and not language.startswith("english")
    )


# seed 001 s6 (every lot): "generally under-represented groups", in the seed's order.
GROUPS: dict[str, Callable[[MeasureContext, PersonFact], bool]] = {
    "over_60": _age_between(60, None),
    "male": _male,
    "aged_16_25": _age_between(16, 25),
    "bme": _bme,
    "refugee": _refugee,
    "nrpf": _nrpf,
    "disabled": _disabled,
    "lgbt": _lgbt,
    "language_not_english": _language_not_english,
}


def _people_open(ctx: MeasureContext) -> list[PersonFact]:
    """People with a case open at any moment of the period (as `people_supported`)."""
    start, end = ctx.period.start, ctx.period.end
    people = dict.fromkeys(
        c.person_id
        for c in ctx.facts.cases
        if c.opened_at < end and (c.closed_at is None or c.closed_at >= start)
    )
    return [ctx.facts.persons[p] for p in people if p in ctx.facts.persons]


@computation("people_in_group", params=("group",), needs=("flags",))
def people_in_group(ctx: MeasureContext, group: str) -> Figure:
    """Distinct people with a case open at any moment of the period who belong to one of seed
    001 s6's under-represented groups (`group`: one of GROUPS, or "any" for at least one):
    over_60 (aged 60 or over at the start of the period), male (sex male), aged_16_25, bme (an
    ethnic group other than White British), refugee (refugee status, humanitarian protection or
    seeking asylum), nrpf (a current no-recourse flag), disabled
    (equality data or a current disability flag), lgbt, language_not_english. A person whose
    data does not say is not counted in the group."""
    if group != "any" and group not in GROUPS:
        raise ValueError(f"unknown group {group!r}; use any or one of {', '.join(GROUPS)}")
    tests = list(GROUPS.values()) if group == "any" else [GROUPS[group]]
    return count("person", (p.id for p in _people_open(ctx) if any(test(ctx, p) for test in tests)))


@computation("people_with_flag", params=("kinds",), needs=("flags",))
def people_with_flag(ctx: MeasureContext, kinds: list[str]) -> Figure:
    """Distinct people with a case open at any moment of the period who have a flag of one of
    `kinds` current at some moment of it (seed 001 Lot 1 s14: co-morbidity factors)."""
    return count("person", (p.id for p in _people_open(ctx) if _flag_current(ctx, p.id, kinds)))


@computation("people_with_children_in_household", params=("living_with",), needs=("households",))
def people_with_children_in_household(ctx: MeasureContext, living_with: bool = False) -> Figure:
    """Distinct people with a case open at any moment of the period who have a child recorded in
    their household (only children living with them when `living_with`) (seed 001 Lot 4 s14:
    family circumstance)."""
    parents = {h.person_id for h in ctx.facts.households if h.lives_with_person or not living_with}
    return count("person", (p.id for p in _people_open(ctx) if p.id in parents))


class _Families:
    """Union-find over people joined by household links."""

    def __init__(self) -> None:
        self.parent: dict[Any, Any] = {}

    def root(self, node: Any) -> Any:
        self.parent.setdefault(node, node)
        while self.parent[node] != node:
            self.parent[node] = self.parent[self.parent[node]]
            node = self.parent[node]
        return node

    def join(self, a: Any, b: Any) -> None:
        self.parent[self.root(a)] = self.root(b)


def _families(ctx: MeasureContext) -> tuple[dict[Any, list[Any]], dict[Any, datetime]]:
    """The families of the people referred in the period: root -> every member (referred or
    linked), and each referred person's first referral received in the period."""
    first_referral: dict[Any, datetime] = {}
    received = [r for r in ctx.facts.referrals if ctx.period.contains(r.received_at)]
    for referral in sorted(received, key=lambda r: r.received_at):
        first_referral.setdefault(referral.person_id, referral.received_at)
    union = _Families()
    for link in ctx.facts.households:
        union.join(link.person_id, link.member_id)
    members: dict[Any, list[Any]] = {}
    for link in ctx.facts.households:
        for person_id in (link.person_id, link.member_id):
            members.setdefault(union.root(person_id), [])
            if person_id not in members[union.root(person_id)]:
                members[union.root(person_id)].append(person_id)
    families: dict[Any, list[Any]] = {}
    for person_id in first_referral:
        root = union.root(person_id)
        families[root] = members.get(root, [person_id])
    return families, first_referral


@computation("families_referred", needs=("households",))
def families_referred(ctx: MeasureContext) -> Figure:
    """Families with a referral received in the period (seed 001 Lot 1 s8): the people referred,
    joined into one family by household links (directly, or through a parent or child they share
    who need not be referred); someone with no household link is a family of their own. Each
    family is counted once, named by the person whose referral in the period came first."""
    families, first_referral = _families(ctx)
    return count(
        "person",
        (
            min((p for p in family if p in first_referral), key=lambda p: first_referral[p])
            for family in families.values()
        ),
    )


@computation("children_in_families_referred", params=("max_age",), needs=("households",))
def children_in_families_referred(ctx: MeasureContext, max_age: int = CYP_MAX_AGE) -> Figure:
    """Distinct children and young people in the families referred in the period (seed 001 Lot 1
    s8): everyone recorded as a child in a household link of the family, and every person
    referred who was `max_age` or under at their referral (by date of birth; without one, the
    person's child flag)."""
    families, first_referral = _families(ctx)
    linked_children = {h.member_id for h in ctx.facts.households}
    children = []
    for family in families.values():
        for person_id in family:
            if person_id in linked_children or _young_at_referral(
                ctx.facts, person_id, first_referral.get(person_id), max_age
            ):
                children.append(person_id)
    return count("person", children)


def _young_at_referral(facts: Facts, person_id: Any, at: datetime | None, max_age: int) -> bool:
    person = facts.persons.get(person_id)
    if person is None or at is None:
        return False
    if person.date_of_birth is None:
        return bool(person.is_child)
    return age_on(person.date_of_birth, at.date()) <= max_age


@computation("needs_assessments_completed", params=("stages",))
def needs_assessments_completed(ctx: MeasureContext, stages: list[str] | None = None) -> Figure:
    """Needs assessments completed in the period (optionally only of `stages`: initial, review,
    exit) — seed 001 Lot 3 s8: intake forms (initial) and exit forms (exit) completed."""
    return count(
        "needs_assessment",
        (
            a.id
            for a in ctx.facts.needs_assessments
            if ctx.period.contains(a.assessed_at) and (stages is None or a.stage in stages)
        ),
    )
