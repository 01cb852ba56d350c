"""Bad rows are reported with row number, field and reason; nothing is dropped or crashes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from haven.workbook.engine import WorkbookResult, WorkbookSettings, run_workbook

from .exports import AS_OF, Row, incident, rows_of, write_csv


def _run(tmp_path: Path, rows: list[Row], **options: Any) -> WorkbookResult:
    source = write_csv(tmp_path / "export.csv", rows)
    options.setdefault("as_of", AS_OF)
    return run_workbook(source, settings=WorkbookSettings(), **options)


def _reasons(result: WorkbookResult) -> dict[int, str]:
    assert result.table is not None
    return {row["source_row"]: row["reason"] for row in rows_of(result)}


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (
            "2026-02-30 10:00",
            "invalid: reported_at: cannot read '2026-02-30 10:00' as a date and time",
        ),
        (
            "2025-02-29 10:00",
            "invalid: reported_at: cannot read '2025-02-29 10:00' as a date and time",
        ),
        ("yesterday", "invalid: reported_at: cannot read 'yesterday' as a date and time"),
        (
            "2026-01-01 25:00",
            "invalid: reported_at: cannot read '2026-01-01 25:00' as a date and time",
        ),
        ("", "invalid: reported_at: missing"),
        ("1850-01-01 10:00", "invalid: reported_at: '1850-01-01 10:00' is before 1900"),
        ("2031-01-01 10:00", "invalid: reported_at: '2031-01-01 10:00' is after the as-of time"),
    ],
)
def test_unreadable_or_impossible_incident_time_is_invalid(
    tmp_path: Path, value: str, reason: str
) -> None:
    result = _run(tmp_path, [incident("A", value)])
    assert _reasons(result) == {2: reason}
    assert result.issues[0].row == 2
    assert result.issues[0].field == "reported_at"


def test_impossible_date_of_birth_is_invalid(tmp_path: Path) -> None:
    result = _run(
        tmp_path,
        [
            incident("A", "2026-01-01 10:00", victim_dob="31/02/1990"),
            incident("B", "2026-01-01 10:00", victim_dob="2027-01-01"),
        ],
    )
    assert _reasons(result) == {
        2: "invalid: victim_dob: cannot be read as a date",
        3: "invalid: victim_dob: is after the incident",
    }
    # personal data stays out of reasons, which are stored with a run and shown on its page
    assert not [i for i in result.issues if "1990" in i.reason or "2027" in i.reason]


def test_missing_incident_id_is_kept_as_its_own_invalid_row(tmp_path: Path) -> None:
    result = _run(tmp_path, [incident("", "2026-01-01 10:00"), incident("", "2026-01-02 10:00")])
    rows = rows_of(result)
    assert [(r["source_row"], r["reason"]) for r in rows] == [
        (2, "invalid: incident_id: missing"),
        (3, "invalid: incident_id: missing"),
    ]


def test_missing_nominal_id_is_invalid_when_identity_is_exact(tmp_path: Path) -> None:
    result = _run(tmp_path, [incident("A", "2026-01-01 10:00", victim="")], identity="exact")
    assert _reasons(result)[2].startswith("invalid: victim_nominal_id: missing")


def test_blank_victim_fields_without_nominal_id_are_invalid_in_auto_mode(tmp_path: Path) -> None:
    result = _run(tmp_path, [incident("A", "2026-01-01 10:00", victim="", victim_surname=" ")])
    assert _reasons(result) == {2: "invalid: victim_surname: blank and no victim_nominal_id"}


def test_invalid_rows_do_not_count_as_prior(tmp_path: Path) -> None:
    # seed 000 s5: only readable incidents are incident reports that count
    result = _run(
        tmp_path,
        [
            incident("A", "2026-01-01 10:00"),
            incident("B", "2026-01-02 10:00", victim_dob="not a date"),
            incident("C", "2026-01-03 10:00"),
        ],
    )
    by_id = {r["incident_id"]: r for r in rows_of(result)}
    assert by_id["C"]["prior_incidents_365d"] == 1
    assert by_id["B"]["prior_incidents_365d"] is None
    assert by_id["B"]["eligible"] == "false"


def test_exact_duplicate_rows_count_once(tmp_path: Path) -> None:
    # seed 000 s5: the same incident report exported twice is one report
    # the same incident exported twice
    row = incident("A", "2026-01-01 10:00")
    result = _run(
        tmp_path, [row, incident("B", "2026-01-02 10:00"), row, incident("C", "2026-01-03 10:00")]
    )
    by_id = {r["incident_id"]: r for r in rows_of(result)}
    assert len(by_id) == 3
    assert by_id["C"]["prior_incidents_365d"] == 2
    assert by_id["A"]["source_row"] == 2
    assert result.summary.duplicates == 1
    assert [str(i) for i in result.issues] == [
        "row 2 (A): warning: incident_id: exported 2 times (rows 2, 4); counted once"
    ]


def test_same_id_with_different_content_is_invalid_and_not_counted(tmp_path: Path) -> None:
    # seed 000 s5: a report that contradicts itself cannot be counted
    result = _run(
        tmp_path,
        [
            incident("A", "2026-01-01 10:00"),
            incident("B", "2026-01-02 10:00"),
            incident("A", "2026-01-05 10:00"),
            incident("C", "2026-01-06 10:00"),
        ],
    )
    by_id = {r["incident_id"]: r for r in rows_of(result)}
    assert (
        by_id["A"]["reason"]
        == "invalid: incident_id: appears in rows 2, 4 with different reported_at"
    )
    assert by_id["C"]["prior_incidents_365d"] == 1
    assert result.summary.invalid == 1


def test_a_re_export_changing_only_the_offence_type_counts_once_with_a_warning(
    tmp_path: Path,
) -> None:
    # seed 000 s5 counts incident reports: a report exported again after its offence type was
    # reclassified is still one report of this victim's, not a conflict that drops it
    result = _run(
        tmp_path,
        [
            incident("A", "2026-01-01 10:00", offence_type="domestic incident"),
            incident("B", "2026-01-02 10:00"),
            incident("A", "2026-01-01 10:00", offence_type="assault"),
            incident("C", "2026-01-06 10:00"),
        ],
    )
    by_id = {r["incident_id"]: r for r in rows_of(result)}
    assert len(by_id) == 3
    assert by_id["C"]["prior_incidents_365d"] == 2
    assert by_id["C"]["eligible"] == "true"
    assert by_id["A"]["source_row"] == 4  # the re-export's version
    assert result.summary.invalid == 0
    assert result.summary.duplicates == 1
    assert [str(i) for i in result.issues] == [
        "row 4 (A): warning: incident_id: exported 2 times (rows 2, 4) with different "
        "offence_type; counted once, as in row 4"
    ]


def test_a_re_export_with_a_new_risk_grade_counts_as_its_last_version(tmp_path: Path) -> None:
    result = _run(
        tmp_path,
        [
            incident("A", "2026-01-01 10:00"),
            incident("B", "2026-01-02 10:00"),
            incident("C", "2026-01-03 10:00", risk_grade="standard"),
            incident("C", "2026-01-03 10:00", risk_grade="high", offence_type="assault"),
        ],
    )
    by_id = {r["incident_id"]: r for r in rows_of(result)}
    assert by_id["C"]["prior_incidents_365d"] == 2
    assert by_id["C"]["reason"].startswith("excluded: ")  # seed 000 s2: high risk stays with police
    assert "with different risk_grade, offence_type" in str(result.issues[0])


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"victim_surname": "Exampel"}, "victim_surname"),
        ({"victim_dob": "1990-05-18"}, "victim_dob"),
        ({"victim": "N9"}, "victim_nominal_id"),
        ({"reported_at": "2026-01-01 11:00"}, "reported_at"),
    ],
)
def test_copies_that_disagree_on_who_or_when_stay_invalid_naming_the_field(
    tmp_path: Path, change: dict[str, str], field: str
) -> None:
    first = incident("A", "2026-01-01 10:00")
    other = incident("A", change.pop("reported_at", "2026-01-01 10:00"), **change)
    result = _run(tmp_path, [first, incident("B", "2026-01-02 10:00"), other])
    by_id = {r["incident_id"]: r for r in rows_of(result)}
    assert (
        by_id["A"]["reason"] == f"invalid: incident_id: appears in rows 2, 4 with different {field}"
    )
    assert by_id["B"]["prior_incidents_365d"] == 0
    assert result.summary.invalid == 1


def test_row_with_too_many_fields_is_invalid(tmp_path: Path) -> None:
    source = tmp_path / "export.csv"
    write_csv(source, [incident("A", "2026-01-01 10:00")])
    with source.open("a", encoding="utf-8") as handle:
        handle.write("B,2026-01-02 10:00,N1,Alex,Example,1990-05-17,LE1 6AB,standard,x,extra\n")
    result = run_workbook(source, settings=WorkbookSettings(), as_of=AS_OF)
    assert _reasons(result)[3] == "invalid: row: has 10 fields but the header has 9"


def test_one_output_row_per_distinct_incident_and_summary_adds_up(tmp_path: Path) -> None:
    rows = [incident(f"I{n}", f"2026-01-{n:02d} 10:00") for n in range(1, 6)]
    rows += [rows[0], incident("", "2026-01-09 10:00"), incident("X", "bad")]
    result = _run(tmp_path, rows)
    summary = result.summary
    assert summary.rows_read == 8
    assert summary.incidents == len(rows_of(result)) == 7
    assert summary.duplicates == 1
    assert summary.invalid == 2
    assert summary.eligible + summary.not_eligible + sum(summary.excluded.values()) == 5


def test_missing_required_column_stops_the_run_with_the_column_named(tmp_path: Path) -> None:
    from haven.workbook.engine import WorkbookInputError

    source = write_csv(
        tmp_path / "export.csv", [incident("A", "2026-01-01")], columns=["incident_id"]
    )
    with pytest.raises(WorkbookInputError, match=r"missing required column\(s\): reported_at"):
        run_workbook(source, settings=WorkbookSettings(), as_of=AS_OF)


def test_local_time_in_the_repeated_autumn_hour_is_read_as_its_first_occurrence(
    tmp_path: Path,
) -> None:
    result = _run(tmp_path, [incident("A", "2026-10-25 01:30")])
    assert rows_of(result)[0]["contact_due"] == "2026-10-26T00:30:00+00:00"


def test_as_of_without_a_time_zone_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="time zone"):
        _run(tmp_path, [incident("A", "2026-01-01 10:00")], as_of=dt.datetime(2026, 1, 1))  # noqa: DTZ001
