"""Suggested allocation: rank the workers who may take a case, each with its reasons (pure).

seed 002 Lot 1 s3.7: "In deciding which caseworker should contact/support the victim,
consideration shall be given to the risk/vulnerability of the victim, the equalities profile of
the victim/caseworker, developed specialisms of caseworkers, existing caseloads and any location
based considerations." seed 004 s9: "resources are allocated according to risk and need, and
this is reflected in the caseloads of frontline practitioners". The team leader chooses: this
only ranks and explains. No Django here; casework.selectors_allocation gathers the facts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

HIGH = "high"
IDVA = "idva"

# Points: a preference the person stated outweighs a specialism, which outweighs the patch.
IDVA_FOR_HIGH_RISK = 30
GENDER_MATCH = 25
GENDER_MISMATCH = -40
LANGUAGE_MATCH = 20
SPECIALISM_MATCH = 15
AREA_MATCH = 10
SPARE_CAPACITY = 10  # at most, for a worker with no open case
AT_CAPACITY = -50
HIGH_RISK_YEAR_FULL = -30
UNKNOWN_GENDER = -5

NEED_LABELS = {
    "male_victims": "male victims",
    "lgbt": "LGBT+ people",
    "disability": "disabled people",
    "older_people": "older people",
    "children_young_people": "children and young people",
    "sexual_violence": "sexual violence",
    "honour_based_abuse": "honour-based abuse",
    "substance_misuse": "substance misuse",
    "mental_health": "mental health",
}
GENDER_WORDS = {"female": "female", "male": "male", "non_binary": "non-binary"}


@dataclass(frozen=True)
class CaseFacts:
    """What the seed weighs about the victim (plain values)."""

    risk_level: str = ""
    preferred_worker_gender: str = ""  # "female", "male" or "" (none stated)
    language: str = ""  # the person's preferred language ("" or English: none needed)
    needs: frozenset[str] = frozenset()  # specialisms their profile calls for (NEED_LABELS)
    areas: tuple[str, ...] = ()  # the person's town, district or local authority
    idva_required: bool = False  # the contract is an IDVA service (seed 001 s5)


@dataclass(frozen=True)
class WorkerFacts:
    """One worker who might take the case, with their profile and caseload."""

    key: Any
    name: str
    specialisms: frozenset[str] = frozenset()
    languages: frozenset[str] = frozenset()
    gender: str = ""
    areas: frozenset[str] = frozenset()
    open_cases: int = 0
    max_open_cases: int | None = None
    open_high_risk: int = 0
    high_risk_this_year: int = 0
    high_risk_per_year: int | None = None
    refusal: str | None = None  # why they may not take it (services.allocation_refusal)


@dataclass(frozen=True)
class Reason:
    text: str
    points: int

    @property
    def against(self) -> bool:
        return self.points < 0


@dataclass(frozen=True)
class Suggestion:
    worker: WorkerFacts
    score: int
    reasons: tuple[Reason, ...] = field(default=())
    excluded: str | None = None  # why they cannot take it (then never ranked)

    @property
    def explanation(self) -> str:
        return "; ".join(reason.text for reason in self.reasons)


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _is_english(language: str) -> bool:
    return _norm(language) in {"", "english", "en", "eng"}


def _exclusion(case: CaseFacts, worker: WorkerFacts) -> str | None:
    if worker.refusal:
        return worker.refusal
    # seed 001 s5: the IDVA service is "for high-risk (DASH) victims": a high-risk case of an
    # IDVA contract goes to an IDVA
    if case.idva_required and case.risk_level == HIGH and IDVA not in worker.specialisms:
        return "Not an IDVA: this service's high-risk cases go to an IDVA"
    return None


def _risk_reasons(case: CaseFacts, worker: WorkerFacts) -> list[Reason]:
    if case.risk_level != HIGH:
        return []
    reasons = []
    if IDVA in worker.specialisms:
        reasons.append(Reason("IDVA for a high-risk case", IDVA_FOR_HIGH_RISK))
    limit = worker.high_risk_per_year
    if limit is not None:
        # seed 001 s5: "IDVAs supporting caseloads of 80-100 high risk victims a year"
        done = worker.high_risk_this_year
        if done >= limit:
            reasons.append(
                Reason(f"at {done} of {limit} high-risk cases this year", HIGH_RISK_YEAR_FULL)
            )
        else:
            reasons.append(Reason(f"{done} of {limit} high-risk cases this year", 0))
    return reasons


def _equalities_reasons(case: CaseFacts, worker: WorkerFacts) -> list[Reason]:
    reasons = []
    wanted = case.preferred_worker_gender
    if wanted:
        if not worker.gender:
            reasons.append(
                Reason(f"asked for a {wanted} worker: gender not recorded", UNKNOWN_GENDER)
            )
        elif worker.gender == wanted:
            reasons.append(Reason(f"{wanted} worker, as asked", GENDER_MATCH))
        else:
            gender = GENDER_WORDS.get(worker.gender, worker.gender)
            reasons.append(
                Reason(f"asked for a {wanted} worker: this worker is {gender}", GENDER_MISMATCH)
            )
    if not _is_english(case.language):
        spoken = {_norm(language) for language in worker.languages}
        if _norm(case.language) in spoken:
            reasons.append(Reason(f"speaks {case.language.strip()}", LANGUAGE_MATCH))
        else:
            reasons.append(Reason(f"does not speak {case.language.strip()}", 0))
    return reasons


def _specialism_reasons(case: CaseFacts, worker: WorkerFacts) -> list[Reason]:
    return [
        Reason(f"specialises in {NEED_LABELS.get(need, need)}", SPECIALISM_MATCH)
        for need in sorted(case.needs)
        if need in worker.specialisms
    ]


def _area_reasons(case: CaseFacts, worker: WorkerFacts) -> list[Reason]:
    covered = {_norm(area) for area in worker.areas}
    for area in case.areas:
        if area.strip() and _norm(area) in covered:
            return [Reason(f"covers {area.strip()}", AREA_MATCH)]
    return []


def _caseload_reasons(worker: WorkerFacts) -> list[Reason]:
    cases, limit = worker.open_cases, worker.max_open_cases
    high = f", {worker.open_high_risk} high-risk" if worker.open_high_risk else ""
    if limit is None:
        return [Reason(f"{cases} open cases{high} (no maximum set)", 0)]
    if cases >= limit:
        return [Reason(f"at capacity: {cases} of {limit} cases{high}", AT_CAPACITY)]
    # more room, more points: 0-10 by the share of the maximum still free
    return [Reason(f"{cases} of {limit} cases{high}", SPARE_CAPACITY * (limit - cases) // limit)]


def explain(case: CaseFacts, worker: WorkerFacts) -> Suggestion:
    """One worker's score and reasons for this case (or why they cannot take it)."""
    excluded = _exclusion(case, worker)
    if excluded:
        return Suggestion(worker, 0, (Reason(excluded, 0),), excluded)
    reasons = [
        *_risk_reasons(case, worker),
        *_equalities_reasons(case, worker),
        *_specialism_reasons(case, worker),
        *_area_reasons(case, worker),
        *_caseload_reasons(worker),
    ]
    return Suggestion(worker, sum(reason.points for reason in reasons), tuple(reasons))


def _order(suggestion: Suggestion) -> tuple[int, int, str, str]:
    # ties: fewer open cases first, then by name (a stable, explainable order)
    worker = suggestion.worker
    return (-suggestion.score, worker.open_cases, worker.name, str(worker.key))


def suggest_allocation(case: CaseFacts, workers: Iterable[WorkerFacts]) -> list[Suggestion]:
    """The workers who may take the case, best first; those who may not are left out."""
    explained = [explain(case, worker) for worker in workers]
    return sorted((s for s in explained if s.excluded is None), key=_order)


def exclusions(case: CaseFacts, workers: Sequence[WorkerFacts]) -> list[Suggestion]:
    """The workers who may not take the case, each with the reason (for the page to say)."""
    return [s for worker in workers if (s := explain(case, worker)).excluded is not None]
