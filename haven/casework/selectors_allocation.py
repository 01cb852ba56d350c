"""The facts allocation suggestions weigh (seed 002 Lot 1 s3.7), gathered in a fixed number of
queries however many workers there are, and handed to the pure `allocation_suggestions`.

Caseload figures are counts of every case allocated to a worker (never anything about cases
the viewer may not see), as the risk app's caseload warning counts them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Count, Q
from django.utils import timezone

from haven.access.scope import TEAM_ROLES
from haven.accounts.models import Membership, Team, User
from haven.accounts.staff_profiles import StaffProfileFacts, staff_profiles_of
from haven.casework.allocation_hooks import new_case_refusals
from haven.casework.allocation_suggestions import (
    HIGH,
    IDVA,
    CaseFacts,
    Suggestion,
    WorkerFacts,
    exclusions,
    suggest_allocation,
)
from haven.casework.models import Case, CaseState
from haven.casework.selectors import AllocationChoice, allocation_choices
from haven.contracts.models import Contract
from haven.contracts.profiles.stored import profile_of
from haven.people.models import Person, PersonFlag

ROLLING_YEAR = timedelta(days=365)
OLDER_FROM = 60  # seed 001 s6: "over 60" is an under-represented group
CHILD_UNDER = 18
TOP = 3
LGBT_ORIENTATIONS = {"gay_lesbian", "bisexual", "other"}
# the person's current flags (people.choices.FlagKind) and the specialism each calls for
FLAG_NEEDS = {
    "disability": "disability",
    "mental_health": "mental_health",
    "substance_use": "substance_misuse",
}


def idva_limit(case: Case) -> int | None:
    return contract_idva_limit(case.contract)


def contract_idva_limit(contract: Contract) -> int | None:
    """The contract's high-risk cases a year per IDVA when it is an IDVA service (seed 001 s5:
    "IDVAs supporting caseloads of 80-100 high risk victims a year"), else None."""
    try:
        profile = profile_of(contract)
    except ValueError:  # stub contracts in tests carry no valid profile
        return None
    if profile.risk is None or profile.risk.caseload is None:
        return None
    return profile.risk.caseload.high_risk_per_year


def _needs(person: Person, today: date, flags: Iterable[str] | None = None) -> frozenset[str]:
    """Which specialisms the person's equality data, age and current flags call for."""
    needs = set()
    equality = person.equality_or_default()
    if equality.sex == "male" or person.gender.strip().casefold() in {"male", "man"}:
        needs.add("male_victims")
    if equality.sexual_orientation in LGBT_ORIENTATIONS or equality.gender_same_as_birth == "no":
        needs.add("lgbt")
    if equality.disability == "yes":
        needs.add("disability")
    age = person.age(today)
    if person.is_child or (age is not None and age < CHILD_UNDER):
        needs.add("children_young_people")
    if age is not None and age >= OLDER_FROM:
        needs.add("older_people")
    if flags is None:
        flags = current_flags([person.pk]).get(person.pk, [])
    for kind in flags:
        if kind in FLAG_NEEDS:
            needs.add(FLAG_NEEDS[kind])
    return frozenset(needs)


def current_flags(person_ids: Iterable[Any]) -> dict[Any, list[str]]:
    """The kinds of each person's current flags (one query)."""
    found: dict[Any, list[str]] = {}
    rows = PersonFlag.objects.filter(person_id__in=list(person_ids), ended_on__isnull=True)
    for person_id, kind in rows.values_list("person_id", "kind"):
        found.setdefault(person_id, []).append(kind)
    return found


def case_facts(
    case: Case, *, flags: Iterable[str] | None = None, idva_required: bool | None = None
) -> CaseFacts:
    """The case's facts the seed weighs: risk, the person's stated preferences, equalities
    profile, language and where they live. `flags` (the person's current flags) and
    `idva_required`, when the caller read them once for many cases."""
    person = case.person
    if idva_required is None:
        idva_required = idva_limit(case) is not None
    return CaseFacts(
        risk_level=case.risk_level,
        preferred_worker_gender=person.preferred_worker_gender,
        language=person.preferred_language,
        needs=_needs(person, timezone.localdate(), flags),
        areas=tuple(a for a in (person.town, person.local_authority) if a),
        idva_required=idva_required,
    )


@dataclass(frozen=True)
class WorkerLoad:
    open_cases: int = 0
    open_high_risk: int = 0
    high_risk_this_year: int = 0


