"""Who an imported victim might already be: people of the provider with the same date of birth
or postcode and a similar name (rapidfuzz, as the people duplicate finder). Never decisive:
a possible match goes to a person for review. Restricted people are matched too (the import runs
as the system actor), so a restricted record is never duplicated; the review page hides their
details from reviewers not named on their case (``people.selectors.restricted_among``)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Q

from haven.people.models import Person
from haven.people.postcodes import normalise_postcode
from haven.people.selectors import NAME_SIMILARITY, name_similarity

Candidates = dict[Person, tuple[str, ...]]
MAX_CANDIDATES = 10
MAX_POOL = 200  # people near a victim considered
CHUNK = 500


@dataclass(frozen=True)
class Victim:
    """An eligible incident's victim, as the police export gave them."""

    key: str
    incident_id: str
    incident_at: dt.datetime
    nominal_id: str = ""
    given_name: str = ""
    family_name: str = ""
    date_of_birth: dt.date | None = None
    postcode: str = ""
    risk_grade: str = ""
    match_confidence: str = ""

    def __post_init__(self) -> None:
        if self.postcode:
            object.__setattr__(self, "postcode", normalise_postcode(self.postcode)[:10])


def possible_matches(organisation: Any, victim: Victim) -> Candidates:
    """People in the organisation who may be this victim, with why (no names in the reasons)."""
    near = Q(pk__in=[])
    if victim.date_of_birth is not None:
        near |= Q(date_of_birth=victim.date_of_birth)
    if victim.postcode:
        near |= Q(postcode=victim.postcode)
    pool = Person.objects.filter(organisation=organisation).filter(near)
    found: Candidates = {}
    for person in pool.prefetch_related("aliases")[:MAX_POOL]:
        reasons = match_reasons(victim, person)
        if reasons:
            found[person] = reasons
    return _ranked(found)


def match_reasons(
    victim: Victim, person: Person, aliases: Sequence[str] | None = None
) -> tuple[str, ...]:
    """Why this person may be the victim: a similar name, or both date of birth and postcode;
    () when they are not a possible match."""
    reasons = []
    if victim.date_of_birth is not None and person.date_of_birth == victim.date_of_birth:
        reasons.append("same date of birth")
    if victim.postcode and person.postcode == victim.postcode:
        reasons.append("same postcode")
    name = f"{victim.given_name} {victim.family_name}".strip()
    if name and name_similarity(name, person, aliases) >= NAME_SIMILARITY:
        reasons.append("similar name")
    if "similar name" in reasons or len(reasons) == 2:
        return tuple(reasons)
    return ()


def _ranked(found: Candidates) -> Candidates:
    ranked = sorted(found.items(), key=lambda item: -len(item[1]))
    return dict(ranked[:MAX_CANDIDATES])


class MatchPool:
    """`possible_matches` for a whole import: the organisation's people near any of its victims
    read in a few queries, plus the people the import creates as it goes (as `possible_matches`
    would find them in the database by then)."""

    def __init__(self, organisation: Any, victims: Iterable[Victim]) -> None:
        self.by_dob: dict[dt.date, list[Person]] = defaultdict(list)
        self.by_postcode: dict[str, list[Person]] = defaultdict(list)
        self.aliases: dict[Any, tuple[str, ...]] = {}
        dobs = sorted({v.date_of_birth for v in victims if v.date_of_birth is not None})
        postcodes = sorted({v.postcode for v in victims if v.postcode})
        people = Person.objects.filter(organisation=organisation).prefetch_related("aliases")
        found: dict[Any, Person] = {}
        for start in range(0, len(dobs), CHUNK):
            found.update((p.pk, p) for p in people.filter(date_of_birth__in=dobs[start:][:CHUNK]))
        for start in range(0, len(postcodes), CHUNK):
            chunk = postcodes[start:][:CHUNK]
            found.update((p.pk, p) for p in people.filter(postcode__in=chunk))
        for person in found.values():
            self.add(person, tuple(alias.name for alias in person.aliases.all()))

    def add(self, person: Person, aliases: tuple[str, ...] = ()) -> None:
        """A person to consider from now on (a new person has no aliases)."""
        self.aliases[person.pk] = aliases
        if person.date_of_birth is not None:
            self.by_dob[person.date_of_birth].append(person)
        if person.postcode:
            self.by_postcode[person.postcode].append(person)

    def candidates(self, victim: Victim) -> Candidates:
        near: dict[Any, Person] = {}
        if victim.date_of_birth is not None:
            near.update((p.pk, p) for p in self.by_dob.get(victim.date_of_birth, ()))
        if victim.postcode:
            near.update((p.pk, p) for p in self.by_postcode.get(victim.postcode, ()))
        # Person's ordering (family name, given name), as the database returns the pool
        pool = sorted(near.values(), key=lambda p: (p.family_name, p.given_name))
        found: Candidates = {}
        for person in pool[:MAX_POOL]:
            reasons = match_reasons(victim, person, self.aliases[person.pk])
            if reasons:
                found[person] = reasons
        return _ranked(found)
