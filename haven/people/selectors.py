"""Reads of people, scoped to the user: views never query people directly (STYLE habit 2)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404
from rapidfuzz import fuzz, utils

from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.people import reference_codes
from haven.people.models import (
    HarmLink,
    HouseholdLink,
    Person,
    PersonCausingHarm,
    PersonCausingHarmQuerySet,
    PersonFlag,
    PersonQuerySet,
)
from haven.people.postcodes import normalise_postcode, partial_postcode

NAME_SIMILARITY = 80  # rapidfuzz token_sort_ratio, 0-100
SEARCH_LIMIT = 50


def people_visible_to(user: Any) -> PersonQuerySet:
    """People this user may see; refuses anyone without a provider role (403)."""
    if not user.has_perm("people.view_person"):
        raise PermissionDenied
    return Person.objects.visible_to(user)


def person_for_user(user: Any, person_id: uuid.UUID | str) -> Person:
    """The person if this user may see them, else 404 (their existence is not revealed)."""
    person = (
        people_visible_to(user)
        .select_related("safe_contact", "equality", "organisation")
        .prefetch_related("aliases")
        .filter(pk=person_id)
        .first()
    )
    if person is None:
        raise Http404("No such person")
    return person


def harmers_visible_to(user: Any) -> PersonCausingHarmQuerySet:
    if not user.has_perm("people.view_person"):
        raise PermissionDenied
    return PersonCausingHarm.objects.visible_to(user)


def harmer_for_user(user: Any, harmer_id: uuid.UUID | str) -> PersonCausingHarm:
    harmer = harmers_visible_to(user).filter(pk=harmer_id).first()
    if harmer is None:
        raise Http404("No such person causing harm")
    return harmer


def flag_for_user(user: Any, person_id: uuid.UUID | str, flag_id: uuid.UUID | str) -> PersonFlag:
    """A flag on a person the user may see, else 404."""
    person = person_for_user(user, person_id)
    flag = person.flags.select_related("person").filter(pk=flag_id).first()
    if flag is None:
        raise Http404("No such flag")
    return flag


@dataclass(frozen=True)
class Household:
    children: list[HouseholdLink]
    harm: list[HarmLink]
    belongs_to: list[HouseholdLink]


def household_of(person: Person) -> Household:
    """Children in the person's household, who is causing them harm, and whose child they are."""
    return Household(
        children=list(
            person.household_links.select_related("member").order_by("member__date_of_birth")
        ),
        harm=list(person.harm_links.select_related("harmer")),
        belongs_to=list(person.household_of.select_related("person")),
    )


def current_and_past_flags(person: Person) -> tuple[list[PersonFlag], list[PersonFlag]]:
    flags = list(person.flags.all())
    return [f for f in flags if f.is_current], [f for f in flags if not f.is_current]


def harm_links_for_harmer(harmer: PersonCausingHarm) -> list[HarmLink]:
    """The harmer's relationships; only the linked person's reference code may be shown."""
    return list(
        harmer.harm_links.prefetch_related(
            Prefetch("person", queryset=Person.objects.only("id", "reference_code"))
        )
    )


@dataclass(frozen=True)
class PersonSearchQuery:
    """Either a reference code, or a name and a date of birth."""

    reference_code: str = ""
    name: str = ""
    date_of_birth: dt.date | None = None


def _names_of(person: Person) -> list[str]:
    names = [person.full_name]
    if person.preferred_name:
        names.append(f"{person.preferred_name} {person.family_name}")
    names += [alias.name for alias in person.aliases.all()]
    return names


def name_similarity(name: str, person: Person) -> float:
    """The best rapidfuzz match between ``name`` and any of the person's names (0-100)."""
    return max(
        fuzz.token_sort_ratio(name, candidate, processor=utils.default_process)
        for candidate in _names_of(person)
    )


def person_search(user: Any, query: PersonSearchQuery) -> list[Person]:
    """People matching the code, or the birth date and a similar name. Audited, terms not kept."""
    people = people_visible_to(user)
    if query.reference_code:
        by = "reference_code"
        try:
            code = reference_codes.normalise(query.reference_code)
        except reference_codes.InvalidReferenceCodeError:
            results: list[Person] = []
        else:
            results = list(people.filter(reference_code=code))
    else:
        by = "name_and_date_of_birth"
        same_birthday = people.filter(date_of_birth=query.date_of_birth).prefetch_related("aliases")
        scored = [(name_similarity(query.name, p), p) for p in same_birthday]
        ranked = sorted((s for s in scored if s[0] >= NAME_SIMILARITY), key=lambda s: -s[0])
        results = [person for _, person in ranked[:SEARCH_LIMIT]]
    audit_event(
        actor=user,
        action=AuditAction.SEARCH,
        object_type="people.person",
        changes={"searched_by": by, "results": len(results)},
    )
    return results


@dataclass(frozen=True)
class DuplicateCandidate:
    """A person who may be the one being entered, shown with only part of their postcode."""

    person_id: uuid.UUID
    reference_code: str
    name: str
    date_of_birth: dt.date | None
    partial_postcode: str
    reasons: tuple[str, ...]


def likely_duplicates(
    user: Any,
    *,
    given_name: str,
    family_name: str,
    date_of_birth: dt.date | None,
    postcode: str,
) -> list[DuplicateCandidate]:
    """Visible people with the same date of birth and a similar name or the same postcode.

    With no date of birth, people at the same postcode with a similar name.
    """
    name = f"{given_name} {family_name}".strip()
    postcode = normalise_postcode(postcode) if postcode else ""
    people = people_visible_to(user).prefetch_related("aliases")
    if date_of_birth is not None:
        pool = people.filter(date_of_birth=date_of_birth)
    elif postcode:
        pool = people.filter(postcode=postcode)
    else:
        return []
    candidates = []
    for person in pool:
        similar = name_similarity(name, person) >= NAME_SIMILARITY
        same_postcode = bool(postcode) and person.postcode == postcode
        reasons = [
            *(["same date of birth"] if date_of_birth is not None else []),
            *(["similar name"] if similar else []),
            *(["same postcode"] if same_postcode else []),
        ]
        if similar or (same_postcode and date_of_birth is not None):
            candidates.append(
                DuplicateCandidate(
                    person_id=person.pk,
                    reference_code=person.reference_code,
                    name=person.full_name,
                    date_of_birth=person.date_of_birth,
                    partial_postcode=partial_postcode(person.postcode),
                    reasons=tuple(reasons),
                )
            )
    return candidates
