"""The SQL offset tree gives ICU's answer for every instant, at and around every transition."""

# ruff: noqa: S608 - SQL built here from the module under test and fixed zone names

from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from haven.workbook.engine.offsets import offset_sql, offset_text_sql, transitions

UTC = dt.UTC


def test_london_changes_at_one_in_the_morning_utc_on_the_last_sundays() -> None:
    spans = transitions(
        "Europe/London", dt.datetime(2026, 1, 1, tzinfo=UTC), dt.datetime(2027, 1, 1, tzinfo=UTC)
    )
    moments = [dt.datetime.fromtimestamp(s / 1e6, UTC) for s in spans.starts[1:]]
    assert moments == [
        dt.datetime(2026, 3, 29, 1, 0, tzinfo=UTC),
        dt.datetime(2026, 10, 25, 1, 0, tzinfo=UTC),
    ]
    assert spans.offsets == (0, 3_600_000_000, 0)


@pytest.mark.parametrize("zone", ["Europe/London", "Australia/Adelaide", "America/St_Johns"])
def test_the_tree_agrees_with_icu_around_every_transition(zone: str) -> None:
    first, last = dt.datetime(2019, 1, 1, tzinfo=UTC), dt.datetime(2027, 1, 3, tzinfo=UTC)
    spans = transitions(zone, first, last)
    probes = [spans.first_us - 1, spans.first_us, spans.last_us - 1, spans.last_us]
    for start in spans.starts:
        probes += [start + d for d in (-3_600_000_000, -1, 0, 1, 3_600_000_000)]
    with duckdb.connect() as con:
        con.execute(f"SET TimeZone = '{zone}'")
        icu = f"epoch_us(timezone('{zone}', make_timestamptz(u))) - u"
        rows = con.execute(
            f"""
            SELECT u, {offset_sql(spans, "u", icu)} AS tree, {icu} AS icu,
                   {offset_text_sql(spans, offset_sql(spans, "u", icu), "'?'")} AS text
            FROM unnest(?::BIGINT[]) t(u)
            """,
            [probes],
        ).fetchall()
    assert [(u, tree) for u, tree, _, _ in rows] == [(u, icu) for u, _, icu, _ in rows]
    assert all(text != "?" for *_, text in rows)
    if zone == "America/St_Johns":  # half-hour zones are worded to the minute
        assert {text for *_, text in rows} == {"-03:30", "-02:30"}
