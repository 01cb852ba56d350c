"""Every appraisal page for each persona: service managers and analysts of the provider run
it; everyone else is refused; the one-time link page needs no sign-in."""

import pytest

from haven.appraisal.tests.views_helpers import (
    feedback_action_url,
    feedback_new_url,
    feedback_url,
    index_url,
    links_url,
    paper_url,
    round_new_url,
    round_url,
)

pytestmark = pytest.mark.django_db


def _pages(appraisal, feedback):
    contract = appraisal.contract
    return (
        index_url(),
        round_new_url(contract),
        round_url(appraisal),
        links_url(appraisal),
        paper_url(appraisal),
        feedback_url(),
        feedback_new_url(contract),
        feedback_action_url(feedback),
    )


@pytest.mark.parametrize("who", ["service_manager", "analyst"])
def test_managers_and_analysts_open_every_page(client, appraisal, feedback, personas, who):
    client.force_login(getattr(personas, who))
    for url in _pages(appraisal, feedback):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize(
    "who", ["caseworker", "team_leader", "commissioner", "auditor", "administrator", "no_role"]
)
def test_others_are_refused(client, appraisal, feedback, personas, who):
    client.force_login(getattr(personas, who))
    for url in _pages(appraisal, feedback):
        assert client.get(url).status_code == 403, url


def test_another_providers_manager_finds_nothing(client, appraisal, feedback, personas):
    from haven.accounts.roles import Role
    from haven.testing.factories import MembershipFactory, UserFactory

    stranger = UserFactory()
    MembershipFactory(
        user=stranger, role=Role.SERVICE_MANAGER, organisation=personas.other_organisation
    )
    client.force_login(stranger)
    assert round_url(appraisal) not in client.get(index_url()).content.decode()
    for url in _pages(appraisal, feedback)[1:5] + _pages(appraisal, feedback)[6:]:
        assert client.get(url).status_code == 404, url


def test_signed_out_visitors_are_sent_to_sign_in(client, appraisal, feedback):
    for url in _pages(appraisal, feedback):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/accounts/login/" in response["Location"]


def test_the_home_page_links_analysts_to_the_appraisal(client, personas):
    client.force_login(personas.analyst)
    assert index_url() in client.get("/").content.decode()
