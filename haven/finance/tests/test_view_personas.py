"""Every finance page for each persona (issue 16 item 7): service managers and administrators
keep the finance, analysts read it, caseworkers, team leaders and commissioners have no access
(commissioners see the figures only through the submitted return), another provider's staff
find nothing."""

import pytest

from haven.finance.tests.views_helpers import keeper_urls, reader_urls

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("who", ["service_manager", "administrator"])
def test_keepers_open_every_page(client, vf_contract, year, staff_line, personas, who):
    client.force_login(getattr(personas, who))
    for url in reader_urls(vf_contract, year) + keeper_urls(vf_contract, year, staff_line):
        assert client.get(url).status_code == 200, url


def test_an_analyst_reads_but_does_not_keep(client, vf_contract, year, staff_line, personas):
    client.force_login(personas.analyst)
    for url in reader_urls(vf_contract, year):
        assert client.get(url).status_code == 200, url
    for url in keeper_urls(vf_contract, year, staff_line):
        assert client.get(url).status_code == 403, url
    assert "Record spend" not in client.get(reader_urls(vf_contract, year)[1]).content.decode()


@pytest.mark.parametrize(
    "who", ["caseworker", "teammate", "team_leader", "commissioner", "auditor", "no_role"]
)
def test_others_are_refused(client, vf_contract, year, staff_line, personas, who):
    client.force_login(getattr(personas, who))
    for url in reader_urls(vf_contract, year) + keeper_urls(vf_contract, year, staff_line):
        assert client.get(url).status_code == 403, url


def test_another_providers_manager_finds_nothing(client, vf_contract, year, staff_line, personas):
    from haven.accounts.roles import Role
    from haven.testing.factories import MembershipFactory, UserFactory

    stranger = UserFactory()
    MembershipFactory(
        user=stranger, role=Role.SERVICE_MANAGER, organisation=personas.other_organisation
    )
    client.force_login(stranger)
    for url in reader_urls(vf_contract, year)[1:] + keeper_urls(vf_contract, year, staff_line):
        assert client.get(url).status_code == 404, url
    assert vf_contract.name not in client.get(reader_urls(vf_contract, year)[0]).content.decode()


def test_signed_out_visitors_are_sent_to_sign_in(client, vf_contract, year, staff_line):
    for url in reader_urls(vf_contract, year) + keeper_urls(vf_contract, year, staff_line):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/accounts/login/" in response["Location"]


def test_the_home_page_links_to_finance_for_readers_only(client, personas):
    from django.urls import reverse

    link = reverse("finance:index")
    client.force_login(personas.analyst)
    assert link in client.get(reverse("home")).content.decode()
    client.force_login(personas.caseworker)
    assert link not in client.get(reverse("home")).content.decode()
