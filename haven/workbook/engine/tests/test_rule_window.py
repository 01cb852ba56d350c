"""The rolling window of seed 000 s5: other incidents in the prior 365 x 24 hours."""

from __future__ import annotations

from .exports import RunWorkbook, incident


def test_incident_exactly_365_days_earlier_counts_as_prior(workbook: RunWorkbook) -> None:
    # seed 000 s5: "prior 365 days" = 365 x 24 h, inclusive at the boundary
    out = workbook(
        [
            incident("A", "2025-01-10T09:00:00+00:00"),
            incident("B", "2025-06-01T09:00:00+00:00"),
            incident("C", "2026-01-10T09:00:00+00:00"),
        ]
    )
    assert out["C"]["prior_incidents_365d"] == 2
    assert out["C"]["prior_incident_ids"] == "A;B"


def test_incident_one_second_more_than_365_days_earlier_does_not_count(
    workbook: RunWorkbook,
) -> None:
    # seed 000 s5
    out = workbook(
        [
            incident("A", "2025-01-10T08:59:59+00:00"),
            incident("B", "2025-06-01T09:00:00+00:00"),
            incident("C", "2026-01-10T09:00:00+00:00"),
        ]
    )
    assert out["C"]["prior_incidents_365d"] == 1
    assert out["C"]["prior_incident_ids"] == "B"


def test_later_incidents_never_count_as_prior(workbook: RunWorkbook) -> None:
    # seed 000 s5
    out = workbook(
        [
            incident("A", "2026-03-01 10:00"),
            incident("B", "2026-02-01 10:00"),
            incident("C", "2026-01-01 10:00"),
        ]
    )
    assert [out[i]["prior_incidents_365d"] for i in "CBA"] == [0, 1, 2]


def test_ties_in_reported_at_are_broken_by_incident_id(workbook: RunWorkbook) -> None:
    # seed 000 s5 "prior": at the same time, the lower incident id comes first
    out = workbook(
        [
            incident("INC-2", "2026-01-05 10:00"),
            incident("INC-1", "2026-01-05 10:00"),
            incident("INC-3", "2026-01-05 10:00"),
        ]
    )
    assert out["INC-1"]["prior_incidents_365d"] == 0
    assert out["INC-2"]["prior_incidents_365d"] == 1
    assert out["INC-3"]["prior_incidents_365d"] == 2
    assert out["INC-3"]["prior_incident_ids"] == "INC-1;INC-2"


def test_other_victims_incidents_do_not_count(workbook: RunWorkbook) -> None:
    # seed 000 s5
    out = workbook(
        [
            incident("A", "2026-01-01 10:00", victim="N1"),
            incident("B", "2026-01-02 10:00", victim="N2"),
            incident("C", "2026-01-03 10:00", victim="N1"),
        ]
    )
    assert out["C"]["prior_incidents_365d"] == 1


def test_nominal_ids_match_regardless_of_case_and_spaces(workbook: RunWorkbook) -> None:
    # seed 000 s5
    out = workbook(
        [
            incident("A", "2026-01-01 10:00", victim="ab123"),
            incident("B", "2026-01-02 10:00", victim=" AB123 "),
        ]
    )
    assert out["B"]["prior_incidents_365d"] == 1
    assert out["A"]["victim_key"] == out["B"]["victim_key"]


def test_clock_change_window_is_absolute_time_not_wall_clock(workbook: RunWorkbook) -> None:
    # seed 000 s5
    # A at 12:00 BST (11:00 UTC) on 25 Oct 2025; clocks went back on 25 Oct 2026 at 01:00 UTC.
    # 12:00 GMT on 25 Oct 2026 is 365 days + 1 hour later: outside. 11:00 GMT is exactly 365 x 24 h.
    out = workbook(
        [
            incident("A", "2025-10-25 12:00"),
            incident("C", "2026-10-25 12:00"),
            incident("A2", "2025-10-25 12:00", victim="N2"),
            incident("B", "2026-10-25 11:00", victim="N2"),
        ]
    )
    assert out["C"]["prior_incidents_365d"] == 0
    assert out["B"]["prior_incidents_365d"] == 1


def test_spring_clock_change_shortens_the_wall_clock_window_by_an_hour(
    workbook: RunWorkbook,
) -> None:
    # seed 000 s5
    # 29 Mar 2025 13:00 GMT to 29 Mar 2026 13:00 BST is 365 days less 1 hour: inside.
    out = workbook(
        [
            incident("A", "2025-03-29 13:00"),
            incident("B", "2026-03-29 13:00"),
            incident("C", "2025-03-29 12:59", victim="N2"),
            incident("D", "2026-03-29 14:00", victim="N2"),
        ]
    )
    assert out["B"]["prior_incidents_365d"] == 1
    assert out["D"]["prior_incidents_365d"] == 0


def test_leap_day_counts_as_one_of_the_365_days(workbook: RunWorkbook) -> None:
    # seed 000 s5
    # 29 Feb 2024 to 28 Feb 2025 is 365 days; to 1 Mar 2025 is 366.
    out = workbook(
        [
            incident("A", "2024-02-29T10:00:00Z"),
            incident("B", "2025-02-28T10:00:00Z"),
            incident("C", "2024-02-29T10:00:00Z", victim="N2"),
            incident("D", "2025-03-01T10:00:00Z", victim="N2"),
        ]
    )
    assert out["B"]["prior_incidents_365d"] == 1
    assert out["D"]["prior_incidents_365d"] == 0


def test_window_across_a_leap_year_is_365_days_not_one_calendar_year(workbook: RunWorkbook) -> None:
    # seed 000 s5
    # 1 Mar 2023 to 1 Mar 2024 is 366 days (29 Feb 2024 between): outside.
    out = workbook(
        [
            incident("A", "2023-03-01T10:00:00Z"),
            incident("B", "2024-03-01T10:00:00Z"),
            incident("C", "2023-03-02T10:00:00Z", victim="N2"),
            incident("D", "2024-03-01T10:00:00Z", victim="N2"),
        ]
    )
    assert out["B"]["prior_incidents_365d"] == 0
    assert out["D"]["prior_incidents_365d"] == 1


def test_offsets_in_reported_at_are_honoured(workbook: RunWorkbook) -> None:
    # seed 000 s5
    # 10:00+01:00 and 09:00Z are the same instant; the tie falls to the incident id.
    out = workbook(
        [
            incident("B", "2026-06-01T10:00:00+01:00"),
            incident("A", "2026-06-01T09:00:00Z"),
        ]
    )
    assert out["B"]["prior_incidents_365d"] == 1
