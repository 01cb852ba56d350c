"""The worklist, case, person and home pages make the same number of queries with 5 or 50 rows (no N+1)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from haven.casework.services import case_event_record, case_note_add, case_note_correct
from haven.testing.casework import (
    CaseFactory,
    CaseworkPersonFactory,
    ReferralFactory,
    TaskFactory,
)

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def add_cases(personas, n):
    for _ in range(n):
        case = CaseFactory(
            contract=personas.contract, team=personas.team, allocated_to=personas.caseworker
        )
        TaskFactory(case=case)


def test_the_worklist_makes_the_same_number_of_queries_for_5_and_50_cases(client, personas):
    client.force_login(personas.caseworker)
    add_cases(personas, 5)
    few = count_queries(client, reverse("casework:worklist"))
    add_cases(personas, 45)
    many = count_queries(client, reverse("casework:worklist"))
    assert few == many


def add_events(case, user, n):
    for i in range(n):
        case_event_record(case=case, kind="note", actor=user, summary=f"Synthetic event {i}")
        TaskFactory(case=case, action="needs_assessment" if i % 2 else "phone_contact")


def test_the_case_page_makes_the_same_number_of_queries_for_5_and_50_timeline_entries(
    client, team_case, personas
):
    client.force_login(personas.caseworker)
    add_events(team_case, personas.caseworker, 5)
    few = count_queries(client, reverse("casework:detail", args=[team_case.pk]))
    add_events(team_case, personas.teammate, 45)
    many = count_queries(client, reverse("casework:detail", args=[team_case.pk]))
    assert few == many


def test_the_notes_page_makes_the_same_number_of_queries_for_5_and_50_notes(
    client, team_case, personas
):
    def add(n):
        for _ in range(n):
            note = case_note_add(
                case=team_case,
                author=personas.caseworker,
                note_type="contact",
                text="Synthetic",
                happened_at=timezone.now(),
            )
            case_note_correct(note=note, author=personas.teammate, text="Synthetic correction")

    client.force_login(personas.caseworker)
    add(5)
    few = count_queries(client, reverse("casework:note_list", args=[team_case.pk]))
    add(45)
    many = count_queries(client, reverse("casework:note_list", args=[team_case.pk]))
    assert few == many


def test_the_timeline_is_paged_so_a_long_history_still_shows_the_newest_first(
    client, team_case, personas
):
    add_events(team_case, personas.caseworker, 120)
    client.force_login(personas.caseworker)
    body = client.get(reverse("casework:detail", args=[team_case.pk])).content.decode()
    assert "Synthetic event 119" in body
    assert "Synthetic event 5<" not in body
    assert "Older entries" in body


def test_a_persons_page_makes_the_same_number_of_queries_for_2_and_12_cases(client, personas):
    person = CaseworkPersonFactory(organisation=personas.organisation)

    def add(n):
        for _ in range(n):
            referral = ReferralFactory(contract=personas.contract, person=person)
            CaseFactory(contract=personas.contract, referral=referral, team=personas.team)

    client.force_login(personas.caseworker)
    add(2)
    few = count_queries(client, reverse("people:detail", args=[person.pk]))
    add(10)
    many = count_queries(client, reverse("people:detail", args=[person.pk]))
    assert few == many


def test_the_home_page_makes_the_same_number_of_queries_for_5_and_50_cases(client, personas):
    client.force_login(personas.caseworker)
    add_cases(personas, 5)
    few = count_queries(client, reverse("home"))
    add_cases(personas, 45)
    many = count_queries(client, reverse("home"))
    assert few == many
