"""Exports without nominal ids, the shape of a real police export: most victims appear once and a
repeat victim's identity varies by small typos. Made-up people only; the truth is kept aside."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from faker import Faker

from .exports import Planted, Row, incident

Person = dict[str, str]


def drop_surname_letter(p: Person, rng: random.Random) -> Person:
    surname = p["victim_surname"]
    if len(surname) < 4:
        return p
    at = rng.randint(1, len(surname) - 2)
    return {**p, "victim_surname": surname[:at] + surname[at + 1 :]}


def upper_case_forename(p: Person, rng: random.Random) -> Person:
    return {**p, "victim_forename": p["victim_forename"].upper()}


def swap_day_and_month(p: Person, rng: random.Random) -> Person:
    year, month, day = p["victim_dob"].split("-")
    if int(day) > 12 or day == month:
        return p  # not a date the other way round, or the same date
    return {**p, "victim_dob": f"{year}-{day}-{month}"}


def postcode_without_space(p: Person, rng: random.Random) -> Person:
    return {**p, "victim_postcode": p["victim_postcode"].replace(" ", "")}


def forename_initial(p: Person, rng: random.Random) -> Person:
    return {**p, "victim_forename": p["victim_forename"][0]}


def moved_house(p: Person, rng: random.Random) -> Person:
    outward = p["victim_postcode"].split(" ")[0]
    return {**p, "victim_postcode": f"{outward} {rng.randint(1, 9)}{rng.choice('ABDEFGHJ')}Z"}


Typo = Callable[[Person, random.Random], Person]
TYPOS: tuple[Typo, ...] = (
    drop_surname_letter,
    upper_case_forename,
    swap_day_and_month,
    postcode_without_space,
    forename_initial,
)
# typos that survive normalisation (case, spaces): the record differs from every other
REAL_TYPOS: tuple[Typo, ...] = (drop_surname_letter, swap_day_and_month, forename_initial)


def people(count: int, seed: int) -> list[Person]:
    """Distinct made-up people (a unique name and date of birth each)."""
    fake = Faker("en_GB")
    fake.seed_instance(seed)
    found: dict[tuple[str, str, str], Person] = {}
    while len(found) < count:
        person = {
            "victim_forename": fake.first_name(),
            "victim_surname": fake.last_name(),
            "victim_dob": fake.date_of_birth(minimum_age=18, maximum_age=80).isoformat(),
            "victim_postcode": fake.postcode(),
        }
        key = (person["victim_forename"], person["victim_surname"], person["victim_dob"])
        found.setdefault(key, person)
    return list(found.values())


def typo_export(
    *,
    victims: int,
    repeat_share: float = 0.15,
    typo_share: float = 0.6,
    typos: tuple[Typo, ...] = TYPOS,
    every_row_differs: bool = False,
    seed: int = 1,
) -> Planted:
    """Incidents over one year, no nominal ids. A share of victims come back 2 to 6 times more,
    each return with one typo (with `typo_share`); `every_row_differs` gives every row of a
    repeat victim its own typo, so no two records are the same even after normalisation."""
    rng = random.Random(seed)
    rows: list[Row] = []
    truth: dict[str, str] = {}
    start = dt.datetime(2026, 1, 1, 8, 0, tzinfo=dt.UTC)
    for number, person in enumerate(people(victims, seed)):
        visits = 1 + (rng.randint(2, 6) if rng.random() < repeat_share else 0)
        seen: set[tuple[str, ...]] = set()
        for visit in range(visits):
            fields = _variant(person, visit, rng, typos, typo_share, every_row_differs, seen)
            incident_id = f"I{number:05d}-{visit}"
            when = start + dt.timedelta(minutes=rng.randint(0, 360 * 24 * 60))
            rows.append(incident(incident_id, when.isoformat(sep=" "), victim="", **fields))
            truth[incident_id] = f"T{number}"
    rng.shuffle(rows)
    return rows, truth


def _variant(
    person: Person,
    visit: int,
    rng: random.Random,
    typos: tuple[Typo, ...],
    typo_share: float,
    every_row_differs: bool,
    seen: set[tuple[str, ...]],
) -> Person:
    if not every_row_differs:
        if visit and rng.random() < typo_share:
            return rng.choice(typos)(person, rng)
        return person
    for _ in range(50):
        fields = person if visit == 0 else rng.choice(typos)(person, rng)
        if visit > 2:  # more returns than typos: two at once
            fields = rng.choice(typos)(fields, rng)
        key = _normalised(fields)
        if key not in seen:
            seen.add(key)
            return fields
    return fields


def _normalised(p: Person) -> tuple[str, ...]:
    return (
        p["victim_forename"].lower(),
        p["victim_surname"].lower(),
        p["victim_dob"],
        p["victim_postcode"].replace(" ", "").upper(),
    )


def with_true_ids(rows: list[Row], truth: dict[str, str]) -> list[Row]:
    """The same rows with the true person as nominal id: what the rule should find."""
    return [{**r, "victim_nominal_id": truth[r["incident_id"]]} for r in rows]


def precision_recall(found: dict[str, Row], expected: dict[str, Row]) -> tuple[float, float]:
    """Of the eligible flag: fuzzy identity against the true ids."""
    flagged = {i for i, r in found.items() if r["eligible"] == "true"}
    truly = {i for i, r in expected.items() if r["eligible"] == "true"}
    hits = len(flagged & truly)
    precision = hits / len(flagged) if flagged else 1.0
    recall = hits / len(truly) if truly else 1.0
    return precision, recall


def movers(count: int, seed: int) -> Planted:
    """Victims seen twice, the second time at a new address: pairs training can be sure of."""
    rows: list[Row] = []
    truth: dict[str, str] = {}
    for number, person in enumerate(people(count, seed + 1000)):
        for visit, fields in enumerate([person, moved_house(person, random.Random(number))]):
            incident_id = f"M{number:04d}-{visit}"
            rows.append(incident(incident_id, f"2026-0{visit + 2}-01 10:00", victim="", **fields))
            truth[incident_id] = f"M{number}"
    return rows, truth
