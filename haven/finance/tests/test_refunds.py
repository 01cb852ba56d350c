"""Refunds and credit notes (negative spend) by hand and by import, netted on the report; the
kinds where a negative makes no sense (budgets, profiles, income) still refuse one."""

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from haven.finance.models import BudgetLine, Income, Spend
from haven.finance.services import (
    budget_line_set,
    income_record,
    profile_set,
    spend_import,
    spend_record,
)
from haven.finance.tests.views_helpers import export_url, report_url

pytestmark = pytest.mark.django_db

HEADER = "transaction_ref,date,amount,category,description\n"


@pytest.fixture(autouse=True)
def mid_november():
    """The financial year 2026 to 2027 (Victim First: from 1 April), seven months in."""
    with time_machine.travel(
        datetime(2026, 11, 16, 12, tzinfo=ZoneInfo("Europe/London")), tick=False
    ):
        yield


def _spend_form(amount, **extra):
    return {
        "category": "other",
        "description": "Refund of a synthetic deposit",
        "amount": amount,
        "spent_on-day": "3",
        "spent_on-month": "5",
        "spent_on-year": "2026",
        **extra,
    }


@pytest.mark.parametrize("typed", ["-12.50", "-£12.50", "£-12.50", "(12.50)", "12.50 CR"])
def test_a_refund_is_recorded_by_hand_as_negative_spend(client, vf_contract, year, personas, typed):
    client.force_login(personas.service_manager)
    response = client.post(
        reverse("finance:spend_add", args=[vf_contract.pk, year]), _spend_form(typed)
    )
    assert response.status_code == 302
    assert Spend.objects.get().amount_pence == -1250


@pytest.mark.parametrize(
    ("typed", "error"),
    [
        ("--12.50", "Enter the amount in pounds, for example 12.50, -12.50, (12.50) or 12.50 CR"),
        ("12.50 DR", "Enter the amount in pounds, for example"),
        ("0", "The amount cannot be £0"),
        ("-0.00", "The amount cannot be £0"),
        ("-10000000.01", "The amount must be between -£10,000,000 and £10,000,000"),
    ],
)
def test_a_bad_or_zero_amount_of_spend_is_refused_on_the_amount_field(
    client, vf_contract, year, personas, typed, error
):
    client.force_login(personas.service_manager)
    response = client.post(
        reverse("finance:spend_add", args=[vf_contract.pk, year]), _spend_form(typed)
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert error in page
    assert 'href="#amount"' in page or 'href="#id_amount"' in page
    assert not Spend.objects.exists()


def test_budgets_profiles_and_income_still_refuse_a_negative_amount(
    vf_contract, year, staff_line, personas
):
    with pytest.raises(ValidationError) as budget:
        budget_line_set(
            contract=vf_contract,
            year=year,
            category="premises",
            amount=Decimal("-1"),
            set_by=personas.service_manager,
        )
    assert "The budget must be £0 or more" in str(budget.value)
    months = {
        m: Decimal("10000") for m in sorted(staff_line.profile.values_list("month", flat=True))
    }
    first = min(months)
    with pytest.raises(ValidationError) as profile:
        profile_set(
            line=staff_line,
            amounts=months | {first: Decimal("-10000")},
            set_by=personas.service_manager,
        )
    assert "must be £0 or more" in str(profile.value)
    with pytest.raises(ValidationError) as income:
        income_record(
            contract=vf_contract,
            received_on=date(2026, 5, 1),
            kind="other",
            source="Synthetic grant clawback",
            amount=Decimal("-5"),
            recorded_by=personas.service_manager,
        )
    assert "The amount must be more than £0" in str(income.value)
    assert not Income.objects.exists()
    assert not BudgetLine.objects.filter(category="premises").exists()


def test_the_income_and_budget_forms_refuse_a_minus_sign(client, vf_contract, year, personas):
    client.force_login(personas.service_manager)
    budget = client.post(
        reverse("finance:budget", args=[vf_contract.pk, year]),
        {"category": "staff", "amount": "-100"},
    )
    assert "Enter the budget in pounds" in budget.content.decode()
    income = client.post(
        reverse("finance:income_add", args=[vf_contract.pk, year]),
        {
            "kind": "other",
            "source": "x",
            "amount": "-5",
            "received_on-day": "1",
            "received_on-month": "5",
            "received_on-year": "2026",
        },
    )
    assert "Enter the amount in pounds" in income.content.decode()
    assert not BudgetLine.objects.exists()
    assert not Income.objects.exists()


# --- the import -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "pence"),
    [
        ("-12.50", -1250),
        ('"(1,012.50)"', -101250),
        ("£-12.50", -1250),
        ("-£12.50", -1250),
        ("12.50 CR", -1250),
        ("£12.50cr", -1250),
        ('"£1,250.00"', 125000),
    ],
)
def test_each_accepted_spelling_is_imported(vf_contract, personas, cell, pence):
    run = spend_import(
        contract=vf_contract,
        file_name="ledger.csv",
        content=(HEADER + f"CN-1,2026-05-01,{cell},staff,Credit note (synthetic)\n").encode(),
        imported_by=personas.service_manager,
    )
    assert run.rows_added == 1
    assert Spend.objects.get().amount_pence == pence


