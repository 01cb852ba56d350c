"""The finance report (seed 001 s14 actual against projection; seed 002 s16 open book; seed 004
s10 income and expenditure), its downloads, and the keepers' forms."""

from datetime import date, timedelta
from decimal import Decimal
from io import BytesIO

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from haven.core.models import AuditAction, AuditEvent
from haven.finance.models import BudgetLine, Income, ProfileMonth, Spend
from haven.finance.services import income_record, spend_record
from haven.finance.tests.views_helpers import export_url, report_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def recorded(vf_contract, year, staff_line, personas):
    today = timezone.localdate()
    spend_record(
        contract=vf_contract,
        spent_on=today,
        category="staff",
        description="Salaries (synthetic)",
        amount=Decimal("9876.54"),
        recorded_by=personas.service_manager,
    )
    income_record(
        contract=vf_contract,
        received_on=today,
        kind="contract_payment",
        source="Synthetic PCC",
        amount=Decimal("140000"),
        recorded_by=personas.service_manager,
    )


def test_seed_002_s16_the_report_shows_budget_actual_and_income(
    client, vf_contract, year, recorded, personas
):
    client.force_login(personas.analyst)
    page = client.get(report_url(vf_contract, year)).content.decode()
    assert "£120,000.00" in page  # the staff budget
    assert "£9,876.54" in page  # actual
    assert "£140,000.00" in page  # income
    assert "Forecast outturn" in page
    assert "Cost per case supported" in page


def test_the_report_to_a_quarters_end(client, vf_contract, year, staff_line, personas):
    """seed 001 s14: projection per quarter: the first quarter's profile is £30,000."""
    client.force_login(personas.analyst)
    page = client.get(report_url(vf_contract, year, "?quarter=1")).content.decode()
    assert "To the end of Q1</strong>" in page
    assert "£30,000.00" in page


def test_hardship_grants_paid_appear_as_spend_on_their_line(client, vf_contract, year, personas):
    """seed 002 s3.8: the hardship fund's grants paid count as spend, read from hardship."""
    from haven.hardship.services import (
        hardship_fund_set,
        hardship_grant_decide,
        hardship_grant_pay,
        hardship_grant_request,
    )
    from haven.testing.casework import CaseFactory

    case = CaseFactory(contract=vf_contract, team=personas.team, allocated_to=personas.caseworker)
    hardship_fund_set(
        contract=vf_contract, year=year, budget=Decimal("5000"), set_by=personas.service_manager
    )
    grant = hardship_grant_request(
        case=case, requested_by=personas.caseworker, amount=Decimal("120.50"), purpose="food"
    )
    hardship_grant_decide(grant=grant, decided_by=personas.team_leader, approve=True)
    hardship_grant_pay(grant=grant, recorded_by=personas.team_leader, paid_on=timezone.localdate())
    client.force_login(personas.service_manager)
    page = client.get(report_url(vf_contract, year)).content.decode()
    assert "Hardship fund" in page
    assert "£120.50" in page


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_downloads_carry_the_figures_and_are_audited(
    client, vf_contract, year, recorded, personas, fmt
):
    client.force_login(personas.analyst)
    response = client.get(export_url(vf_contract, year, fmt))
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("no-store")
    if fmt == "csv":
        body = response.content.decode("utf-8-sig")
        assert "Salaries (synthetic)" in body
        assert "9876.54" in body
    else:
        book = load_workbook(BytesIO(response.content))
        assert book.sheetnames == ["Budget", "Quarters", "Income and expenditure", "Transactions"]
        amounts = [row[3] for row in book["Transactions"].iter_rows(min_row=2, values_only=True)]
        assert 9876.54 in amounts
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT, actor=personas.analyst).exists()


def test_an_unknown_format_or_year_is_a_404(client, vf_contract, year, personas):
    client.force_login(personas.analyst)
    assert client.get(export_url(vf_contract, year, "pdf")).status_code == 404
    assert client.get(report_url(vf_contract, 99999)).status_code == 404


def test_setting_a_budget_line_spreads_its_profile_evenly(client, vf_contract, year, personas):
    """seed 004 s10: the profile of spend, even by default."""
    client.force_login(personas.service_manager)
    response = client.post(
        reverse("finance:budget", args=[vf_contract.pk, year]),
        {"category": "premises", "amount": "25200"},
    )
    assert response.status_code == 302
    line = BudgetLine.objects.get(category="premises")
    assert line.amount_pence == 2520000
    assert set(ProfileMonth.objects.filter(line=line).values_list("amount_pence", flat=True)) == {
        210000
    }


def test_a_profile_must_add_up_to_the_budget(client, vf_contract, year, staff_line, personas):
    client.force_login(personas.service_manager)
    url = reverse("finance:profile", args=[vf_contract.pk, year, staff_line.pk])
    even = {f"m{n}": "10000" for n in range(12)}
    assert client.post(url, even | {"m0": "5000", "m11": "15000"}).status_code == 302
    first = ProfileMonth.objects.filter(line=staff_line).order_by("month").first()
    assert first.amount_pence == 500000
    bad = client.post(url, even | {"m0": "1"})
    assert "The months add up to £110,001.00; the budget is £120,000.00" in bad.content.decode()


def test_spend_with_a_bad_amount_or_future_date_is_refused(client, vf_contract, year, personas):
    client.force_login(personas.service_manager)
    later = timezone.localdate() + timedelta(days=3)
    response = client.post(
        reverse("finance:spend_add", args=[vf_contract.pk, year]),
        {
            "category": "other",
            "description": "x",
            "amount": "0",
            "spent_on-day": later.day,
            "spent_on-month": later.month,
            "spent_on-year": later.year,
        },
    )
    assert response.status_code == 200
    assert not Spend.objects.exists()
    assert not Income.objects.exists()


def test_the_year_before_and_after_are_linked(client, vf_contract, year, personas):
    client.force_login(personas.analyst)
    page = client.get(report_url(vf_contract, year)).content.decode()
    assert reverse("finance:report", args=[vf_contract.pk, year - 1]) in page
    assert date(year, 4, 1).strftime("%-d %B %Y") in page
