"""Worklist counts (home page and worklists): mine, team and all add up over every way a
caseworker reaches a case, and follow reallocation and closure."""

import datetime as dt

import pytest
from django.utils import timezone

from haven.casework.models import CaseAccess
from haven.casework.selectors import WorklistSummary, worklist_for, worklist_summaries
from haven.casework.services import case_allocate
from haven.testing.casework import CaseFactory, TaskFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reach(personas):
    """One outstanding task on each kind of case around the caseworker."""
    now = timezone.now()

    def case_with_task(due_in_hours, **fields):
        case = CaseFactory(contract=personas.contract, **fields)
        TaskFactory(case=case, due_at=now + dt.timedelta(hours=due_in_hours))
        return case

    cases = {
        "mine_in_team": case_with_task(-2, team=personas.team, allocated_to=personas.caseworker),
        "teammates": case_with_task(5, team=personas.team, allocated_to=personas.teammate),
        # allocated to the caseworker, but held by the other team
        "mine_elsewhere": case_with_task(
            48, team=personas.other_team, allocated_to=personas.caseworker
        ),
        "named_elsewhere": case_with_task(
            72, team=personas.other_team, allocated_to=personas.outsider, is_restricted=True
        ),
        "not_mine": case_with_task(-1, team=personas.other_team, allocated_to=personas.outsider),
    }
    CaseAccess.objects.create(case=cases["named_elsewhere"], user=personas.caseworker)
    done = CaseFactory(contract=personas.contract, team=personas.team)
    TaskFactory(case=done, status="met", completed_at=now)
    TaskFactory(case=done, rule_key="cancelled", status="cancelled")
    return cases


def test_a_caseworker_counts_mine_team_and_all_they_can_open(reach, personas):
    summaries = worklist_summaries(personas.caseworker)
    assert summaries["mine"] == WorklistSummary(outstanding=2, overdue=1, due_today=0)
    assert summaries["team"].outstanding == 2
    assert summaries["all"].outstanding == 4  # team's 2, mine elsewhere, named elsewhere
    assert summaries["all"].overdue == 1


def test_worklist_counts_match_the_rows_listed(reach, personas):
    for scope, expected in (("mine", 2), ("team", 2), ("all", 4)):
        worklist = worklist_for(personas.caseworker, scope=scope, filters={})
        assert worklist.page.paginator.count == expected, scope
        assert len(worklist.page.object_list) == expected, scope


def test_a_service_manager_counts_the_whole_organisation(reach, personas):
    summaries = worklist_summaries(personas.service_manager)
    assert "team" not in summaries
    # every case but the restricted one, which the manager is not named on
    assert (summaries["all"].outstanding, summaries["all"].overdue) == (4, 2)
    assert summaries["mine"].outstanding == 0


def test_reallocating_moves_the_count_to_the_new_worker(reach, personas):
    case_allocate(
        case=reach["teammates"],
        allocated_by=personas.team_leader,
        allocated_to=personas.caseworker,
        team=personas.team,
    )
    assert worklist_summaries(personas.caseworker)["mine"].outstanding == 3
    assert worklist_summaries(personas.teammate)["mine"].outstanding == 0
