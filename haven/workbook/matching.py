"""Who an imported victim might already be: people of the provider with the same date of birth
or postcode and a similar name (rapidfuzz, as the people duplicate finder). Never decisive:
a possible match goes to a person for review."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Q

from haven.people.models import Person
from haven.people.postcodes import normalise_postcode
from haven.people.selectors import NAME_SIMILARITY, name_similarity

Candidates = dict[Person, tuple[str, ...]]
MAX_CANDIDATES = 10


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
    name = f"{victim.given_name} {victim.family_name}".strip()
    found: Candidates = {}
    for person in pool.prefetch_related("aliases")[:200]:
        reasons = []
        if victim.date_of_birth is not None and person.date_of_birth == victim.date_of_birth:
            reasons.append("same date of birth")
        if victim.postcode and person.postcode == victim.postcode:
            reasons.append("same postcode")
        if name and name_similarity(name, person) >= NAME_SIMILARITY:
            reasons.append("similar name")
        if "similar name" in reasons or len(reasons) == 2:
            found[person] = tuple(reasons)
    ranked = sorted(found.items(), key=lambda item: -len(item[1]))
    return dict(ranked[:MAX_CANDIDATES])
