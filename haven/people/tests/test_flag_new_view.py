"""Add a flag page."""

from django.urls import reverse


def test_it_adds_the_flag(client, personas, person):
    client.force_login(personas.caseworker)
    data = {
        "kind": "nrpf",
        "started_on-day": "5",
        "started_on-month": "1",
        "started_on-year": "2026",
    }
    response = client.post(reverse("people:flag_new", args=[person.pk]), data)
    assert response["Location"] == reverse("people:detail", args=[person.pk])
    assert person.flags.get().kind == "nrpf"


def test_missing_answers_are_errors_and_nothing_is_saved(client, personas, person):
    client.force_login(personas.caseworker)
    html = client.post(reverse("people:flag_new", args=[person.pk]), {}).content.decode()
    assert "Select which flag to add" in html
    assert "Enter the date it started" in html
    assert not person.flags.exists()
