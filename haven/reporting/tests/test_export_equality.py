"""The equality analysis in the return's downloads (issue 10 s4: "shown ... in the exports"):
the JSON's top-level "equality" key (format_version 1 unchanged), the XLSX's "Equality" sheet and
the PDF's section; the CSV stays one row per figure (docs/returns.md)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from haven.casework.services import case_open_from_referral
from haven.people.models import EqualityData
from haven.reporting.equality import equality_json
from haven.reporting.exports import return_pdf_html, return_xlsx
from haven.reporting.periods import current_period
from haven.reporting.selectors_return import contract_return_with_analyses
from haven.reporting.serialise import return_json
from haven.testing.casework import CaseworkPersonFactory, ReferralFactory
from haven.testing.fixtures import profile_contract

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("census_baselines")]


@pytest.fixture
def world(personas):
    contract = profile_contract("wokingham-da-2017", personas.organisation)
    for religion in ("christian", "christian", "muslim"):
        person = CaseworkPersonFactory(organisation=personas.organisation)
        EqualityData.objects.create(person=person, religion=religion)
        case_open_from_referral(
            referral=ReferralFactory(contract=contract, person=person),
            opened_by=personas.caseworker,
            team=personas.team,
            allocated_to=personas.caseworker,
        )
    return contract, current_period(timezone.now(), "quarter", "07-01")


def _download(client, personas, world, fmt):
    contract, period = world
    client.force_login(personas.service_manager)
    return client.get(reverse("reporting:export", args=[contract.slug, period.code, fmt]))


def _christian(equality):
    religion = next(c for c in equality["characteristics"] if c["id"] == "religion_belief")
    return next(g for g in religion["groups"] if g["id"] == "christian")


def test_the_json_has_the_equality_analysis_beside_the_measures(client, personas, world):
    data = json.loads(_download(client, personas, world, "json").content)
    assert data["format_version"] == 1
    assert data["measures"]  # unchanged beside it
    assert data["equality"]["areas"] == ["Wokingham"]
    christian = _christian(data["equality"])
    assert (christian["referrals"], christian["referral_share"]) == (2, 0.6667)
    assert christian["baselines"][0]["share"] == 0.4477  # Census 2021 TS030
    assert christian["baselines"][0]["source_url"].startswith("https://")


def test_the_csv_stays_measures_only(client, personas, world):
    contract, _ = world
    text = _download(client, personas, world, "csv").content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    measure_ids = {m["id"] for m in contract.profile["measures"]}
    assert rows
    assert {row["id"] for row in rows} <= measure_ids
    assert "Population share" not in text


def test_the_xlsx_has_an_equality_sheet(client, personas, world):
    book = load_workbook(io.BytesIO(_download(client, personas, world, "xlsx").content))
    assert book.sheetnames[-1] == "Equality"
    sheet = book["Equality"]
    header = [c.value for c in sheet[2]]
    assert header[:4] == ["Characteristic", "Group", "Referrals", "Share of referrals"]
    assert header[-1] == "Population share, Wokingham"
    rows = [list(row) for row in sheet.iter_rows(min_row=3)]
    christian = next(r for r in rows if r[1].value == "Christian")
    assert christian[2].value == 2
    assert (christian[3].value, christian[3].number_format) == (0.6667, "0.0%")
    assert christian[-1].value == 0.4477


def test_the_pdf_has_an_equality_section(client, personas, world):
    response = _download(client, personas, world, "pdf")
    assert response.content.startswith(b"%PDF")
    contract, period = world
    seen = contract_return_with_analyses(contract, period)
    data = dict(return_json(seen.result, contract.profile), equality=equality_json(seen.equality))
    html = return_pdf_html(data, {})
    assert "<h2>Equality analysis</h2>" in html
    assert "<td>Christian</td>" in html
    assert "66.7%" in html
    assert "44.8%" in html


def test_without_the_key_no_equality_sheet_or_section(world):
    contract, period = world
    data = return_json(contract_return_with_analyses(contract, period).result, contract.profile)
    book = load_workbook(io.BytesIO(return_xlsx(data)))
    assert "Equality" not in book.sheetnames
    assert "Equality analysis" not in return_pdf_html(data, {})


def test_the_command_writes_the_same_equality_analysis(world, tmp_path):
    contract, period = world
    out = tmp_path / "return.json"
    call_command("returns", contract.slug, "--period", period.code, "--out", str(out))
    data = json.loads(out.read_text())
    assert _christian(data["equality"])["referrals"] == 2
