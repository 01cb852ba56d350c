"""Issue 15 item 8: export, import into an empty database, export again: the same bundle, apart
from the export time, and `haven returns` gives the same figures on both sides.

The receiving side is a second SQLite database driven through a subprocess with its own
DATABASE_URL (on the PostgreSQL CI run this is a PostgreSQL-to-SQLite round trip)."""

from __future__ import annotations

import importlib
import json
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command

from haven.contracts.models import Contract
from haven.handover.tests.support import bundle_files, migrated_copy, run_commands

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

SLUG = "victim-first-2018"
RETURN_ARGS = ["--from", "2022-01-01", "--to", "2030-12-31", "--format", "json"]


def _figures(path: Path) -> dict[str, object]:
    data = json.loads(path.read_text())
    data.pop("generated_at")
    return data


def test_round_trip_gives_the_same_bundle_and_the_same_return(
    tmp_path: Path, migrated_sqlite: Path
) -> None:
    """seed 003 s15 / seed 004 s11.1: all data returned at contract end, loadable elsewhere."""
    # The population baselines are installation data (not handed over): the receiving database
    # has them from its migrations, so this one must too, even after a flushing test before it.
    seed_baselines = importlib.import_module("haven.reporting.migrations.0001_equality_baseline")
    seed_baselines.seed(apps, None)
    call_command("demo", scale=0.01, seed=3, stdout=StringIO())
    assert Contract.objects.filter(slug=SLUG).exists()
    first, second = tmp_path / "first", tmp_path / "second"
    call_command("handover", "export", "--contract", SLUG, "--out", str(first), stdout=StringIO())
    call_command("returns", SLUG, *RETURN_ARGS, "--out", str(tmp_path / "here.json"))

    receiving = migrated_copy(migrated_sqlite, tmp_path / "receiving.sqlite3")
    out = run_commands(
        receiving,
        ["handover", "import", str(first)],
        ["handover", "export", "--contract", SLUG, "--out", str(second)],
        ["returns", SLUG, *RETURN_ARGS, "--out", str(tmp_path / "there.json")],
        ["handover", "import", str(first)],
    )

    assert "added" in out
    assert "already held exactly as in the bundle: nothing changed" in out
    manifest = json.loads((first / "manifest.json").read_text())
    assert manifest["types"]["casework.case"]["count"] > 0
    assert manifest["types"]["core.auditevent"]["count"] > 0
    assert bundle_files(first) == bundle_files(second)
    assert _figures(tmp_path / "here.json") == _figures(tmp_path / "there.json")
