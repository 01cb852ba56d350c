"""Reads of people, scoped to the user: views never query people directly (STYLE habit 2)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404
from rapidfuzz import fuzz, utils

from haven.access.break_glass import restricted_person_grant
from haven.access.errors import RestrictedElsewhereError
from haven.access.scope import referral_visible_q, visible_q
from haven.accounts.signed_in import Viewer
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

if TYPE_CHECKING:
    from haven.casework.models import BreakGlassGrant, Case
    from haven.referrals.models import Referral

NAME_SIMILARITY = 80  # rapidfuzz token_sort_ratio, 0-100
SEARCH_LIMIT = 50


def people_visible_to(user: Viewer) -> PersonQuerySet:
    """People this user may see; refuses anyone without a provider role (403)."""
    if not user.has_perm("people.view_person"):
        raise PermissionDenied
    return Person.objects.visible_to(user)


@dataclass(frozen=True)
class ReadablePerson:
    """A person this user may open, and the break-glass grant if their restricted case needed one."""

    person: Person
    grant: BreakGlassGrant | None = None


def is_restricted_for(user: Viewer, person_id: uuid.UUID | str) -> bool:
    """True when the person has a restricted case and the user is named on none of them."""
    return Person.objects.filter(pk=person_id).restricted_for(user).exists()


def person_for_reading(user: Viewer, person_id: uuid.UUID | str) -> ReadablePerson:
    """The person, as the case page treats a case: 404 when the user may not see them; for a
    person restricted for this user (see `restricted_q`), ReasonRequiredError carrying one of
    their restricted cases in the user's scope, unless a current reason was given on one of them;
    404 when none of those cases is in scope. Nothing about the person is loaded before that."""
    restricted = (
        people_visible_to(user)
        .with_restriction_for(user)
        .filter(pk=person_id)
        .values_list("restricted", flat=True)  # type: ignore[misc]  # annotated above
        .first()
    )
    grant = None
    if restricted is not False:  # restricted, or reachable only through a restricted case
        try:
            grant = restricted_person_grant(user, person_id)
        except RestrictedElsewhereError:
            raise Http404("No such person") from None
    person = (
        Person.objects.select_related("safe_contact", "equality", "organisation")
        .prefetch_related("aliases")
        .get(pk=person_id)
    )
    return ReadablePerson(person, grant)


def person_for_user(user: Viewer, person_id: uuid.UUID | str) -> Person:
    """The person if this user may open them, else 404 (their existence is not revealed);
    ReasonRequiredError for a restricted person (`person_for_reading`)."""
    return person_for_reading(user, person_id).person


def cases_of_person(user: Viewer, person: Person) -> list[Case]:
    """This person's cases that the user may open without a reason, newest first."""
    if not user.has_perm("casework.view_cases"):
        return []
    cases = person.cases.filter(visible_q(user))
    return list(cases.select_related("contract", "allocated_to").order_by("-opened_at"))


def referrals_of_person(user: Viewer, person: Person) -> list[Referral]:
    """This person's referrals the user may see, newest first (empty without the permission)."""
    if not user.has_perm("referrals.view_referrals"):
        return []
    referrals = person.referrals.filter(referral_visible_q(user))
    return list(
        referrals.select_related("contract", "person", "entered_by").order_by("-received_at")
    )


def harmers_visible_to(user: Viewer) -> PersonCausingHarmQuerySet:
    if not user.has_perm("people.view_person"):
        raise PermissionDenied
    return PersonCausingHarm.objects.visible_to(user)


def harmer_for_user(user: Viewer, harmer_id: uuid.UUID | str) -> PersonCausingHarm:
    harmer = harmers_visible_to(user).filter(pk=harmer_id).first()
    if harmer is None:
        raise Http404("No such person causing harm")
    return harmer


def flag_of(person: Person, flag_id: uuid.UUID | str) -> PersonFlag:
    """A flag on a person already opened for the user (`person_for_reading`), else 404."""
    flag = person.flags.select_related("person").filter(pk=flag_id).first()
    if flag is None:
        raise Http404("No such flag")
    return flag


@dataclass(frozen=True)
class Household:
    children: list[HouseholdLink]
    harm: list[HarmLink]
    belongs_to: list[HouseholdLink]


def household_of(person: Person, viewer: Viewer) -> Household:
    """Children in the person's household, who is causing them harm, and whose child they are.

    Linked people carry ``restricted`` (for ``viewer``): pages show them as a restricted record.
    """
    linked = Person.objects.with_restriction_for(viewer)
    return Household(
        children=list(
            person.household_links.prefetch_related(Prefetch("member", queryset=linked)).order_by(
                "member__date_of_birth"
            )
        ),
        harm=list(person.harm_links.select_related("harmer")),
        belongs_to=list(person.household_of.prefetch_related(Prefetch("person", queryset=linked))),
    )


def current_and_past_flags(person: Person) -> tuple[list[PersonFlag], list[PersonFlag]]:
    flags = list(person.flags.all())
    return [f for f in flags if f.is_current], [f for f in flags if not f.is_current]


