"""Every case page for each persona: team member, outsider, named user on a restricted case, commissioner."""

import pytest
from django.urls import reverse
from django.utils import timezone

from haven.casework.models import CaseAccess
from haven.casework.services import case_note_add

pytestmark = pytest.mark.django_db

CASE_PAGES = [
    "detail",
    "attempt_record",
    "note_list",
    "note_add",
    "state_change",
    "close",
    "needs_assessment",
    "reengagement",
]
MANAGER_PAGES = ["allocate", "restriction"]
NOTE_PAGES = ["note_edit", "note_correct"]


def urls(case, note, names):
    for name in names:
        target = note.pk if name in NOTE_PAGES else case.pk
        yield name, reverse(f"casework:{name}", args=[target])


@pytest.fixture
def note(team_case, personas):
    return case_note_add(
        case=team_case,
        author=personas.caseworker,
        note_type="contact",
        text="Synthetic",
        happened_at=timezone.now(),
    )


def test_the_caseworker_in_the_team_opens_every_page(client, team_case, note, personas):
    client.force_login(personas.caseworker)
    for name, url in urls(team_case, note, CASE_PAGES + NOTE_PAGES):
        assert client.get(url).status_code == 200, name


def test_the_team_leader_also_manages(client, team_case, note, personas):
    client.force_login(personas.team_leader)
    for name, url in urls(team_case, note, CASE_PAGES + MANAGER_PAGES + ["note_correct"]):
        assert client.get(url).status_code == 200, name


def test_an_outsider_in_another_team_finds_nothing(client, team_case, note, personas):
    client.force_login(personas.outsider)
    for name, url in urls(team_case, note, CASE_PAGES + MANAGER_PAGES + NOTE_PAGES):
        assert client.get(url).status_code == 404, name


def test_another_provider_finds_nothing(client, team_case, note, personas):
    client.force_login(personas.other_provider_caseworker)
    for name, url in urls(team_case, note, CASE_PAGES + MANAGER_PAGES + NOTE_PAGES):
        assert client.get(url).status_code == 404, name


def test_a_commissioner_is_refused_everywhere(client, team_case, note, personas):
    client.force_login(personas.commissioner)
    for name, url in urls(team_case, note, CASE_PAGES + MANAGER_PAGES + NOTE_PAGES):
        assert client.get(url).status_code == 403, name
    assert client.get(reverse("casework:worklist")).status_code == 403


def test_a_named_user_from_another_team_works_a_restricted_case(client, team_case, note, personas):
    team_case.is_restricted = True
    team_case.save()
    CaseAccess.objects.create(case=team_case, user=personas.outsider)
    client.force_login(personas.outsider)
    for name, url in urls(team_case, note, [*CASE_PAGES, "note_correct"]):
        assert client.get(url).status_code == 200, name


def test_an_unnamed_teammate_is_asked_for_a_reason_on_every_restricted_page(
    client, team_case, note, personas
):
    team_case.is_restricted = True
    team_case.save()
    client.force_login(personas.teammate)
    for name, url in urls(team_case, note, CASE_PAGES + NOTE_PAGES):
        response = client.get(url)
        assert response.status_code == 302, name
        assert reverse("casework:break_glass", args=[team_case.pk]) in response.url
