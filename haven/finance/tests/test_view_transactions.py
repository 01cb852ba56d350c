"""The transactions list of a contract's year: filters (budget line, month or quarter, source),
the filtered set's totals, GOV.UK pagination, links to the record holding a row, readers only,
and each page shown audited as a read."""

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone

from haven.core.models import AuditAction, AuditEvent
from haven.finance.models import Spend
from haven.finance.services import spend_import, spend_record
from haven.finance.tests.views_helpers import report_url, transactions_url

pytestmark = pytest.mark.django_db

HEADER = "transaction_ref,date,amount,category,description,supplier\n"
DD = '</dt><dd class="govuk-summary-list__value">'


@pytest.fixture(autouse=True)
def mid_november():
    with time_machine.travel(
        datetime(2026, 11, 16, 12, tzinfo=ZoneInfo("Europe/London")), tick=False
    ):
        yield


@pytest.fixture
def ledger(vf_contract, year, personas):
    """Imported: staff £1,000.00 (April), a £250.50 staff credit note (May), premises £600.00
    (July). By hand: other £100.00 (April) and a £150.25 refund (June)."""
    spend_import(
        contract=vf_contract,
        file_name="ledger.csv",
        content=(
            HEADER + "FS-1,2026-04-20,1000.00,staff,April salaries,Synthetic Payroll\n"
            "CN-1,2026-05-03,(250.50),staff,Overpayment returned,Synthetic Payroll\n"
            "FS-2,2026-07-01,600,premises,Rent,Synthetic Lettings\n"
        ).encode(),
        imported_by=personas.service_manager,
    )
    for day, amount, what in (
        (date(2026, 4, 2), "100.00", "Stationery"),
        (date(2026, 6, 30), "-150.25", "Stationery refund"),
    ):
        spend_record(
            contract=vf_contract,
            spent_on=day,
            category="other",
            description=what,
            amount=Decimal(amount),
            recorded_by=personas.service_manager,
        )


def _page(client, contract, year, query=""):
    response = client.get(transactions_url(contract, year, query))
    assert response.status_code == 200
    return response.content.decode()


def test_the_whole_year_with_its_totals(client, vf_contract, year, ledger, personas):
    client.force_login(personas.analyst)
    page = _page(client, vf_contract, year)
    assert f"Transactions{DD}5</dd>" in page
    assert f"Spend{DD}£1,700.00</dd>" in page
    assert f"Refunds and credit notes{DD}-£400.75</dd>" in page
    assert f"Net spend{DD}£1,299.25</dd>" in page
    assert "CN-1: Overpayment returned" in page
    assert "-£250.50" in page
    assert "Synthetic Lettings" in page


@pytest.mark.parametrize(
    ("query", "count", "net"),
    [
        ("?category=staff", 2, "£749.50"),
        ("?category=other", 2, "-£50.25"),
        ("?source=recorded", 2, "-£50.25"),
        ("?source=imported", 3, "£1,349.50"),
        ("?source=hardship", 0, "£0.00"),
        ("?period=q1", 4, "£699.25"),
        ("?period=q2", 1, "£600.00"),
        ("?period=2026-05", 1, "-£250.50"),
        ("?category=staff&period=q1&source=imported", 2, "£749.50"),
    ],
)
def test_each_filter_narrows_the_rows_and_the_totals(
    client, vf_contract, year, ledger, personas, query, count, net
):
    client.force_login(personas.analyst)
    page = _page(client, vf_contract, year, query)
    assert f"Transactions{DD}{count}</dd>" in page
    assert f"Net spend{DD}{net}</dd>" in page
    if not count:
        assert "No transactions match." in page


def test_a_filter_that_is_no_choice_is_shown_as_an_error_and_not_applied(
    client, vf_contract, year, ledger, personas
):
    client.force_login(personas.analyst)
    page = _page(client, vf_contract, year, "?period=2031-01&category=cakes")
    assert "govuk-error-message" in page
    assert f"Transactions{DD}5</dd>" in page


def test_pages_of_fifty_keep_their_filters(client, vf_contract, year, personas):
    Spend.objects.bulk_create(
        Spend(
            contract=vf_contract,
            spent_on=date(2026, 5, 1 + n % 28),
            category="staff",
            amount_pence=-100 if n % 2 else 300,
            description=f"Row {n}",
            transaction_ref=f"T-{n:03d}",
            recorded_by=personas.service_manager,
        )
        for n in range(55)
    )
    client.force_login(personas.analyst)
    first = _page(client, vf_contract, year, "?category=staff")
    assert "Transactions 1 to 50 of 55" in first
    assert "govuk-pagination" in first
    assert 'href="?category=staff&amp;page=2"' in first
    assert f"Net spend{DD}£57.00</dd>" in first  # 28 x £3.00 - 27 x £1.00, every page
    second = _page(client, vf_contract, year, "?category=staff&page=2")
    assert "Transactions 51 to 55 of 55" in second
    assert f"Net spend{DD}£57.00</dd>" in second
    assert "govuk-pagination__prev" in second
    assert "Transactions 51 to 55" in _page(client, vf_contract, year, "?category=staff&page=99")


def test_a_hardship_grant_links_to_its_fund_for_those_who_may_open_it(
    client, vf_contract, year, personas
):
    from haven.hardship.services import (
        hardship_fund_set,
        hardship_grant_decide,
        hardship_grant_pay,
        hardship_grant_request,
    )
    from haven.testing.casework import CaseFactory

    case = CaseFactory(contract=vf_contract, team=personas.team, allocated_to=personas.caseworker)
    fund = hardship_fund_set(
        contract=vf_contract, year=year, budget=Decimal("5000"), set_by=personas.service_manager
    )
    grant = hardship_grant_request(
        case=case, requested_by=personas.caseworker, amount=Decimal("120.50"), purpose="food"
    )
    hardship_grant_decide(grant=grant, decided_by=personas.team_leader, approve=True)
    hardship_grant_pay(grant=grant, recorded_by=personas.team_leader, paid_on=timezone.localdate())
    link = f'href="/hardship/funds/{fund.pk}/"'
    client.force_login(personas.service_manager)
    page = _page(client, vf_contract, year, "?source=hardship")
    assert f"Net spend{DD}£120.50</dd>" in page
    assert link in page
    client.force_login(personas.analyst)  # reads finance, not the hardship funds
    assert link not in _page(client, vf_contract, year, "?source=hardship")


def test_the_report_links_to_the_list(client, vf_contract, year, personas):
    client.force_login(personas.analyst)
    page = client.get(report_url(vf_contract, year)).content.decode()
    assert transactions_url(vf_contract, year) in page


def test_each_page_shown_is_audited_as_a_read_naming_the_rows(
    client, vf_contract, year, ledger, personas
):
    client.force_login(personas.analyst)
    response = client.get(transactions_url(vf_contract, year, "?category=staff"))
    (event,) = AuditEvent.objects.filter(
        request_id=response["X-Request-Id"], action=AuditAction.VIEW
    )
    assert event.actor == personas.analyst
    assert event.object_id == str(vf_contract.pk)
    assert event.changes["page"] == "finance:transactions"
    assert event.changes["filters"] == {"category": "staff"}
    staff = Spend.objects.filter(category="staff").values_list("pk", flat=True)
    assert sorted(event.changes["shown"]) == sorted(str(pk) for pk in staff)


def test_a_refusal_writes_no_read(client, vf_contract, year, personas):
    client.force_login(personas.caseworker)
    response = client.get(transactions_url(vf_contract, year))
    assert response.status_code == 403
    assert not AuditEvent.objects.filter(action=AuditAction.VIEW).exists()
