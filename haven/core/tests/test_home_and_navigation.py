"""The home page gives case staff a start (worklist counts, intake queue); navigation by role."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from haven.accounts.roles import Role
from haven.referrals.models import Decision
from haven.testing.casework import CaseFactory, ReferralFactory, TaskFactory
from haven.testing.factories import MembershipFactory
from haven.testing.html import nav_links, nav_texts, parse

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_caseworkers_get_worklist_and_referrals_in_the_navigation(client, personas):
    client.force_login(personas.caseworker)
    texts = nav_texts(client.get(reverse("home")))
    assert texts[:4] == ["Home", "Worklist", "Caseload", "Referrals"]


def test_team_leaders_and_service_managers_also_get_team_caseloads(client, personas):
    for who in (personas.team_leader, personas.service_manager):
        client.force_login(who)
        texts = nav_texts(client.get(reverse("home")))
        assert texts[:4] == ["Home", "Worklist", "Caseload", "Team caseloads"]


def test_the_caseload_item_alone_is_current_on_the_caseload(client, personas):
    # the worklist is /cases/ and the caseload /cases/caseload/: the longer match is current
    client.force_login(personas.team_leader)
    for name, text in (("casework:caseload", "Caseload"), ("casework:caseloads", "Team caseloads")):
        links = nav_links(client.get(reverse(name)))
        assert [a.text for a in links if a.attrs.get("aria-current")] == [text]


@pytest.mark.parametrize("who", ["commissioner", "administrator", "no_role"])
def test_people_who_do_not_work_with_cases_get_neither(client, personas, who):
    client.force_login(getattr(personas, who))
    texts = nav_texts(client.get(reverse("home")))
    assert "Worklist" not in texts
    assert "Referrals" not in texts
    assert "Caseload" not in texts
    assert "Team caseloads" not in texts


def test_the_worklist_item_is_current_on_the_worklist(client, personas):
    client.force_login(personas.caseworker)
    links = nav_links(client.get(reverse("casework:worklist")))
    assert [a.text for a in links if a.attrs.get("aria-current")] == ["Worklist"]


def test_a_caseworkers_home_page_counts_their_deadlines_and_the_intake_queue(client, personas):
    now = timezone.now()
    case = CaseFactory(
        contract=personas.contract, team=personas.team, allocated_to=personas.caseworker
    )
    TaskFactory(case=case, due_at=now - dt.timedelta(hours=3))
    TaskFactory(case=case, due_at=now + dt.timedelta(days=4))
    ReferralFactory(contract=personas.contract, decision=Decision.PENDING)
    ReferralFactory(contract=personas.other_contract, decision=Decision.PENDING)
    client.force_login(personas.caseworker)
    page = parse(client.get(reverse("home")).content.decode())
    work = page.find_all("ul", class_="govuk-list--spaced")[0].text
    assert "My worklist : 2 outstanding deadlines 1 overdue" in work
    assert "Referrals waiting for a decision : 1" in work
    assert "Record a new referral" in work


def test_a_commissioners_home_page_has_no_casework_section(client, personas):
    client.force_login(personas.commissioner)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert b"Your work" not in response.content


def test_a_service_manager_without_a_team_gets_the_whole_organisation(client, personas):
    case = CaseFactory(contract=personas.contract, team=personas.team)
    TaskFactory(case=case, due_at=timezone.now() - dt.timedelta(hours=1))
    client.force_login(personas.service_manager)
    work = parse(client.get(reverse("home")).content.decode()).find_all(
        "ul", class_="govuk-list--spaced"
    )[0]
    assert "Team worklist" not in work.text
    assert "All cases I can see : 1 outstanding, 1 overdue" in work.text


def _returns_links(client):
    return [
        (a.text, a.attrs["href"])
        for a in nav_links(client.get(reverse("home")))
        if "returns" in a.text.lower()
    ]


def test_one_returns_link_for_a_provider_or_a_commissioner(client, personas):
    client.force_login(personas.service_manager)
    assert _returns_links(client) == [("Returns", reverse("reporting:index"))]
    client.force_login(personas.commissioner)
    assert _returns_links(client) == [("Returns", reverse("commissioner:returns"))]


def test_someone_with_both_roles_gets_returns_and_submitted_returns(client, personas):
    # a service manager who is also a commissioner: two distinct links, not two "Returns"
    manager = personas.service_manager
    MembershipFactory(
        user=manager,
        role=Role.COMMISSIONER,
        organisation=None,
        commissioner=personas.commissioner_body,
    )
    client.force_login(manager)
    assert _returns_links(client) == [
        ("Returns", reverse("reporting:index")),
        ("Submitted returns", reverse("commissioner:returns")),
    ]
    links = nav_links(client.get(reverse("commissioner:returns")))
    assert [a.text for a in links if a.attrs.get("aria-current")] == ["Submitted returns"]


def test_the_navigation_is_worked_out_once_per_request_however_many_templates_render(rf, personas):
    """Each case-page section renders with the request (casework/sections.py), which runs the
    context processors again: the navigation's permission checks run once, not per section."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from haven.core.context_processors import navigation

    request = rf.get("/cases/")
    request.user = personas.team_leader
    first = navigation(request)
    with CaptureQueriesContext(connection) as again:
        assert navigation(request) is first
    assert len(again.captured_queries) == 0
    request.user = personas.caseworker  # signed in as someone else: worked out again
    assert navigation(request) is not first
