"""The hardship pages (seed 002 s3.8): the case section and request, the manager's decision
with the balance, an overdrawing approval refused on the form, the fund page, the budget, the
payment and the navigation."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from haven.hardship.models import HardshipFund, HardshipGrant
from haven.hardship.services import (
    financial_year_of,
    hardship_grant_decide,
    hardship_grant_request,
)
from haven.hardship.tests.views_helpers import (
    budget_url,
    decide_url,
    fund_url,
    funds_url,
    pay_url,
    request_url,
)

pytestmark = pytest.mark.django_db


def _case_page(client, case):
    return client.get(reverse("casework:detail", args=[case.pk])).content.decode()


def test_a_victim_first_case_page_offers_a_hardship_grant(client, fund, vf_case, personas):
    client.force_login(personas.caseworker)
    assert request_url(vf_case) in _case_page(client, vf_case)


def test_a_case_of_a_contract_without_a_fund_offers_none(client, team_case, personas):
    client.force_login(personas.caseworker)
    assert request_url(team_case) not in _case_page(client, team_case)
    response = client.get(request_url(team_case))
    assert response.status_code == 302


def test_the_caseworker_requests_a_grant(client, fund, vf_case, personas):
    client.force_login(personas.caseworker)
    response = client.post(
        request_url(vf_case), {"amount": "£45.20", "purpose": "travel", "detail": ""}
    )
    assert response.status_code == 302
    grant = HardshipGrant.objects.get()
    assert (grant.amount_pence, grant.purpose, grant.status) == (4520, "travel", "requested")
    body = _case_page(client, vf_case)
    assert 'id="hardship-grants"' in body
    assert "£45.20" in body


@pytest.mark.parametrize("typed", ["abc", "12.345", "-4", "0"])
def test_a_bad_amount_is_a_govuk_error(client, fund, vf_case, personas, typed):
    client.force_login(personas.caseworker)
    body = client.post(
        request_url(vf_case), {"amount": typed, "purpose": "food", "detail": ""}
    ).content.decode()
    assert "govuk-error-summary" in body
    assert 'href="#id_amount"' in body
    assert not HardshipGrant.objects.exists()


def test_the_team_leader_approves_and_the_fund_page_shows_the_balance(client, grant, personas):
    client.force_login(personas.team_leader)
    page = client.get(decide_url(grant)).content.decode()
    assert "£5,000.00" in page  # the balance before deciding
    response = client.post(decide_url(grant), {"decision": "approve", "note": ""})
    assert (response.status_code, response["Location"]) == (302, fund_url(grant.fund))
    body = client.get(fund_url(grant.fund)).content.decode()
    assert "£4,879.50" in body
    assert grant.case.person.reference_code in body
    assert pay_url(grant) in body


def test_seed_002_s3_8_an_overdrawing_approval_is_refused_with_the_balance(
    client, fund, vf_case, personas
):
    big = hardship_grant_request(
        case=vf_case, requested_by=personas.caseworker, amount=Decimal("4990"), purpose="household"
    )
    hardship_grant_decide(grant=big, decided_by=personas.service_manager, approve=True)
    over = hardship_grant_request(
        case=vf_case, requested_by=personas.caseworker, amount=Decimal("20"), purpose="food"
    )
    client.force_login(personas.team_leader)
    body = client.post(decide_url(over), {"decision": "approve", "note": ""}).content.decode()
    assert "govuk-error-summary" in body
    assert "The fund has £10.00 left" in body
    over.refresh_from_db()
    assert over.status == "requested"


def test_the_requester_cannot_decide_on_the_page(client, fund, vf_case, personas):
    own = hardship_grant_request(
        case=vf_case, requested_by=personas.team_leader, amount=Decimal("5"), purpose="food"
    )
    client.force_login(personas.team_leader)
    body = client.post(decide_url(own), {"decision": "approve"}).content.decode()
    assert "Someone other than the person who requested it decides a grant" in body


def test_the_payment_is_recorded(client, grant, personas):
    hardship_grant_decide(grant=grant, decided_by=personas.team_leader, approve=True)
    client.force_login(personas.service_manager)
    today = timezone.localdate()
    data = {"paid_on-day": today.day, "paid_on-month": today.month, "paid_on-year": today.year}
    assert client.post(pay_url(grant), data).status_code == 302
    grant.refresh_from_db()
    assert grant.paid_on == today
    again = client.get(pay_url(grant))
    assert (again.status_code, again["Location"]) == (302, fund_url(grant.fund))  # paid already


def test_a_payment_in_the_future_is_a_govuk_error(client, grant, personas):
    hardship_grant_decide(grant=grant, decided_by=personas.team_leader, approve=True)
    client.force_login(personas.service_manager)
    future = timezone.localdate() + dt.timedelta(days=2)
    data = {"paid_on-day": future.day, "paid_on-month": future.month, "paid_on-year": future.year}
    body = client.post(pay_url(grant), data).content.decode()
    assert "govuk-error-summary" in body
    grant.refresh_from_db()
    assert grant.paid_on is None


def test_the_service_manager_sets_a_budget(client, vf_contract, personas):
    client.force_login(personas.service_manager)
    page = client.get(budget_url(vf_contract)).content.decode()
    assert 'value="5000.00"' in page  # seed 002 s3.8: £5k a year offered
    this_year = financial_year_of(vf_contract, timezone.localdate())
    response = client.post(budget_url(vf_contract), {"year": str(this_year), "budget": "5,000"})
    fund = HardshipFund.objects.get()
    assert (response.status_code, response["Location"]) == (302, fund_url(fund))
    assert (fund.year, fund.budget_pence) == (this_year, 500_000)


def test_the_funds_are_in_the_managers_navigation(client, fund, personas):
    client.force_login(personas.team_leader)
    home = client.get(reverse("home")).content.decode()
    assert funds_url() in home
    body = client.get(funds_url()).content.decode()
    assert fund_url(fund) in body
    client.force_login(personas.caseworker)
    assert funds_url() not in client.get(reverse("home")).content.decode()
