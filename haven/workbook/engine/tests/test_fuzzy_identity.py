"""Splink identity resolution when nominal ids are missing, on planted typos (small data)."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

import pytest
from faker import Faker

from .exports import Planted, Row, RunWorkbook, incident

TYPOS: dict[str, Callable[[dict[str, str]], dict[str, str]]] = {
    "case and spacing": lambda p: {
        **p,
        "victim_forename": p["victim_forename"].upper() + " ",
        "victim_postcode": p["victim_postcode"].replace(" ", "").lower(),
    },
    "letter dropped": lambda p: {
        **p,
        "victim_surname": p["victim_surname"][:2] + p["victim_surname"][3:],
    },
    "letters swapped": lambda p: {
        **p,
        "victim_forename": p["victim_forename"][0]
        + p["victim_forename"][2]
        + p["victim_forename"][1]
        + p["victim_forename"][3:],
    },
    "day and month swapped": lambda p: {
        **p,
        "victim_dob": p["victim_dob"][:5] + p["victim_dob"][8:] + p["victim_dob"][4:8].rstrip("-"),
    },
    "one digit off": lambda p: {
        **p,
        "victim_dob": p["victim_dob"][:-1] + str((int(p["victim_dob"][-1]) + 1) % 10),
    },
}


def _people(count: int, seed: int) -> list[dict[str, str]]:
    fake = Faker("en_GB")
    fake.seed_instance(seed)
    return [
        {
            "victim_forename": fake.first_name(),
            "victim_surname": fake.last_name(),
            "victim_dob": fake.date_of_birth(minimum_age=18, maximum_age=80)
            .replace(day=fake.random_int(1, 12))
            .isoformat(),
            "victim_postcode": fake.postcode(),
        }
        for _ in range(count)
    ]


def _export(seed: int = 5, people: int = 40) -> Planted:
    """Incidents for made-up people, some with one planted typo; the truth is kept aside."""
    rng = random.Random(seed)
    rows: list[Row] = []
    truth: dict[str, str] = {}
    start = dt.datetime(2026, 1, 1, 8, 0, tzinfo=dt.UTC)
    for number, person in enumerate(_people(people, seed)):
        for visit in range(rng.randint(1, 5)):
            fields = dict(person)
            if visit and rng.random() < 0.5:
                fields = rng.choice(list(TYPOS.values()))(fields)
            incident_id = f"F{number:03d}-{visit}"
            when = start + dt.timedelta(days=rng.randint(0, 300), minutes=number)
            rows.append(incident(incident_id, when.isoformat(sep=" "), victim="", **fields))
            truth[incident_id] = f"T{number}"
    return rows, truth


def _truth_run(workbook: RunWorkbook, rows: list[Row], truth: dict[str, str]) -> dict[str, Row]:
    named = [{**r, "victim_nominal_id": truth[r["incident_id"]]} for r in rows]
    return workbook(named, identity="exact")


@pytest.fixture(scope="module")
def planted() -> Planted:
    return _export()


def test_fuzzy_identity_finds_the_same_eligible_incidents_as_the_true_ids(
    workbook: RunWorkbook, planted: Planted
) -> None:
    rows, truth = planted
    fuzzy = workbook(rows, identity="fuzzy")
    exact = _truth_run(workbook, rows, truth)
    assert {i: r["eligible"] for i, r in fuzzy.items()} == {
        i: r["eligible"] for i, r in exact.items()
    }
    assert {i: r["prior_incidents_365d"] for i, r in fuzzy.items()} == {
        i: r["prior_incidents_365d"] for i, r in exact.items()
    }


def test_each_planted_typo_still_links_to_its_person(workbook: RunWorkbook) -> None:
    person = _people(1, seed=9)[0]
    rows = [incident("BASE", "2026-01-01 10:00", victim="", **person)]
    rows += [
        incident(f"T{n}", f"2026-01-0{n + 2} 10:00", victim="", **typo(person))
        for n, typo in enumerate(TYPOS.values())
    ]
    out = workbook(rows, identity="fuzzy")
    assert len({r["victim_key"] for r in out.values()}) == 1, {
        i: r["victim_key"] for i, r in out.items()
    }
    assert all(float(r["match_confidence"]) >= 0.9 for r in out.values())


def test_different_people_with_the_same_name_are_kept_apart(workbook: RunWorkbook) -> None:
    rows = [
        incident(
            "A", "2026-01-01 10:00", victim="", victim_dob="1970-03-04", victim_postcode="LE1 1AA"
        ),
        incident(
            "B", "2026-01-02 10:00", victim="", victim_dob="1995-11-23", victim_postcode="NG7 2QQ"
        ),
    ]
    out = workbook(rows, identity="fuzzy")
    assert out["A"]["victim_key"] != out["B"]["victim_key"]
    assert out["B"]["prior_incidents_365d"] == 0


def test_auto_mode_links_rows_without_a_nominal_id_to_the_person_who_has_one(
    workbook: RunWorkbook,
) -> None:
    person = _people(1, seed=3)[0]
    rows = [
        incident("A", "2026-01-01 10:00", victim="N77", **person),
        incident("B", "2026-01-02 10:00", victim="N77", **person),
        incident("C", "2026-01-03 10:00", victim="", **TYPOS["letter dropped"](person)),
    ]
    out = workbook(rows, identity="auto")
    assert out["C"]["victim_key"] == out["A"]["victim_key"]
    assert out["C"]["eligible"] == "true"
    assert out["C"]["match_confidence"] is not None
    assert out["A"]["match_confidence"] is None


def test_exact_identity_ignores_names(workbook: RunWorkbook) -> None:
    rows = [
        incident("A", "2026-01-01 10:00", victim="N1"),
        incident("B", "2026-01-02 10:00", victim="N2"),
    ]
    out = workbook(rows, identity="exact")
    assert out["B"]["prior_incidents_365d"] == 0