def harm_links_for_harmer(harmer: PersonCausingHarm, viewer: Viewer) -> list[HarmLink]:
    """The harmer's relationships; only the linked person's reference code may be shown, and
    not even that for a person restricted for ``viewer`` (``restricted`` is annotated)."""
    linked = Person.objects.with_restriction_for(viewer).only("id", "reference_code")
    return list(harmer.harm_links.prefetch_related(Prefetch("person", queryset=linked)))


@dataclass(frozen=True)
class PersonSearchQuery:
    """Either a reference code, or a name and a date of birth."""

    reference_code: str = ""
    name: str = ""
    date_of_birth: dt.date | None = None


def _names_of(person: Person, aliases: Sequence[str] | None = None) -> list[str]:
    names = [person.full_name]
    if person.preferred_name:
        names.append(f"{person.preferred_name} {person.family_name}")
    names += [alias.name for alias in person.aliases.all()] if aliases is None else list(aliases)
    return names


def name_similarity(name: str, person: Person, aliases: Sequence[str] | None = None) -> float:
    """The best rapidfuzz match between ``name`` and any of the person's names (0-100).

    ``aliases`` when the caller already has them (a person not yet saved has none)."""
    return max(
        fuzz.token_sort_ratio(name, candidate, processor=utils.default_process)
        for candidate in _names_of(person, aliases)
    )


@dataclass(frozen=True)
class PersonSearchResults:
    """What a search shows: the people found, and how many restricted records also matched.

    A restricted record is counted, never named, linked or coded: leaving it out would tell a
    caller that the service does not know someone it may be protecting, and invite a duplicate
    record; naming it would defeat the restriction. The page says to ask a manager instead.
    """

    people: list[Person]
    restricted: int = 0


def person_search(user: Viewer, query: PersonSearchQuery) -> PersonSearchResults:
    """People matching the code, or the birth date and a similar name. Audited, terms not kept."""
    people = people_visible_to(user).with_restriction_for(user)
    if query.reference_code:
        by = "reference_code"
        try:
            code = reference_codes.normalise(query.reference_code)
        except reference_codes.InvalidReferenceCodeError:
            found: list[Person] = []
        else:
            found = list(people.filter(reference_code=code))
    else:
        by = "name_and_date_of_birth"
        same_birthday = people.filter(date_of_birth=query.date_of_birth).prefetch_related("aliases")
        scored = [(name_similarity(query.name, p), p) for p in same_birthday]
        ranked = sorted((s for s in scored if s[0] >= NAME_SIMILARITY), key=lambda s: -s[0])
        found = [person for _, person in ranked[:SEARCH_LIMIT]]
    hidden = [person for person in found if person.restricted]  # type: ignore[attr-defined]
    results = PersonSearchResults([p for p in found if p not in hidden], len(hidden))
    audit_event(
        actor=user,
        action=AuditAction.SEARCH,
        object_type="people.person",
        changes={
            "searched_by": by,
            "results": len(results.people),
            "restricted_results": results.restricted,
        },
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


@dataclass(frozen=True)
class DuplicateCheck:
    """Likely duplicates the user may see, and how many restricted records also look likely.

    A restricted match is never described (no name, code, birth date or postcode), but it is
    counted so that nobody adds a new person without acknowledging it might be the same one.
    """

    candidates: list[DuplicateCandidate]
    restricted: int = 0

    def __bool__(self) -> bool:
        return bool(self.candidates) or self.restricted > 0


def likely_duplicates(
    user: Viewer,
    *,
    given_name: str,
    family_name: str,
    date_of_birth: dt.date | None,
    postcode: str,
) -> DuplicateCheck:
    """Visible people with the same date of birth and a similar name or the same postcode.

    With no date of birth, people at the same postcode with a similar name.
    """
    name = f"{given_name} {family_name}".strip()
    postcode = normalise_postcode(postcode) if postcode else ""
    people = people_visible_to(user).with_restriction_for(user).prefetch_related("aliases")
    if date_of_birth is not None:
        pool = people.filter(date_of_birth=date_of_birth)
    elif postcode:
        pool = people.filter(postcode=postcode)
    else:
        return DuplicateCheck([])
    candidates = []
    restricted = 0
    for person in pool:
        similar = name_similarity(name, person) >= NAME_SIMILARITY
        same_postcode = bool(postcode) and person.postcode == postcode
        if not (similar or (same_postcode and date_of_birth is not None)):
            continue
        if person.restricted:  # type: ignore[attr-defined]
            restricted += 1
            continue
        reasons = [
            *(["same date of birth"] if date_of_birth is not None else []),
            *(["similar name"] if similar else []),
            *(["same postcode"] if same_postcode else []),
        ]
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
    return DuplicateCheck(candidates, restricted)


def restricted_among(user: Viewer, people: list[Person]) -> set[uuid.UUID]:
    """Which of these people are restricted for this user (one query)."""
    if not people:
        return set()
    ids = [person.pk for person in people]
    return set(Person.objects.filter(pk__in=ids).restricted_for(user).values_list("pk", flat=True))
