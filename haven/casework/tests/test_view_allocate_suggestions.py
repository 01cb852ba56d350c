"""The allocate page suggests workers, each explained, above the full list (seed 002 Lot 1
s3.7: "the risk/vulnerability of the victim, the equalities profile of the victim/caseworker,
developed specialisms of caseworkers, existing caseloads and any location based
considerations"); the team leader chooses. seed 001 s5: IDVAs for high-risk cases."""

from __future__ import annotations

from html import escape

import pytest
from django.urls import reverse

from haven.accounts.models import StaffProfile
from haven.casework.selectors_allocation import allocation_advice
from haven.testing.casework import CaseFactory
from haven.testing.fixtures import profile_contract

pytestmark = pytest.mark.django_db


def url(case):
    return reverse("casework:allocate", args=[case.pk])


def pair(team, worker=None):
    return f"{team.pk}:{worker.pk if worker else ''}"


@pytest.fixture
def leicester_case(personas):
    contract = profile_contract("leicester-victim-survivor-2012", personas.organisation)
    case = CaseFactory(contract=contract, team=personas.team, risk_level="high")
    case.person.preferred_language = "Polish"
    case.person.town = "Leicester"
    case.person.save()
    return case


@pytest.fixture
def profiles(personas):
    StaffProfile.objects.create(
        user=personas.teammate,
        specialisms=["idva"],
        languages=["Polish"],
        areas=["Leicester"],
        max_open_cases=25,
        high_risk_per_year=100,
    )
    StaffProfile.objects.create(user=personas.caseworker, max_open_cases=25)


def test_seed_002_s3_7_suggestions_are_radios_with_reasons(
    client, leicester_case, personas, profiles
):
    client.force_login(personas.team_leader)
    body = client.get(url(leicester_case)).content.decode()
    assert "Suggested workers" in body
    assert f'value="{pair(personas.team, personas.teammate)}"' in body
    assert "IDVA for a high-risk case" in body
    assert "speaks Polish" in body
    assert "covers Leicester" in body
    assert "0 of 100 high-risk cases this year" in body
    # the case's risk is shown, and the full list stays for anyone else
    assert "this service&#39;s high-risk cases go to an IDVA" in body
    assert 'name="allocation"' in body


def test_seed_001_s5_a_non_idva_is_not_suggested_for_a_high_risk_idva_case(
    client, leicester_case, personas, profiles
):
    advice = allocation_advice(leicester_case)
    suggested = [s.worker.name for s in advice.suggestions]
    assert personas.teammate.get_full_name() in suggested
    assert personas.caseworker.get_full_name() not in suggested
    client.force_login(personas.team_leader)
    body = client.get(url(leicester_case)).content.decode()
    assert f"{escape(personas.caseworker.get_full_name())}: Not an IDVA" in body


def test_the_team_leader_chooses_a_suggestion(client, leicester_case, personas, profiles):
    client.force_login(personas.team_leader)
    response = client.post(
        url(leicester_case),
        {"suggestion": pair(personas.team, personas.teammate), "allocation": ""},
    )
    assert response.status_code == 302
    leicester_case.refresh_from_db()
    assert leicester_case.allocated_to == personas.teammate


def test_someone_else_from_the_full_list(client, team_case, personas, profiles):
    client.force_login(personas.team_leader)
    response = client.post(
        url(team_case),
        {"suggestion": "other", "allocation": pair(personas.team, personas.teammate)},
    )
    assert response.status_code == 302
    team_case.refresh_from_db()
    assert team_case.allocated_to == personas.teammate


def test_caseload_is_shown_beside_each_name(client, team_case, personas, profiles):
    client.force_login(personas.team_leader)
    body = client.get(url(team_case)).content.decode()
    # team_case is the caseworker's one open case
    name = escape(f"{personas.caseworker.get_full_name()} ({personas.team.name})")
    assert f"{name}: 1 of 25 open cases" in body


def test_an_unknown_suggestion_is_an_error_not_a_500(client, team_case, personas, profiles):
    client.force_login(personas.team_leader)
    response = client.post(url(team_case), {"suggestion": "nonsense", "allocation": ""})
    assert response.status_code == 200
    team_case.refresh_from_db()
    assert team_case.allocated_to == personas.caseworker


def test_seed_002_s3_7_the_persons_stated_preference_and_equalities_profile_are_weighed(
    client, team_case, personas
):
    from haven.people.models import EqualityData

    person = team_case.person
    person.preferred_worker_gender = "female"
    person.save()
    EqualityData.objects.update_or_create(person=person, defaults={"sex": "male"})
    StaffProfile.objects.create(user=personas.teammate, gender="male", specialisms=["male_victims"])
    advice = allocation_advice(team_case)
    (his,) = [s for s in advice.suggestions if s.worker.name == personas.teammate.get_full_name()]
    assert "asked for a female worker: this worker is male" in his.explanation
    assert "specialises in male victims" in his.explanation
    client.force_login(personas.team_leader)
    body = client.get(url(team_case)).content.decode()
    assert "Asked for a female worker: gender not recorded" in body  # the others' reasons
