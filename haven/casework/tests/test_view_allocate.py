"""Allocate page: team leaders and managers allocate to a team, or a worker in their team; only
valid pairs are offered, the service refuses any other, and the user lands where they can see."""

import pytest
from django.urls import reverse

from haven.casework.services import AllocationRefusedError, case_allocate
from haven.testing.factories import TeamFactory

pytestmark = pytest.mark.django_db


def url(case):
    return reverse("casework:allocate", args=[case.pk])


def pair(team, worker=None):
    return f"{team.pk}:{worker.pk if worker else ''}"


def test_a_team_leader_allocates_to_a_teammate(client, team_case, personas):
    client.force_login(personas.team_leader)
    response = client.post(url(team_case), {"allocation": pair(personas.team, personas.teammate)})
    assert response.status_code == 302
    assert response.url == reverse("casework:detail", args=[team_case.pk])
    team_case.refresh_from_db()
    assert (team_case.allocated_to, team_case.team) == (personas.teammate, personas.team)
    assert team_case.events.filter(kind="allocated").exists()


def test_only_workers_with_their_own_team_are_offered(client, team_case, personas):
    client.force_login(personas.team_leader)
    body = client.get(url(team_case)).content.decode()
    assert f'value="{pair(personas.other_team, personas.outsider)}"' in body
    assert f'value="{pair(personas.team, personas.outsider)}"' not in body
    assert f'value="{pair(personas.team, personas.teammate)}"' in body
    assert f'value="{pair(personas.team)}"' in body
    # no team membership: service managers, analysts, other providers' staff
    for user in (personas.service_manager, personas.analyst, personas.other_provider_caseworker):
        assert str(user.pk) not in body


def test_a_worker_posted_with_a_team_they_are_not_in_is_refused(client, team_case, personas):
    client.force_login(personas.team_leader)
    response = client.post(url(team_case), {"allocation": pair(personas.team, personas.outsider)})
    assert response.status_code == 200
    team_case.refresh_from_db()
    assert (team_case.allocated_to, team_case.team) == (personas.caseworker, personas.team)


def test_staff_of_another_provider_cannot_be_chosen(client, team_case, personas):
    client.force_login(personas.team_leader)
    other_team = TeamFactory(organisation=personas.other_organisation)
    response = client.post(
        url(team_case), {"allocation": pair(other_team, personas.other_provider_caseworker)}
    )
    assert response.status_code == 200
    team_case.refresh_from_db()
    assert team_case.allocated_to == personas.caseworker


@pytest.mark.parametrize(
    ("worker", "team", "field"),
    [
        ("outsider", "team", "allocated_to"),  # a worker of another team
        ("teammate", None, "team"),  # a worker without a team
        ("service_manager", "team", "allocated_to"),  # not a member of the team
        ("other_provider_caseworker", "other_provider_team", "team"),  # another provider's team
    ],
)
def test_the_service_refuses_a_worker_and_team_that_do_not_match(
    team_case, personas, worker, team, field
):
    teams = {
        "team": personas.team,
        None: None,
        "other_provider_team": TeamFactory(organisation=personas.other_organisation),
    }
    with pytest.raises(AllocationRefusedError) as refused:
        case_allocate(
            case=team_case,
            allocated_by=personas.team_leader,
            allocated_to=getattr(personas, worker),
            team=teams[team],
        )
    assert refused.value.field == field
    team_case.refresh_from_db()
    assert (team_case.allocated_to, team_case.team) == (personas.caseworker, personas.team)
    assert not team_case.events.filter(kind="allocated").exists()


def test_the_service_refuses_a_worker_who_no_longer_works_in_haven(team_case, personas):
    personas.teammate.is_active = False
    personas.teammate.save()
    with pytest.raises(AllocationRefusedError, match="no longer works"):
        case_allocate(
            case=team_case,
            allocated_by=personas.team_leader,
            allocated_to=personas.teammate,
            team=personas.team,
        )


def test_allocating_away_from_ones_team_lands_on_the_worklist(client, team_case, personas):
    client.force_login(personas.team_leader)
    response = client.post(
        url(team_case), {"allocation": pair(personas.other_team, personas.outsider)}
    )
    assert response.url == reverse("casework:worklist")
    page = client.get(response.url).content.decode()
    assert "no longer one you can open" in page
    team_case.refresh_from_db()
    assert (team_case.allocated_to, team_case.team) == (personas.outsider, personas.other_team)
    # and its new worker opens it
    client.force_login(personas.outsider)
    assert client.get(reverse("casework:detail", args=[team_case.pk])).status_code == 200


def test_personas(client, team_case, personas):
    for user, status in (
        (personas.service_manager, 200),
        (personas.caseworker, 403),
        (personas.outsider, 404),
        (personas.commissioner, 403),
    ):
        client.force_login(user)
        assert client.get(url(team_case)).status_code == status, user
