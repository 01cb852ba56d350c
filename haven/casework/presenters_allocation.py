"""Allocation suggestions as the allocate page shows them: labels and reasons as plain text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from haven.accounts.staff_profiles import StaffProfileFacts
from haven.casework.allocation_suggestions import IDVA, Suggestion, WorkerFacts
from haven.casework.selectors_allocation import AllocationAdvice, WorkerLoad


def caseload_text(worker: WorkerFacts) -> str:
    """ "12 of 25 open cases, 3 high-risk" (or "12 open cases" with no maximum set)."""
    cases = worker.open_cases
    text = (
        f"{cases} of {worker.max_open_cases} open cases"
        if worker.max_open_cases is not None
        else f"{cases} open case{'' if cases == 1 else 's'}"
    )
    text += f", {worker.open_high_risk} high-risk"
    if worker.high_risk_per_year is not None:
        text += f", {worker.high_risk_this_year} of {worker.high_risk_per_year} high-risk this year"
    return text


def suggestion_label(suggestion: Suggestion, advice: AllocationAdvice) -> str:
    choice = advice.choices[suggestion.worker.key]
    team = f" ({choice.team.name})" if choice.team else ""
    return f"{suggestion.worker.name}{team}"


def suggested_choices(advice: AllocationAdvice) -> list[tuple[str, str, str]]:
    """(choice value, label, reasons) of the top suggestions, best first."""
    return [(s.worker.key, suggestion_label(s, advice), reasons_text(s)) for s in advice.top]


def reasons_text(suggestion: Suggestion) -> str:
    text = suggestion.explanation
    return text[0].upper() + text[1:] if text else ""


def caseload_labels(advice: AllocationAdvice) -> dict[str, str]:
    """Each worker's option in the full list, with their caseload beside the name."""
    labels = {}
    for value, choice in advice.choices.items():
        if choice.worker is not None and choice.worker.pk in advice.workers:
            load = caseload_text(advice.workers[choice.worker.pk])
            labels[value] = f"{choice.label}: {load}"
    return labels


@dataclass(frozen=True)
class CapacityCells:
    """A worker's capacity on the team caseloads page (seed 004 s9: caseloads reflect risk and
    need; seed 001 s5: IDVAs support 80-100 high-risk victims a year)."""

    maximum: str
    at_capacity: bool
    idva_high_risk: str
    profile: str = ""  # specialisms, languages and areas, for the team leader


def capacity_cells(
    profiles: dict[Any, StaffProfileFacts], loads: dict[Any, WorkerLoad]
) -> dict[Any, CapacityCells]:
    cells = {}
    for pk, profile in profiles.items():
        load = loads.get(pk, WorkerLoad())
        limit = profile.max_open_cases
        idva = IDVA in profile.specialisms
        per_year = profile.high_risk_per_year
        if idva:
            year = f"{load.high_risk_this_year}" + (f" of {per_year}" if per_year else "")
        else:
            year = "Not an IDVA"
        cells[pk] = CapacityCells(
            maximum=f"{load.open_cases} of {limit}" if limit is not None else "Not set",
            at_capacity=limit is not None and load.open_cases >= limit,
            idva_high_risk=year,
            profile=profile_text(profile),
        )
    return cells


def profile_text(profile: StaffProfileFacts) -> str:
    """ "IDVA (...), LGBT+; speaks Polish; covers Leicester" ("" when nothing is recorded)."""
    parts = [", ".join(profile.specialism_labels)]
    if profile.languages:
        parts.append("speaks " + ", ".join(profile.languages))
    if profile.areas:
        parts.append("covers " + ", ".join(profile.areas))
    return "; ".join(part for part in parts if part)
