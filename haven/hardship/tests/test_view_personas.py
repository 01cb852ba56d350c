"""Every hardship page for each persona: the fund pages for team leaders and service managers
(the budget for service managers only), the request for the case's team, the decision and the
payment for managers reaching the case; outsiders find nothing."""

import pytest

from haven.hardship.tests.views_helpers import (
    budget_url,
    decide_url,
    fund_url,
    funds_url,
    pay_url,
    request_url,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("who", ["team_leader", "service_manager"])
def test_managers_open_the_fund_pages(client, grant, personas, who):
    client.force_login(getattr(personas, who))
    for url in (funds_url(), fund_url(grant.fund), decide_url(grant)):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("who", ["caseworker", "teammate", "analyst", "commissioner"])
def test_others_are_refused_the_fund_pages(client, grant, personas, who):
    client.force_login(getattr(personas, who))
    for url in (funds_url(), fund_url(grant.fund), budget_url(grant.fund.contract)):
        assert client.get(url).status_code == 403, url


def test_only_a_service_manager_sets_the_budget(client, vf_contract, personas):
    client.force_login(personas.service_manager)
    assert client.get(budget_url(vf_contract)).status_code == 200
    client.force_login(personas.team_leader)
    assert client.get(budget_url(vf_contract)).status_code == 403


def test_another_providers_manager_finds_no_fund(client, grant, personas):
    from haven.accounts.roles import Role
    from haven.testing.factories import MembershipFactory, UserFactory

    stranger = UserFactory()
    MembershipFactory(
        user=stranger, role=Role.SERVICE_MANAGER, organisation=personas.other_organisation
    )
    client.force_login(stranger)
    assert client.get(fund_url(grant.fund)).status_code == 404
    assert client.get(budget_url(grant.fund.contract)).status_code == 404
    assert client.get(decide_url(grant)).status_code == 404


@pytest.mark.parametrize("who", ["caseworker", "teammate", "team_leader"])
def test_the_team_opens_the_request(client, fund, vf_case, personas, who):
    client.force_login(getattr(personas, who))
    assert client.get(request_url(vf_case)).status_code == 200


@pytest.mark.parametrize("who", ["caseworker", "teammate"])
def test_caseworkers_are_refused_the_decision_and_payment(client, grant, personas, who):
    client.force_login(getattr(personas, who))
    assert client.get(decide_url(grant)).status_code == 403
    assert client.get(pay_url(grant)).status_code == 403


@pytest.mark.parametrize("who", ["outsider", "other_provider_caseworker"])
def test_outsiders_find_nothing_on_the_case(client, grant, personas, who):
    client.force_login(getattr(personas, who))
    for url in (request_url(grant.case), decide_url(grant), pay_url(grant)):
        assert client.get(url).status_code == 404, url


def test_a_commissioner_is_refused_the_case_pages(client, grant, personas):
    client.force_login(personas.commissioner)
    for url in (request_url(grant.case), decide_url(grant), pay_url(grant)):
        assert client.get(url).status_code == 403, url


def test_signed_out_visitors_are_sent_to_sign_in(client, grant):
    for url in (
        funds_url(),
        fund_url(grant.fund),
        budget_url(grant.fund.contract),
        request_url(grant.case),
        decide_url(grant),
        pay_url(grant),
    ):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/accounts/login/" in response["Location"]