@pytest.mark.parametrize("cell", ["--12.50", "12.50-", "12.50 DR", "+12.50", "-(12.50)"])
def test_a_rejected_spelling_names_its_row_and_column_and_nothing_is_saved(
    vf_contract, personas, cell
):
    content = HEADER + "FS-1,2026-05-01,100,staff,Salary\n" + f"CN-1,2026-05-02,{cell},staff,x\n"
    with pytest.raises(ValidationError) as refused:
        spend_import(
            contract=vf_contract,
            file_name="ledger.csv",
            content=content.encode(),
            imported_by=personas.service_manager,
        )
    (message,) = refused.value.messages
    assert message.startswith("Row 3, amount: ")
    assert "write it as 12.50, -12.50, (12.50) or 12.50 CR" in message
    assert not Spend.objects.exists()


def test_a_refund_file_imported_twice_adds_its_credit_notes_once(vf_contract, personas):
    content = (
        HEADER + "FS-1,2026-05-01,100,staff,Salary\nCN-1,2026-05-02,(40.25),staff,Refund\n"
    ).encode()
    for _ in range(2):
        spend_import(
            contract=vf_contract,
            file_name="ledger.csv",
            content=content,
            imported_by=personas.service_manager,
        )
    assert sorted(Spend.objects.values_list("amount_pence", flat=True)) == [-4025, 10000]


def test_the_import_page_lists_a_rejected_amount_with_its_row_and_column(
    client, vf_contract, personas
):
    client.force_login(personas.service_manager)
    response = client.post(
        reverse("finance:import", args=[vf_contract.pk]),
        {
            "upload": SimpleUploadedFile(
                "ledger.csv", (HEADER + "CN-1,2026-05-02,12.50-,staff,x\n").encode()
            )
        },
    )
    page = response.content.decode()
    assert "nothing has been saved" in page
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">2</td>' in page
    assert '<td class="govuk-table__cell">amount</td>' in page


# --- the report -------------------------------------------------------------------------------


@pytest.fixture
def netted(vf_contract, year, staff_line, personas):
    """Staff: £1,000.00 imported, a £250.50 credit note. Other: £100.00 by hand, a £150.25
    refund (more than its spend)."""
    spend_import(
        contract=vf_contract,
        file_name="ledger.csv",
        content=(
            HEADER
            + "FS-1,2026-04-20,1000.00,staff,Salary\nCN-1,2026-05-03,250.50 CR,staff,Credit\n"
        ).encode(),
        imported_by=personas.service_manager,
    )
    for day, amount in ((date(2026, 4, 2), "100.00"), (date(2026, 6, 30), "-150.25")):
        spend_record(
            contract=vf_contract,
            spent_on=day,
            category="other",
            description="Synthetic stationery",
            amount=Decimal(amount),
            recorded_by=personas.service_manager,
        )


def test_the_report_nets_refunds_to_the_penny(client, vf_contract, year, netted, personas):
    client.force_login(personas.analyst)
    page = client.get(report_url(vf_contract, year, "?quarter=1")).content.decode()
    assert "£749.50" in page  # staff actual
    assert "-£29,250.50" in page  # staff variance: £749.50 - £30,000.00
    assert "£90,749.50" in page  # staff forecast outturn
    assert "-£50.25" in page  # other: refunded beyond its spend
    assert "<strong>£699.25</strong>" in page  # total actual to date
    dd = '</dt><dd class="govuk-summary-list__value">'
    assert f"Expenditure{dd}£699.25</dd>" in page
    assert f"Income less expenditure{dd}-£699.25</dd>" in page
    assert f"Finance system{dd}£749.50</dd>" in page  # open book, by source
    assert f"Recorded by hand{dd}-£50.25</dd>" in page
    q1 = page.split("By quarter")[1].split("</tr>")[1]
    assert "£699.25" in q1


def test_the_download_carries_the_negative_rows_and_figures(
    client, vf_contract, year, netted, personas
):
    client.force_login(personas.analyst)
    body = client.get(export_url(vf_contract, year, "csv")).content.decode("utf-8-sig")
    assert ",-250.5," in body
    assert ",-150.25," in body
    assert "Other,0.0,0.0,-50.25,-50.25,-50.25,-50.25" in body
