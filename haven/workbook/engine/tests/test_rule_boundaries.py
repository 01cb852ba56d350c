"""The sharpest edges of seed 000 s5: the 365-day boundary to the microsecond, ties on it,
duplicates next to the thresholds, and bad rows keeping their row numbers in every encoding."""

from __future__ import annotations

from pathlib import Path

from haven.workbook.engine import WorkbookSettings, run_workbook

from .exports import AS_OF, RunWorkbook, incident, rows_of, write_csv


def test_incident_one_microsecond_inside_365_days_counts(workbook: RunWorkbook) -> None:
    # seed 000 s5: prior 365 days = 365 x 24 h; 365 days less 1 microsecond is inside
    out = workbook(
        [
            incident("A", "2025-01-10T09:00:00.000001+00:00"),
            incident("B", "2026-01-10T09:00:00+00:00"),
        ]
    )
    assert out["B"]["prior_incidents_365d"] == 1


def test_incident_one_microsecond_beyond_365_days_does_not_count(workbook: RunWorkbook) -> None:
    # seed 000 s5: 365 days and 1 microsecond earlier is outside the window
    out = workbook(
        [
            incident("A", "2025-01-10T08:59:59.999999+00:00"),
            incident("B", "2026-01-10T09:00:00+00:00"),
        ]
    )
    assert out["B"]["prior_incidents_365d"] == 0


def test_ties_exactly_on_the_boundary_all_count(workbook: RunWorkbook) -> None:
    # seed 000 s5: two incidents at the same instant exactly 365 x 24 h earlier are both prior,
    # so the third incident is the first eligible
    out = workbook(
        [
            incident("X2", "2025-01-10T09:00:00Z"),
            incident("X1", "2025-01-10T09:00:00Z"),
            incident("C", "2026-01-10T09:00:00Z"),
        ]
    )
    assert out["C"]["prior_incidents_365d"] == 2
    assert out["C"]["prior_incident_ids"] == "X1;X2"
    assert out["C"]["eligible"] == "true"


def test_tie_with_the_incident_itself_counts_only_lower_ids(workbook: RunWorkbook) -> None:
    # seed 000 s5: "other" incidents earlier in (reported_at, incident_id) order, so of three at
    # one instant only the last has two prior and is eligible
    out = workbook([incident(i, "2026-05-01 10:00") for i in ("B", "C", "A")])
    assert [out[i]["eligible"] for i in "ABC"] == ["false", "false", "true"]


def test_exact_duplicate_does_not_make_the_next_incident_eligible(workbook: RunWorkbook) -> None:
    # seed 000 s5: a duplicated export row is one incident, so one prior is still too few
    row = incident("A", "2026-01-01 10:00")
    out = workbook([row, row, incident("B", "2026-01-02 10:00")])
    assert out["B"]["prior_incidents_365d"] == 1
    assert out["B"]["eligible"] == "false"


def test_duplicates_do_not_push_the_eighth_incident_over_the_limit(workbook: RunWorkbook) -> None:
    # seed 000 s5: fewer than 7 others; six incidents each exported twice are still six
    series = [incident(f"I{n}", f"2026-02-{n:02d} 10:00") for n in range(1, 7)]
    out = workbook([*series, *series, incident("I7", "2026-02-07 10:00")])
    assert out["I7"]["prior_incidents_365d"] == 6
    assert out["I7"]["eligible"] == "true"


def test_same_id_with_a_different_victim_is_invalid(workbook: RunWorkbook) -> None:
    # seed 000 s5 counts incident reports: one id naming two victims cannot be counted for either
    out = workbook(
        [
            incident("A", "2026-01-01 10:00", victim="N1"),
            incident("A", "2026-01-01 10:00", victim="N2"),
        ]
    )
    assert out["A"]["reason"] == (
        "invalid: incident_id: appears in rows 2, 3 with different victim_nominal_id"
    )


def test_bad_rows_in_a_utf8_bom_file_keep_their_row_numbers(tmp_path: Path) -> None:
    source = write_csv(
        tmp_path / "export.csv",
        [
            incident("A", "2026-01-01 10:00", victim_forename="Zoë"),
            incident("B", "2026-13-01 10:00"),
            incident("", "2026-01-03 10:00"),
        ],
        encoding="utf-8-sig",
    )
    result = run_workbook(source, settings=WorkbookSettings(), as_of=AS_OF)
    assert [(i.row, i.field, i.reason) for i in result.issues] == [
        (3, "reported_at", "cannot read '2026-13-01 10:00' as a date and time"),
        (4, "incident_id", "missing"),
    ]


def test_bad_rows_after_a_windows_1252_line_keep_their_row_numbers(tmp_path: Path) -> None:
    source = write_csv(
        tmp_path / "export.csv",
        [
            incident("A", "2026-01-01 10:00", victim_surname="O’Brien"),
            incident("B", "not a time"),
        ],
        encoding="cp1252",
    )
    result = run_workbook(source, settings=WorkbookSettings(), as_of=AS_OF)
    by_row = {(i.row, i.severity): (i.field, i.reason) for i in result.issues}
    assert by_row[(2, "warning")] == ("victim_surname", "not UTF-8; read as Windows-1252")
    assert by_row[(3, "invalid")] == ("reported_at", "cannot read 'not a time' as a date and time")
    assert [r["source_row"] for r in rows_of(result)] == [2, 3]
