"""Referral import tests: Victim First for the personas' provider, and an import helper."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from haven.contracts.models import Contract
from haven.referralimports.mappings import mapping_for
from haven.referralimports.models import ImportRun
from haven.referralimports.services import referrals_import_file
from haven.testing.fixtures import profile_contract
from haven.testing.personas import Personas

# The tests' "now": the files' dates are in the days before it (UK time, winter).
NOW = dt.datetime(2026, 12, 7, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def victim_first(personas: Personas) -> Contract:
    return profile_contract("victim-first-2018", personas.organisation)


@pytest.fixture
def import_file(
    tmp_path: Path, victim_first: Contract, personas: Personas
) -> Callable[..., ImportRun]:
    """Write `content` (bytes) under `name` and import it as the team leader (or `by`)."""

    def run(
        content: bytes, name: str = "police.csv", source: str = "police-daily", **options: Any
    ) -> ImportRun:
        path = tmp_path / name
        path.write_bytes(content)
        options.setdefault("imported_by", personas.team_leader)
        options.setdefault("now", NOW)
        options.setdefault("team", personas.team)
        return referrals_import_file(
            path=path, contract=victim_first, mapping=mapping_for(source), **options
        )

    return run
