"""A return as files: JSON, CSV, XLSX (one sheet per section, formula-free) and PDF. Each download
is audited as an export, named by contract and period only, and never cached."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from haven.core.models import AuditAction, AuditEvent
from haven.reporting.exports import return_xlsx
from haven.reporting.tests.conftest import PERIOD

pytestmark = pytest.mark.django_db


def download(client, scenario, fmt: str, period: str = PERIOD):
    return client.get(reverse("reporting:export", args=[scenario.contract.slug, period, fmt]))


@pytest.fixture
def manager(client, scenario):
    client.force_login(scenario.personas.service_manager)
    return client


@pytest.mark.parametrize("fmt", ["json", "csv", "xlsx", "pdf"])
def test_each_download_is_audited_named_and_not_cached(manager, scenario, fmt):
    response = download(manager, scenario, fmt)
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="returns-test-{PERIOD}.{fmt}"'
    assert "no-store" in response["Cache-Control"]
    (event,) = AuditEvent.objects.filter(request_id=response["X-Request-Id"])
    assert event.action == AuditAction.EXPORT
    assert event.object_id == str(scenario.contract.pk)
    assert event.changes == {"page": "return", "period": PERIOD, "format": fmt}


def test_json_has_the_figures(manager, scenario):
    data = json.loads(download(manager, scenario, "json").content)
    measures = {m["id"]: m for m in data["measures"]}
    assert measures["R1"]["value"] == 3
    assert (measures["P1"]["value"], measures["P1"]["met"]) == (0.5, False)
    assert measures["S1"]["status"] == "not_recorded"
    assert data["period"]["start"] == "2026-04-01"


def test_csv_parses(manager, scenario):
    text = download(manager, scenario, "csv").content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    r1 = next(r for r in rows if r["id"] == "R1" and not r["breakdown"])
    assert r1["value"] == "3"


def test_xlsx_has_a_cover_and_a_sheet_per_section_in_order(manager, scenario):
    book = load_workbook(io.BytesIO(download(manager, scenario, "xlsx").content))
    assert book.sheetnames == ["Cover", "Demand", "Performance", "Outcomes", "Equality"]
    assert book["Cover"]["B1"].value == "Returns test service"
    performance = book["Performance"]
    p1 = next(row for row in performance.iter_rows(min_row=3) if row[0].value == "P1")
    assert p1[4].value == 0.5
    assert p1[4].number_format == "0.0%"
    assert p1[8].value == "Not met"
    demand = [[c.value for c in row] for row in book["Demand"].iter_rows(min_row=3)]
    assert ["R1", None, "Risk level", "High", 1] in [row[:5] for row in demand]
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert not (isinstance(cell.value, str) and cell.value.startswith("="))


def test_xlsx_neutralises_formula_like_text():
    data = {
        "contract": "=HYPERLINK(1)",
        "contract_name": "+evil",
        "document": "@doc",
        "period": {"label": "-1", "start": "2026-04-01", "end": "2026-06-30"},
        "generated_at": "2026-07-01T00:00:00+00:00",
        "measures": [
            {
                "id": "X1",
                "label": "=cmd|' /C calc'!A0",
                "section": "Weird: [section]/*?",
                "citation": "=1+1",
                "unit": "count",
                "status": "computed",
                "missing": None,
                "value": 2,
                "numerator": 2,
                "denominator": None,
                "target": None,
                "met": None,
                "breakdowns": {
                    "sex": [{"label": "=2", "value": 1, "numerator": 1, "denominator": None}]
                },
            }
        ],
    }
    book = load_workbook(io.BytesIO(return_xlsx(data)))
    values = [c.value for s in book.worksheets for row in s.iter_rows() for c in row]
    assert not any(isinstance(v, str) and v[:1] in "=+-@" for v in values)
    assert "'=cmd|' /C calc'!A0" in values
    assert book.sheetnames[1] == "Weird section"


def test_pdf_is_a_pdf(manager, scenario):
    assert download(manager, scenario, "pdf").content.startswith(b"%PDF")


def test_an_unknown_format_or_period_is_not_found(manager, scenario):
    assert download(manager, scenario, "exe").status_code == 404
    assert download(manager, scenario, "csv", period="2026-Q9").status_code == 404
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORT).exists()


@pytest.mark.parametrize("who", ["caseworker", "team_leader", "commissioner"])
def test_no_downloads_for_other_roles(client, scenario, who):
    client.force_login(getattr(scenario.personas, who))
    assert download(client, scenario, "csv").status_code == 403


@pytest.mark.parametrize("fmt", ["xlsx", "pdf"])
def test_the_command_writes_xlsx_and_pdf(scenario, tmp_path, fmt):
    out = tmp_path / f"return.{fmt}"
    call_command("returns", "returns-test", "--period", PERIOD, "--format", fmt, "--out", str(out))
    content = out.read_bytes()
    assert content.startswith(b"%PDF" if fmt == "pdf" else b"PK")
