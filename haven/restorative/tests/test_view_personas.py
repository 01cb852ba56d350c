"""Every restorative justice page for each persona: the index for team leaders and service
managers; referral and steps for the case's team; outsiders find nothing."""

import pytest

from haven.restorative.tests.views_helpers import index_url, refer_url, step_url

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("who", ["team_leader", "service_manager"])
def test_managers_open_the_index(client, process, personas, who):
    client.force_login(getattr(personas, who))
    response = client.get(index_url())
    assert response.status_code == 200
    assert process.case.person.reference_code in response.content.decode()


@pytest.mark.parametrize("who", ["caseworker", "analyst", "commissioner", "no_role"])
def test_others_are_refused_the_index(client, process, personas, who):
    client.force_login(getattr(personas, who))
    assert client.get(index_url()).status_code == 403


def test_another_providers_manager_sees_no_process(client, process, personas):
    from haven.accounts.roles import Role
    from haven.testing.factories import MembershipFactory, UserFactory

    stranger = UserFactory()
    MembershipFactory(
        user=stranger, role=Role.SERVICE_MANAGER, organisation=personas.other_organisation
    )
    client.force_login(stranger)
    response = client.get(index_url())
    assert response.status_code == 200
    assert process.case.person.reference_code not in response.content.decode()
    assert client.get(step_url(process)).status_code == 404


@pytest.mark.parametrize("who", ["caseworker", "teammate", "team_leader"])
def test_the_team_opens_the_case_pages(client, process, personas, who):
    client.force_login(getattr(personas, who))
    assert client.get(refer_url(process.case)).status_code == 200
    assert client.get(step_url(process)).status_code == 200


@pytest.mark.parametrize("who", ["outsider", "other_provider_caseworker"])
def test_outsiders_find_nothing_on_the_case(client, process, personas, who):
    client.force_login(getattr(personas, who))
    for url in (refer_url(process.case), step_url(process)):
        assert client.get(url).status_code == 404, url


def test_a_commissioner_is_refused_the_case_pages(client, process, personas):
    client.force_login(personas.commissioner)
    for url in (refer_url(process.case), step_url(process)):
        assert client.get(url).status_code == 403, url


def test_signed_out_visitors_are_sent_to_sign_in(client, process):
    for url in (index_url(), refer_url(process.case), step_url(process)):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/accounts/login/" in response["Location"]


def test_the_home_page_links_managers_to_the_index(client, personas):
    client.force_login(personas.team_leader)
    assert index_url() in client.get("/").content.decode()
    client.force_login(personas.caseworker)
    assert index_url() not in client.get("/").content.decode()
