"""Small-number suppression for commissioners (issue 10 s2): no figure under 5 is shown, and no
suppressed cell can be worked out as the total minus the shown cells."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from haven.reporting.suppression import CONFIDENTIAL, SMALL, protect, suppress_return

BIG = 10**9


def feasible_values(cells, marks, total, index, cap=60):
    """Every value the hidden cell `index` could take, as a reader sees the table: shown cells
    exactly, "<5" as 1-4, "[c]" as 5 or more, and the shown total. Worked out by enumeration,
    not by the code under test (values above `cap` stand for 'many')."""
    lo_hi = []
    for value, mark in zip(cells, marks, strict=True):
        if mark is None:
            lo_hi.append((value, value))
        elif mark == SMALL:
            lo_hi.append((1, 4))
        else:
            lo_hi.append((5, BIG))
    others_lo = sum(lo for i, (lo, _) in enumerate(lo_hi) if i != index)
    others_hi = sum(hi for i, (_, hi) in enumerate(lo_hi) if i != index)
    lo, hi = lo_hi[index]
    return [v for v in range(lo, min(hi, cap) + 1) if others_lo <= total - v <= others_hi]


tables = st.lists(st.integers(min_value=0, max_value=40), min_size=1, max_size=7)


@given(tables)
@settings(max_examples=400, deadline=None)
def test_no_suppressed_cell_can_be_derived_from_the_total_and_the_shown_cells(cells):
    total = sum(cells)
    protected = protect(cells, total)
    if protected.total_mark is not None:
        return  # the total is hidden: nothing to subtract from
    for index, mark in enumerate(protected.marks):
        if mark is not None:
            values = feasible_values(cells, list(protected.marks), total, index)
            assert cells[index] in values
            assert len(values) >= 2, (cells, protected, index, values)


@given(tables)
@settings(max_examples=400, deadline=None)
def test_counts_of_one_to_four_are_never_shown_and_zero_always_is(cells):
    protected = protect(cells, sum(cells))
    for value, mark in zip(cells, protected.marks, strict=True):
        if 1 <= value <= 4:
            assert mark == SMALL
        if value == 0:
            assert mark is None
        if mark == CONFIDENTIAL:
            assert value >= 5
    if 1 <= sum(cells) <= 4:
        assert protected.total_mark == SMALL


def test_one_small_cell_takes_the_next_smallest_with_it():
    protected = protect([3, 10, 20], 33)
    assert protected.marks == (SMALL, CONFIDENTIAL, None)
    assert protected.total_mark is None


def test_two_small_cells_with_one_possible_split_hide_more():
    # 1 + 1 = 2 left over: both would be 1, so another cell is hidden too
    protected = protect([1, 1, 9, 30], 41)
    assert protected.marks == (SMALL, SMALL, CONFIDENTIAL, None)


def test_when_nothing_else_can_be_hidden_the_total_is():
    assert protect([1, 5], 6).total_mark == CONFIDENTIAL


def _return(measures):
    return {"contract": "x", "period": {"code": "2026-Q1"}, "measures": measures}


def test_a_return_shows_small_counts_as_under_five_and_protects_breakdowns():
    data = _return(
        [
            {
                "id": "referrals",
                "status": "computed",
                "unit": "count",
                "value": 33,
                "numerator": 33,
                "denominator": None,
                "met": None,
                "breakdowns": {
                    "risk_level": [
                        {"key": "high", "label": "High", "value": 3, "numerator": 3},
                        {"key": "medium", "label": "Medium", "value": 10, "numerator": 10},
                        {"key": "standard", "label": "Standard", "value": 20, "numerator": 20},
                    ]
                },
            },
            {
                "id": "small",
                "status": "computed",
                "unit": "count",
                "value": 2,
                "numerator": 2,
                "denominator": None,
                "met": True,
                "breakdowns": {},
            },
            {"id": "missing", "status": "not_recorded", "value": None, "breakdowns": {}},
        ]
    )
    suppressed = suppress_return(data)
    referrals, small, missing = suppressed["measures"]
    assert referrals["value"] == 33
    cells = referrals["breakdowns"]["risk_level"]
    assert [c["value"] for c in cells] == [SMALL, CONFIDENTIAL, 20]
    assert (small["value"], small["numerator"], small["met"]) == (SMALL, SMALL, None)
    assert missing["value"] is None
    assert data["measures"][1]["value"] == 2  # the signed-off figures are untouched


def test_a_percentage_with_a_small_denominator_is_suppressed():
    suppressed = suppress_return(
        _return(
            [
                {
                    "id": "contacted",
                    "status": "computed",
                    "unit": "percentage",
                    "value": 0.75,
                    "numerator": 3,
                    "denominator": 4,
                    "met": False,
                    "breakdowns": {},
                }
            ]
        )
    )
    (measure,) = suppressed["measures"]
    assert (measure["value"], measure["numerator"], measure["denominator"]) == (SMALL,) * 3


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), min_size=1, max_size=6))
@settings(max_examples=300, deadline=None)
def test_percentage_breakdowns_hide_every_small_numerator_and_denominator(pairs):
    cells = [
        {"key": str(i), "label": str(i), "value": None, "numerator": n, "denominator": n + extra}
        for i, (n, extra) in enumerate(pairs)
    ]
    numerator = sum(c["numerator"] for c in cells)
    denominator = sum(c["denominator"] for c in cells)
    measure = {
        "id": "p",
        "status": "computed",
        "unit": "percentage",
        "value": None,
        "numerator": numerator,
        "denominator": denominator,
        "met": None,
        "breakdowns": {"b": cells},
    }
    (out,) = suppress_return(_return([measure]))["measures"]
    for cell in out["breakdowns"]["b"]:
        for field in ("numerator", "denominator"):
            assert not (isinstance(cell[field], int) and 1 <= cell[field] <= 4)
    if isinstance(out["numerator"], int):
        for field in ("numerator", "denominator"):
            shown = [c[field] for c in out["breakdowns"]["b"]]
            marks = [None if isinstance(v, int) else v for v in shown]
            truth = [c[field] for c in cells]
            for index, mark in enumerate(marks):
                if mark is not None and mark == SMALL and 1 <= truth[index] <= 4:
                    values = feasible_values(truth, marks, out[field], index)
                    assert len(values) >= 2 or truth[index] not in values
