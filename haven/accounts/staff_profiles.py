"""Staff profiles (seed 002 Lot 1 s3.7: specialisms, equalities profile, caseload, location)
and teams' rule for imported cases: the audited writes and the reads allocation uses."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from haven.accounts.models import ImportAllocation, Specialism, StaffProfile, Team, User
from haven.accounts.rules import may_manage_organisation, may_manage_staff_member
from haven.accounts.services import StaffChangeRefusedError
from haven.core.auditor import audit_event
from haven.core.models import AuditAction

# A language or an area: letters (any alphabet), spaces, hyphens, apostrophes, brackets.
_NAME = re.compile(r"^[^\W\d_][\w '()\-.]{0,59}$")
MAX_ENTRIES = 20
MAX_CAPACITY = 1000


@dataclass(frozen=True)
class StaffProfileFacts:
    """A worker's profile as plain values (blank when none was recorded)."""

    specialisms: frozenset[str] = frozenset()
    languages: tuple[str, ...] = ()
    gender: str = ""
    areas: tuple[str, ...] = ()
    max_open_cases: int | None = None
    high_risk_per_year: int | None = None
    specialism_labels: tuple[str, ...] = field(default=())


def _facts(profile: StaffProfile | None) -> StaffProfileFacts:
    if profile is None:
        return StaffProfileFacts()
    specialisms = frozenset(profile.specialisms or [])
    return StaffProfileFacts(
        specialisms=specialisms,
        languages=tuple(profile.languages or []),
        gender=profile.gender,
        areas=tuple(profile.areas or []),
        max_open_cases=profile.max_open_cases,
        high_risk_per_year=profile.high_risk_per_year,
        specialism_labels=tuple(s.label for s in Specialism if s.value in specialisms),
    )


def staff_profile_of(user: User) -> StaffProfileFacts:
    """One worker's profile (blank when none was recorded)."""
    return _facts(StaffProfile.objects.filter(user=user).first())


def staff_profiles_of(user_ids: Iterable[Any]) -> dict[Any, StaffProfileFacts]:
    """Profiles of many workers in one query; a worker without one gets a blank profile."""
    ids = list(user_ids)
    found = {p.user_id: _facts(p) for p in StaffProfile.objects.filter(user_id__in=ids)}
    return {pk: found.get(pk, StaffProfileFacts()) for pk in ids}


def names_problem(values: Iterable[str], *, subject: str) -> str | None:
    """Each entry a name (a language or an area), at most MAX_ENTRIES of them."""
    names = list(values)
    if len(names) > MAX_ENTRIES:
        return f"{subject}: enter {MAX_ENTRIES} or fewer"
    for name in names:
        if not _NAME.match(name):
            return f"{subject}: “{name[:60]}” is not a name (letters, spaces and hyphens only)"
    return None


def clean_names(text: str) -> list[str]:
    """One name a line (or comma separated), trimmed, duplicates dropped, first letter capital."""
    seen: dict[str, str] = {}
    for part in re.split(r"[\n,;]", text):
        name = " ".join(part.split())
        if name and name.casefold() not in seen:
            seen[name.casefold()] = name[0].upper() + name[1:]
    return list(seen.values())


def _capacity_problem(value: int | None, subject: str) -> str | None:
    if value is not None and not 0 <= value <= MAX_CAPACITY:
        return f"{subject} must be between 0 and {MAX_CAPACITY}"
    return None


@transaction.atomic
def staff_profile_update(
    *,
    user: User,
    changed_by: Any,
    specialisms: list[str],
    languages: list[str],
    gender: str,
    areas: list[str],
    max_open_cases: int | None,
    high_risk_per_year: int | None,
) -> StaffProfile:
    """Record a worker's specialisms, languages, gender, patch and capacity (audited)."""
    if not may_manage_staff_member(changed_by, user):
        raise StaffChangeRefusedError({"user": "You cannot manage this person's account"})
    unknown = sorted(set(specialisms) - set(Specialism.values))
    problems = {
        "specialisms": f"Unknown specialism: {unknown[0]}" if unknown else None,
        "languages": names_problem(languages, subject="Languages"),
        "gender": "Choose a gender from the list"
        if gender and gender not in {"female", "male", "non_binary"}
        else None,
        "areas": names_problem(areas, subject="Areas covered"),
        "max_open_cases": _capacity_problem(max_open_cases, "Maximum open cases"),
        "high_risk_per_year": _capacity_problem(high_risk_per_year, "High-risk cases a year"),
    }
    found = {name: problem for name, problem in problems.items() if problem}
    if found:
        raise StaffChangeRefusedError(found)
    profile, _ = StaffProfile.objects.get_or_create(user=user)
    after = {
        "specialisms": [s for s in Specialism.values if s in set(specialisms)],
        "languages": languages,
        "gender": gender,
        "areas": areas,
        "max_open_cases": max_open_cases,
        "high_risk_per_year": high_risk_per_year,
    }
    changes = {
        name: [getattr(profile, name), value]
        for name, value in after.items()
        if getattr(profile, name) != value
    }
    if changes:
        for name, value in after.items():
            setattr(profile, name, value)
        profile.save()
        audit_event(actor=changed_by, action=AuditAction.UPDATE, target=profile, changes=changes)
    return profile


@transaction.atomic
def team_import_allocation_set(*, team: Team, rule: str, changed_by: Any) -> Team:
    """Set how the team's cases from the police workbook import are allocated (audited)."""
    if not may_manage_organisation(changed_by, team.organisation_id):
        raise StaffChangeRefusedError({"team": "You cannot manage this team"})
    if rule not in ImportAllocation.values:
        raise StaffChangeRefusedError({"rule": "Choose how imported cases are allocated"})
    if team.import_allocation != rule:
        before = team.import_allocation
        team.import_allocation = rule
        team.save(update_fields=["import_allocation", "updated_at"])
        audit_event(
            actor=changed_by,
            action=AuditAction.UPDATE,
            target=team,
            changes={"import_allocation": [before, rule]},
        )
    return team
