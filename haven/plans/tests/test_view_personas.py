"""Every plans page for each persona: the team reads and changes, an analyst (who may see the
case but not change it) only reads, outsiders and other providers find nothing, commissioners
are refused; a closed case shows its plans and offers no change."""

import pytest

from haven.casework.models import CaseState
from haven.plans.tests.views_helpers import change_pages, read_pages, with_plans
from haven.testing.people import HouseholdLinkFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(planning_case, personas):
    HouseholdLinkFactory(person=planning_case.person)  # a child still without plans
    plan, action, safety = with_plans(planning_case, personas.caseworker)
    return (
        read_pages(planning_case, plan, safety),
        change_pages(planning_case, plan, action, safety),
    )


@pytest.mark.parametrize("who", ["caseworker", "teammate", "team_leader"])
def test_the_team_opens_every_page(client, pages, personas, who):
    client.force_login(getattr(personas, who))
    reads, changes = pages
    for name, url in (reads | changes).items():
        assert client.get(url).status_code == 200, name


def test_an_analyst_reads_the_plans_but_cannot_change_them(client, pages, personas):
    client.force_login(personas.analyst)
    reads, changes = pages
    for name, url in reads.items():
        response = client.get(url)
        assert response.status_code == 200, name
        assert "Review the plan" not in response.content.decode()
    for name, url in changes.items():
        assert client.get(url).status_code == 403, name


@pytest.mark.parametrize("who", ["outsider", "other_provider_caseworker"])
def test_outsiders_find_nothing(client, pages, personas, who):
    client.force_login(getattr(personas, who))
    reads, changes = pages
    for name, url in (reads | changes).items():
        assert client.get(url).status_code == 404, name


def test_a_commissioner_is_refused_everywhere(client, pages, personas):
    client.force_login(personas.commissioner)
    reads, changes = pages
    for name, url in (reads | changes).items():
        assert client.get(url).status_code == 403, name


def test_signed_out_visitors_are_sent_to_sign_in(client, pages):
    reads, changes = pages
    for name, url in (reads | changes).items():
        response = client.get(url)
        assert response.status_code == 302, name
        assert "/accounts/login/" in response["Location"]


def test_a_closed_case_shows_its_plans_and_sends_changes_back(
    client, pages, planning_case, personas
):
    planning_case.state = CaseState.CLOSED
    planning_case.save()
    client.force_login(personas.caseworker)
    reads, changes = pages
    for name, url in reads.items():
        response = client.get(url)
        assert response.status_code == 200, name
        assert "Agree a support plan" not in response.content.decode()
    for name, url in changes.items():
        response = client.get(url)
        assert response.status_code == 302, name
        assert response["Location"] == reads["list"]