def worker_loads(
    worker_ids: Iterable[Any], *, now: datetime | None = None
) -> dict[Any, WorkerLoad]:
    """Open cases, open high-risk cases and high-risk cases opened in the last 12 months per
    worker: one grouped query."""
    ids = list(worker_ids)
    since = (now or timezone.now()) - ROLLING_YEAR
    is_open = ~Q(state=CaseState.CLOSED)
    rows = (
        Case.objects.filter(allocated_to_id__in=ids)
        .order_by()
        .values("allocated_to_id")
        .annotate(
            n=Count("pk", filter=is_open),
            high=Count("pk", filter=is_open & Q(risk_level=HIGH)),
            year=Count("pk", filter=Q(risk_level=HIGH, opened_at__gte=since)),
        )
    )
    loads = {r["allocated_to_id"]: WorkerLoad(r["n"], r["high"], r["year"]) for r in rows}
    return {pk: loads.get(pk, WorkerLoad()) for pk in ids}


def worker_facts(
    choice: AllocationChoice,
    profile: StaffProfileFacts,
    load: WorkerLoad,
    contract_limit: int | None,
) -> WorkerFacts:
    worker = choice.worker
    assert worker is not None
    per_year = profile.high_risk_per_year
    if per_year is None and IDVA in profile.specialisms:
        per_year = contract_limit
    return WorkerFacts(
        key=choice.value,
        name=worker.get_full_name() or worker.email,
        specialisms=profile.specialisms,
        languages=frozenset(profile.languages),
        gender=profile.gender,
        areas=frozenset(profile.areas),
        open_cases=load.open_cases,
        max_open_cases=profile.max_open_cases,
        open_high_risk=load.open_high_risk,
        high_risk_this_year=load.high_risk_this_year,
        high_risk_per_year=per_year,
    )


def _one_choice_per_worker(case: Case, choices: Sequence[AllocationChoice]) -> list[Any]:
    """Each worker once: with the case's team when they are in it, else their first team."""
    found: dict[Any, AllocationChoice] = {}
    for choice in choices:
        if choice.worker is None or choice.team is None:
            continue
        held = found.get(choice.worker.pk)
        if held is None or (choice.team.pk == case.team_id and held.team != case.team):
            found[choice.worker.pk] = choice
    return list(found.values())


@dataclass(frozen=True)
class AllocationAdvice:
    """Ranked suggestions (each explained), workers left out with why, and the case's facts."""

    case: CaseFacts
    suggestions: list[Suggestion]
    excluded: list[Suggestion]
    choices: dict[str, AllocationChoice]
    workers: dict[Any, WorkerFacts]  # by user id

    @property
    def top(self) -> list[Suggestion]:
        return self.suggestions[:TOP]


def allocation_advice(
    case: Case, choices: Sequence[AllocationChoice] | None = None
) -> AllocationAdvice:
    """Suggestions for the case among the workers who may take it. `allocation_choices` offers
    only the pairs `services.allocation_refusal` accepts, so no worker here is refused."""
    choices = list(choices if choices is not None else allocation_choices(case))
    per_worker = _one_choice_per_worker(case, choices)
    ids = [choice.worker.pk for choice in per_worker]
    profiles = staff_profiles_of(ids)
    loads = worker_loads(ids)
    limit = idva_limit(case)
    workers = [
        worker_facts(choice, profiles[choice.worker.pk], loads[choice.worker.pk], limit)
        for choice in per_worker
    ]
    facts = case_facts(case)
    return AllocationAdvice(
        case=facts,
        suggestions=suggest_allocation(facts, workers),
        excluded=exclusions(facts, workers),
        choices={choice.value: choice for choice in choices},
        workers={choice.worker.pk: w for choice, w in zip(per_worker, workers, strict=True)},
    )


def team_workers(team: Team, contract_limit: int | None) -> list[tuple[User, WorkerFacts]]:
    """The team's active caseworkers and team leaders as allocation candidates (three queries):
    those `services.allocation_refusal` accepts for a case of the team's provider."""
    members = (
        Membership.objects.filter(team=team, role__in=TEAM_ROLES, user__is_active=True)
        .select_related("user")
        .order_by("user__full_name")
    )
    choices = {m.user_id: AllocationChoice(team, m.user) for m in members}
    profiles = staff_profiles_of(list(choices))
    loads = worker_loads(list(choices))
    # seed 002 Lot 1 s12, s15: lapsed vetting refuses new cases (allocation_hooks)
    refused = new_case_refusals(list(choices))
    return [
        (
            choice.worker,
            replace(
                worker_facts(choice, profiles[pk], loads[pk], contract_limit),
                refusal=refused.get(pk),
            ),
        )
        for pk, choice in choices.items()
        if choice.worker is not None
    ]
