"""Commissioners' XLSX and PDF downloads (issue 10 s2): rendered from the suppressed copy of the
submitted version's frozen figures, never the raw ones; audited like the JSON and CSV."""

from __future__ import annotations

import hashlib
import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from haven.core.models import AuditAction, AuditEvent
from haven.reporting.exports import return_pdf_html
from haven.reporting.services import return_sign_off, return_submit
from haven.reporting.snapshots import frozen_figures
from haven.reporting.suppression import SMALL, suppress_return
from haven.reporting.tests.signoff_world import build_signoff_world
from haven.reporting.views.commissioner import DOWNLOADS, commissioner_copy

pytestmark = pytest.mark.django_db

# Counts of 1-4 never show: the numerator and denominator columns (F, G) of a section sheet.
SMALL_COUNTS = {1, 2, 3, 4}


@pytest.fixture
def snapshot(personas):
    world = build_signoff_world(personas, referrals=3)  # demand_referrals is 3: shown "<5"
    signed = return_sign_off(
        contract=world.contract, period=world.period, signed_off_by=personas.service_manager
    )
    return return_submit(snapshot=signed, submitted_by=personas.service_manager)


def _download(client, personas, snapshot, fmt):
    client.force_login(personas.commissioner)
    return client.get(reverse("commissioner:return_download", args=[snapshot.pk, fmt]))


def test_every_format_is_offered():
    assert DOWNLOADS == ("json", "csv", "xlsx", "pdf")


def test_the_frozen_figure_is_3(snapshot):
    demand = next(m for m in frozen_figures(snapshot)["measures"] if m["id"] == "demand_referrals")
    assert demand["value"] == 3  # the raw figure the commissioner must not see


@pytest.mark.parametrize("fmt", ["xlsx", "pdf"])
def test_the_download_is_audited_named_and_not_cached(client, personas, snapshot, fmt):
    response = _download(client, personas, snapshot, fmt)
    assert response.status_code == 200
    name = f"{snapshot.contract.slug}-{snapshot.period_code}-v{snapshot.version}.{fmt}"
    assert response["Content-Disposition"] == f'attachment; filename="{name}"'
    assert "no-store" in response["Cache-Control"]
    event = AuditEvent.objects.get(request_id=response["X-Request-Id"])
    assert event.action == AuditAction.EXPORT
    assert event.changes == {
        "format": fmt,
        "sha256": hashlib.sha256(response.content).hexdigest(),
    }


def test_the_xlsx_shows_the_suppressed_figures_never_the_raw_ones(client, personas, snapshot):
    response = _download(client, personas, snapshot, "xlsx")
    book = load_workbook(io.BytesIO(response.content))
    assert book["Cover"]["A9"].value == "Suppression"
    rows = [
        [c.value for c in row]
        for sheet in book.worksheets[1:]
        for row in sheet.iter_rows(min_row=3)
    ]
    demand = next(r for r in rows if r[0] == "demand_referrals" and r[2] is None)
    assert demand[4:6] == [SMALL, SMALL]  # value and numerator
    assert 3 not in demand
    for row in rows:  # no count of 1-4 anywhere, in a figure or a breakdown cell
        assert not {v for v in row[5:7] if isinstance(v, int)} & SMALL_COUNTS, row
    assert "equality" not in {s.lower() for s in book.sheetnames}


def test_the_pdf_shows_the_suppressed_figures_never_the_raw_ones(client, personas, snapshot):
    response = _download(client, personas, snapshot, "pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    html = return_pdf_html(commissioner_copy(snapshot), {})  # what WeasyPrint laid out
    demand = re.search(r"<td>demand_referrals</td>(.*?)</tr>", html, re.S)
    assert demand is not None
    assert "&lt;5" in demand.group(1)
    assert not re.search(r">\s*3\s*<", demand.group(1))
    assert not re.search(r'<td class="num">\s*[1-4]\s*</td>', html)  # no count of 1-4 at all
    assert "Suppressed for the commissioner" in html


def test_a_commissioner_copy_never_carries_the_equality_analysis():
    data = {"measures": [], "equality": {"characteristics": [{"groups": [{"referrals": 3}]}]}}
    assert "equality" not in suppress_return(data)
