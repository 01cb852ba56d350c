"""Eligibility: at least 2 and fewer than 7 other incidents (seed 000 s5), and exclusions."""

from __future__ import annotations

from haven.workbook.engine import WorkbookSettings

from .exports import Row, RunWorkbook, incident


def _series(count: int, victim: str = "N1", **fields: str) -> list[Row]:
    return [
        incident(f"I{n}", f"2026-01-{n:02d} 10:00", victim=victim, **fields)
        for n in range(1, count + 1)
    ]


def test_third_incident_is_the_first_eligible_with_two_prior(workbook: RunWorkbook) -> None:
    # seed 000 s5: "at least two other domestic violence incident reports"
    out = workbook(_series(3))
    assert [out[f"I{n}"]["eligible"] for n in (1, 2, 3)] == ["false", "false", "true"]
    assert out["I3"]["reason"].startswith("eligible: 2 prior incidents in 365 days")
    assert "seed 000 s5" in out["I3"]["reason"]


def test_second_incident_is_not_eligible_with_one_prior(workbook: RunWorkbook) -> None:
    # seed 000 s5
    out = workbook(_series(2))
    assert out["I2"]["reason"].startswith(
        "not eligible: 1 prior incident in 365 days; needs at least 2"
    )


def test_seventh_incident_is_eligible_with_six_prior(workbook: RunWorkbook) -> None:
    # seed 000 s5
    out = workbook(_series(7))
    assert out["I7"]["eligible"] == "true"
    assert out["I7"]["prior_incidents_365d"] == 6
    assert out["I7"]["prior_incident_ids"] == "I1;I2;I3;I4;I5;I6"


def test_eighth_incident_with_seven_prior_is_not_eligible(workbook: RunWorkbook) -> None:
    # seed 000 s5: "fewer than seven other" incident reports
    out = workbook(_series(8))
    assert out["I8"]["eligible"] == "false"
    assert out["I8"]["prior_incidents_365d"] == 7
    assert "needs fewer than 7" in out["I8"]["reason"]
    assert out["I8"]["prior_incident_ids"] == "+1 earlier;I2;I3;I4;I5;I6;I7"


def test_police_high_risk_is_excluded_with_the_reason_shown(workbook: RunWorkbook) -> None:
    # seed 000 s5
    # seed 000 s2: high-risk cases stay with specialist police officers (profile default)
    out = workbook([*_series(2), incident("I3", "2026-01-03 10:00", risk_grade="HIGH")])
    assert out["I3"]["eligible"] == "false"
    assert out["I3"]["reason"] == (
        "excluded: police risk grade high stays with police specialists; "
        "2 prior incidents in 365 days"
    )


def test_excluded_incidents_still_count_as_prior_for_later_ones(workbook: RunWorkbook) -> None:
    # seed 000 s5
    out = workbook([*_series(2, risk_grade="high"), incident("I3", "2026-01-03 10:00")])
    assert out["I3"]["eligible"] == "true"


def test_high_risk_outside_the_range_gives_the_count_reason(workbook: RunWorkbook) -> None:
    # seed 000 s5
    out = workbook(_series(1, risk_grade="high"))
    assert out["I1"]["reason"].startswith("not eligible: 0 prior incidents")


def test_profile_without_exclusions_makes_high_risk_eligible(workbook: RunWorkbook) -> None:
    # seed 000 s5
    settings = WorkbookSettings(exclude_police_risk_grades=())
    out = workbook(_series(3, risk_grade="high"), settings=settings)
    assert out["I3"]["eligible"] == "true"


def test_profile_numbers_change_the_rule(workbook: RunWorkbook) -> None:
    # seed 000 s5
    settings = WorkbookSettings(window_days=2, min_prior=1, max_prior_exclusive=2)
    out = workbook(_series(4), settings=settings)
    assert [out[f"I{n}"]["prior_incidents_365d"] for n in (1, 2, 3, 4)] == [0, 1, 2, 2]
    assert [out[f"I{n}"]["eligible"] for n in (1, 2, 3, 4)] == ["false", "true", "false", "false"]
    assert "in 2 days" in out["I2"]["reason"]


def test_contact_due_is_24_elapsed_hours_after_the_incident_across_the_clock_change(
    workbook: RunWorkbook,
) -> None:
    # seed 000 s5
    # contracts.md: incident Sat 24 Oct 2026 23:00 BST -> phone by Sun 25 Oct 2026 22:00 GMT
    out = workbook([incident("A", "2026-10-24 23:00")])
    assert out["A"]["contact_due"] == "2026-10-25T22:00:00+00:00"


def test_contact_due_is_written_in_uk_summer_time_with_its_offset(workbook: RunWorkbook) -> None:
    # seed 000 s5
    out = workbook([incident("A", "2026-07-01T09:30:00Z")])
    assert out["A"]["contact_due"] == "2026-07-02T10:30:00+01:00"
