"""`text_sql` skips `trim` for text that is already trimmed; it must read exactly as trim does."""

# ruff: noqa: S608 - SQL built from the module's own fixed column name

import duckdb
import pytest

from haven.workbook.engine.parsing import text_sql

CASES = [
    " INC1 ",
    "INC1",
    "",
    "   ",
    "\u00a0INC1\u00a0",  # no-break spaces: trim removes them
    "\u2003INC1",  # em space
    "é ",
    "tab\t",  # trim keeps tabs and newlines
    "\nINC1",
    "a\r\n",
    None,
]


@pytest.mark.parametrize("value", CASES)
def test_text_reads_as_trim_then_blank_as_missing(value: str | None) -> None:
    with duckdb.connect() as con:
        fast, reference = con.execute(
            f"SELECT {text_sql('x')}, nullif(trim(x), '') FROM (SELECT ?::VARCHAR AS x)", [value]
        ).fetchone()
    assert fast == reference


def test_a_number_column_is_read_as_its_text() -> None:
    with duckdb.connect() as con:
        value = con.execute(f"SELECT {text_sql('x')} FROM (SELECT 12345 AS x)").fetchone()
    assert value == ("12345",)
