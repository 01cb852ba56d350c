"""Contract profile settings and the pseudonymous victim key."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from haven.workbook.engine import WorkbookInputError, WorkbookSettings, settings_for_contract
from haven.workbook.engine.phonetics import soundex
from haven.workbook.engine.pseudonyms import victim_key, victim_key_sql


def test_profile_workbook_section_sets_the_rule(tmp_path: Path) -> None:
    (tmp_path / "dv.yaml").write_text(
        "slug: dv\nworkbook:\n  window_days: 180\n  min_prior: 1\n  max_prior_exclusive: 4\n"
        "  exclude_police_risk_grades: [High, medium]\n  match_threshold: 0.95\n"
        "  citation: seed 000 s5\n",
        encoding="utf-8",
    )
    settings = settings_for_contract("dv", tmp_path)
    assert (settings.window_days, settings.min_prior, settings.max_prior_exclusive) == (180, 1, 4)
    assert settings.exclude_police_risk_grades == ("high", "medium")
    assert settings.match_threshold == 0.95


def test_missing_profile_falls_back_to_seed_000_defaults(tmp_path: Path) -> None:
    settings = settings_for_contract("not-written-yet", tmp_path)
    assert (settings.window_days, settings.min_prior, settings.max_prior_exclusive) == (365, 2, 7)
    assert settings.exclude_police_risk_grades == ("high",)


def test_shipped_dv360_profile_matches_seed_000() -> None:
    settings = settings_for_contract("opcc-dv360")
    assert (settings.window_days, settings.min_prior, settings.max_prior_exclusive) == (365, 2, 7)


def test_impossible_rule_numbers_are_refused() -> None:
    with pytest.raises(ValueError, match="min_prior"):
        WorkbookSettings(min_prior=7, max_prior_exclusive=7)


def test_victim_key_in_sql_equals_the_python_key_and_depends_on_the_secret() -> None:
    with duckdb.connect() as con:
        sql_key = con.execute(f"SELECT {victim_key_sql(b'secret', "'nominal:n1'")}").fetchall()[0][
            0
        ]
    assert sql_key == victim_key(b"secret", "nominal:n1")
    assert victim_key(b"other", "nominal:n1") != sql_key
    assert len(sql_key) == 20


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Robert", "R163"),
        ("Rupert", "R163"),
        ("Smith", "S530"),
        ("Smyth", "S530"),
        ("Ashcraft", "A261"),
        ("Tymczak", "T522"),
        ("O'Brien", "O165"),
        ("", ""),
    ],
)
def test_soundex_groups_surnames_that_sound_alike(name: str, code: str) -> None:
    assert soundex(name) == code


def test_the_contract_settings_carry_the_key_they_are_given(tmp_path: Path) -> None:
    from haven.workbook.engine.settings import DEMO_PSEUDONYM_KEY

    assert settings_for_contract("dv", tmp_path).pseudonym_key == DEMO_PSEUDONYM_KEY
    given = settings_for_contract("dv", tmp_path, pseudonym_key=b"a-real-secret")
    assert given.pseudonym_key == b"a-real-secret"


def test_an_invalid_workbook_section_is_refused_with_its_line(tmp_path: Path) -> None:
    # issue 9 s8: the third YAML reader skipped validation (a string window became int("x"))
    (tmp_path / "dv.yaml").write_text(
        "slug: dv\nworkbook:\n  window_days: a year\n  min_prior: 1\n  max_prior_exclusive: 4\n"
        "  match_threshold: 0.95\n  citation: seed 000 s5\n",
        encoding="utf-8",
    )
    with pytest.raises(WorkbookInputError) as refused:
        settings_for_contract("dv", tmp_path)
    assert str(refused.value).startswith(f"{tmp_path / 'dv.yaml'}:3: workbook.window_days: ")
