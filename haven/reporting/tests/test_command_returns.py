"""`haven returns CONTRACT --period P [--format F] [--out FILE]` (issue 10 s2)."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime

import pytest
from django.core.management import CommandError, call_command

from haven.testing.casework import CaseFactory

pytestmark = pytest.mark.django_db


def test_json_return_for_a_quarter_of_the_contract_year(contract_for, tmp_path):
    contract = contract_for("wokingham-da-2017")
    # seed 003 s14: contract year from 1 July, so 2026-Q1 is July-September 2026
    at = datetime(2026, 8, 3, 9, 0, tzinfo=UTC)
    CaseFactory(contract=contract, opened_at=at, referral__received_at=at)
    out = tmp_path / "return.json"
    call_command("returns", contract.slug, "--period", "2026-Q1", "--out", str(out))
    data = json.loads(out.read_text())
    assert data["contract"] == "wokingham-da-2017"
    assert data["period"]["start"] == "2026-07-01"
    assert data["period"]["end"] == "2026-09-30"
    assert {m["status"] for m in data["measures"]} <= {"computed", "not_recorded"}
    for measure in data["measures"]:
        assert set(measure) >= {
            "id",
            "label",
            "section",
            "citation",
            "unit",
            "status",
            "missing",
            "value",
            "numerator",
            "denominator",
            "target",
            "met",
            "breakdowns",
        }
        if measure["status"] == "not_recorded":
            assert measure["missing"]
            assert measure["value"] is None


def test_csv_for_a_date_range(contract_for, tmp_path):
    contract = contract_for("opcc-dv360")
    out = tmp_path / "return.csv"
    call_command(
        "returns",
        contract.slug,
        "--from",
        "2026-04-01",
        "--to",
        "2026-04-30",
        "--format",
        "csv",
        "--out",
        str(out),
    )
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert rows[0][:3] == ["section", "id", "label"]
    assert len(rows) > 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--period", "2026-Q7"], "2026-Q1"),
        ([], "give --period"),
        (["--period", "2026-Q1", "--from", "2026-04-01", "--to", "2026-04-02"], "not both"),
        (["--from", "2026-05-01", "--to", "2026-04-01"], "before the start"),
    ],
)
def test_bad_periods_are_refused_with_the_reason(contract_for, args, message):
    contract = contract_for("opcc-dv360")
    with pytest.raises(CommandError, match=message):
        call_command("returns", contract.slug, *args)


def test_unknown_contract_names_the_known_ones(contract_for):
    contract_for("opcc-dv360")
    with pytest.raises(CommandError, match="opcc-dv360"):
        call_command("returns", "no-such-contract", "--period", "2026-Q1")
