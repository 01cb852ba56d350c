"""The Unallocated queue (issue 13 item 13) for each persona, and the team caseloads page's
capacity columns (seed 004 s9: "resources are allocated according to risk and need, and this
is reflected in the caseloads of frontline practitioners"; seed 001 s5: IDVAs' high-risk
cases a year)."""

from html import escape

import pytest
from django.urls import reverse
from django.utils import timezone

from haven.accounts.models import StaffProfile
from haven.testing.casework import CaseFactory, TaskFactory

pytestmark = pytest.mark.django_db
URL = "casework:unallocated"


@pytest.fixture
def queued(personas):
    """An unallocated case of the personas' team with a deadline."""
    case = CaseFactory(contract=personas.contract, team=personas.team, allocated_to=None)
    TaskFactory(case=case, label="Phone the person", due_at=timezone.now())
    return case


@pytest.mark.parametrize("persona", ["caseworker", "teammate", "team_leader", "service_manager"])
def test_the_team_and_its_managers_see_the_queue(client, personas, queued, persona):
    client.force_login(getattr(personas, persona))
    page = client.get(reverse(URL)).content.decode()
    assert reverse("casework:detail", args=[queued.pk]) in page
    assert "Phone the person" in page


def test_oldest_first(client, personas, queued):
    older = CaseFactory(
        contract=personas.contract,
        team=personas.team,
        allocated_to=None,
        opened_at=queued.opened_at - timezone.timedelta(days=3),
    )
    client.force_login(personas.team_leader)
    page = client.get(reverse(URL)).content.decode()
    first = page.index(reverse("casework:detail", args=[older.pk]))
    assert first < page.index(reverse("casework:detail", args=[queued.pk]))


def test_an_outsider_sees_not_the_other_teams_queue(client, personas, queued):
    client.force_login(personas.outsider)
    page = client.get(reverse(URL))
    assert page.status_code == 200
    assert reverse("casework:detail", args=[queued.pk]) not in page.content.decode()


@pytest.mark.parametrize("persona", ["commissioner", "administrator", "analyst"])
def test_no_case_role_no_queue(client, personas, persona):
    client.force_login(getattr(personas, persona))
    assert client.get(reverse(URL)).status_code == 403


def test_allocated_and_closed_cases_are_not_queued(client, personas, team_case):
    closed = CaseFactory(
        contract=personas.contract, team=personas.team, allocated_to=None, state="closed"
    )
    client.force_login(personas.team_leader)
    page = client.get(reverse(URL)).content.decode()
    assert reverse("casework:detail", args=[team_case.pk]) not in page
    assert reverse("casework:detail", args=[closed.pk]) not in page


def test_seed_004_s9_team_caseloads_show_capacity_and_idva_high_risk(client, personas, team_case):
    StaffProfile.objects.create(
        user=personas.caseworker, specialisms=["idva"], max_open_cases=1, high_risk_per_year=100
    )
    CaseFactory(
        contract=personas.contract,
        team=personas.team,
        allocated_to=personas.caseworker,
        risk_level="high",
    )
    client.force_login(personas.team_leader)
    page = client.get(reverse("casework:caseloads")).content.decode()
    assert "IDVA high-risk cases, last 12 months" in page
    assert "2 of 1" in page
    assert "At capacity" in page
    assert "1 of 100" in page
    assert "IDVA (independent domestic violence adviser)" in page  # the profile, for the leader
    assert escape(personas.teammate.get_full_name()) in page
