"""Staff profiles (seed 002 Lot 1 s3.7: specialisms, equalities profile, caseloads, location;
seed 001 s5: IDVAs support 80-100 high-risk victims a year) and a team's rule for imported
cases, edited by administrators on the Manage staff pages."""

import pytest
from django.urls import reverse

from haven.accounts.models import StaffProfile
from haven.accounts.services import StaffChangeRefusedError
from haven.accounts.staff_profiles import clean_names, staff_profile_update
from haven.core.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, personas):
    client.force_login(personas.administrator)
    return client


def test_seed_002_s3_7_an_administrator_records_a_workers_profile(admin_client, personas):
    member = personas.teammate
    response = admin_client.post(
        reverse("staff:profile_edit", args=[member.pk]),
        {
            "specialisms": ["idva", "male_victims"],
            "languages": "polish\nGujarati, polish",
            "gender": "male",
            "areas": "Leicester",
            "max_open_cases": "25",
            "high_risk_per_year": "90",
        },
    )
    assert response.status_code == 302
    profile = StaffProfile.objects.get(user=member)
    assert profile.specialisms == ["idva", "male_victims"]
    assert profile.languages == ["Polish", "Gujarati"]
    assert (profile.gender, profile.areas) == ("male", ["Leicester"])
    assert (profile.max_open_cases, profile.high_risk_per_year) == (25, 90)
    assert AuditEvent.objects.filter(object_id=str(profile.pk)).exists()
    page = admin_client.get(reverse("staff:detail", args=[member.pk])).content.decode()
    assert "IDVA (independent domestic violence adviser), Male victims" in page
    assert "Polish, Gujarati" in page


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("languages", "P0lish!"),
        ("areas", "<script>"),
        ("max_open_cases", "-1"),
        ("high_risk_per_year", "many"),
        ("gender", "robot"),
        ("specialisms", "astrology"),
    ],
)
def test_bad_profile_input_names_the_field(admin_client, personas, field, value):
    response = admin_client.post(
        reverse("staff:profile_edit", args=[personas.teammate.pk]), {field: value}
    )
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert not StaffProfile.objects.filter(user=personas.teammate).exists()


def test_the_service_refuses_someone_who_may_not_manage_the_worker(personas):
    with pytest.raises(StaffChangeRefusedError):
        staff_profile_update(
            user=personas.teammate,
            changed_by=personas.caseworker,
            specialisms=[],
            languages=[],
            gender="",
            areas=[],
            max_open_cases=None,
            high_risk_per_year=None,
        )


def test_names_are_trimmed_deduplicated_and_capitalised():
    assert clean_names(" polish ,Polish\n\nurdu; British Sign Language") == [
        "Polish",
        "Urdu",
        "British Sign Language",
    ]


def test_an_administrator_sets_a_teams_rule_for_imported_cases(admin_client, personas):
    assert (
        "Cases from the police workbook import"
        in admin_client.get(reverse("staff:list")).content.decode()
    )
    path = reverse("staff:team_rule", args=[personas.team.pk])
    assert admin_client.get(path).status_code == 200
    assert admin_client.post(path, {"rule": "suggested"}).status_code == 302
    personas.team.refresh_from_db()
    assert personas.team.import_allocation == "suggested"
    assert admin_client.post(path, {"rule": "nonsense"}).status_code == 200


def test_another_organisations_team_rule_is_not_found(admin_client, personas):
    from haven.testing.factories import TeamFactory

    other = TeamFactory(organisation=personas.other_organisation)
    path = reverse("staff:team_rule", args=[other.pk])
    assert admin_client.get(path).status_code == 404


@pytest.mark.parametrize(
    "persona", ["caseworker", "team_leader", "service_manager", "commissioner"]
)
def test_only_administrators_set_a_teams_rule(client, personas, persona):
    client.force_login(getattr(personas, persona))
    path = reverse("staff:team_rule", args=[personas.team.pk])
    assert client.get(path).status_code == 403
    assert client.post(path, {"rule": "suggested"}).status_code == 403
