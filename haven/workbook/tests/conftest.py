"""Workbook adapter tests: a DV 360 contract for the personas' provider and small exports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from haven.contracts.models import Contract
from haven.people.models import Person
from haven.people.services import person_create
from haven.testing.fixtures import profile_contract
from haven.testing.personas import Personas
from haven.workbook.engine.tests.exports import Row, incident, write_csv
from haven.workbook.models import WorkbookRun
from haven.workbook.services import workbook_import

AS_OF = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)


@pytest.fixture
def dv360(personas: Personas) -> Contract:
    return profile_contract("opcc-dv360", personas.organisation)


@pytest.fixture
def existing(personas: Personas) -> Person:
    """Someone Haven already knows, whom the exports' victims resemble (a possible match)."""
    return person_create(
        created_by=personas.caseworker,
        details={
            "given_name": "Alex",
            "family_name": "Example",
            "date_of_birth": dt.date(1990, 5, 17),
        },
    )


def series(count: int, victim: str = "N1", day: int = 1, **fields: Any) -> list[Row]:
    """`count` incidents a day apart for one victim, ids I<victim>-1.."""
    return [
        incident(
            f"I{victim}-{n}",
            f"2026-03-{day + n - 1:02d} 10:00",
            victim=victim,
            **fields,
        )
        for n in range(1, count + 1)
    ]


@pytest.fixture
def import_rows(tmp_path: Path, dv360: Contract, personas: Personas) -> Callable[..., WorkbookRun]:
    """Write rows as a CSV and import them (as the caseworker unless told otherwise)."""
    counter = iter(range(1000))

    def run(rows: list[Row], columns: Any = None, **options: Any) -> WorkbookRun:
        path = tmp_path / f"export-{next(counter)}.csv"
        write_csv(path, rows, **({"columns": columns} if columns else {}))
        options.setdefault("imported_by", personas.caseworker)
        options.setdefault("as_of", AS_OF)
        options.setdefault("team", personas.team)
        return workbook_import(path=path, contract=dv360, **options)

    return run
