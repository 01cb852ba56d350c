"""Demo staffing grows with the caseload: about one caseworker per 150 cases in each team."""

import pytest

from haven.accounts.models import Membership
from haven.accounts.roles import Role
from haven.accounts.services import membership_grant, user_create
from haven.demodata.staff import CASES_PER_WORKER, colleague_name, team_staff
from haven.testing.factories import OrganisationFactory, TeamFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def provider():
    organisation = OrganisationFactory(name="Synthetic Demo Provider")
    outreach = TeamFactory(organisation=organisation, name="Outreach and IDVA")
    TeamFactory(organisation=organisation, name="Refuge")
    casey = user_create(
        email="casey.caseworker@demo.haven.test",
        full_name="Casey Worker",
        password="synthetic-password",
        created_by=None,
    )
    membership_grant(user=casey, role=Role.CASEWORKER, team=outreach, granted_by=None)
    return organisation


def test_a_bigger_caseload_gets_more_caseworkers_sharing_it_evenly(provider):
    staff = team_staff(provider, {"Outreach and IDVA": 20 * CASES_PER_WORKER, "Refuge": 10})
    outreach = staff["Outreach and IDVA"].workers
    assert len(outreach) == 20
    assert outreach[0][0].email == "casey.caseworker@demo.haven.test"  # the login is one of them
    assert {weight for _, weight in outreach} == {1}
    assert len(staff["Refuge"].workers) == 2  # a small team still has two colleagues
    caseworkers = Membership.objects.filter(organisation=provider, role=Role.CASEWORKER)
    assert caseworkers.count() == 22


def test_building_again_reuses_the_same_colleagues(provider):
    first = team_staff(provider, {"Outreach and IDVA": 1000})
    again = team_staff(provider, {"Outreach and IDVA": 1000})
    assert [u.pk for u, _ in first["Outreach and IDVA"].workers] == [
        u.pk for u, _ in again["Outreach and IDVA"].workers
    ]


def test_colleague_names_stay_unique_beyond_the_name_lists():
    names = [colleague_name(i) for i in range(2000)]
    assert len(set(names)) == len(names)


def test_a_big_area_is_split_into_teams_of_ten_each_with_a_leader(provider):
    staff = team_staff(provider, {"Outreach and IDVA": 25 * CASES_PER_WORKER})["Outreach and IDVA"]
    teams = [staff.team_of(worker)[0].name for worker, _ in staff.workers]
    assert teams == (
        ["Outreach and IDVA"] * 10 + ["Outreach and IDVA 2"] * 10 + ["Outreach and IDVA 3"] * 5
    )
    leaders = {staff.team_of(worker)[1] for worker, _ in staff.workers}
    assert len(leaders) == 3
    for leader in leaders:
        team = staff.team_of(next(w for w, _ in staff.workers if staff.team_of(w)[1] == leader))[0]
        assert Membership.objects.filter(user=leader, team=team, role=Role.TEAM_LEADER).exists()
    for worker, _ in staff.workers:
        team = staff.team_of(worker)[0]
        assert Membership.objects.filter(user=worker, team=team, role=Role.CASEWORKER).exists()
    # building again finds the further teams as parts of the area, not as areas of their own
    again = team_staff(provider, {"Outreach and IDVA": 25 * CASES_PER_WORKER})
    assert sorted(again) == ["Outreach and IDVA", "Refuge"]
    assert [w.pk for w, _ in again["Outreach and IDVA"].workers] == [w.pk for w, _ in staff.workers]


def test_demo_staff_profiles_follow_the_contracts(provider):
    """seed 001 s5: IDVAs (80-100 high-risk cases a year) on the Leicester victim/survivor team;
    seed 004: male-victim specialists in the refuge team are men; seed 002 s3.7 factors."""
    from haven.accounts.models import StaffProfile
    from haven.demodata.staff import staff_profiles_build

    staff = team_staff(provider, {"Outreach and IDVA": 4 * CASES_PER_WORKER, "Refuge": 10})
    written = staff_profiles_build(staff)
    assert written == len(staff["Outreach and IDVA"].workers) + len(staff["Refuge"].workers)
    outreach = StaffProfile.objects.filter(user__memberships__team__name="Outreach and IDVA")
    idvas = [p for p in outreach if "idva" in p.specialisms]
    assert idvas
    assert all(p.high_risk_per_year == 100 for p in idvas)
    assert all("Leicester" in p.areas for p in outreach)
    refuge = StaffProfile.objects.filter(user__memberships__team__name="Refuge")
    male_specialists = [p for p in refuge if "male_victims" in p.specialisms]
    assert male_specialists
    assert all(p.gender == "male" for p in male_specialists)
    assert staff_profiles_build(staff) == written  # building again updates, never duplicates
    assert StaffProfile.objects.count() == written
