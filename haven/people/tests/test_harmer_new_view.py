"""Add a person causing harm page."""

from django.urls import reverse

from haven.people.models import PersonCausingHarm


def test_it_adds_the_person_causing_harm(client, personas, person):
    client.force_login(personas.caseworker)
    data = {"given_name": "Rex", "relationship": "current_partner", "lives_with_person": "True"}
    response = client.post(reverse("people:harmer_new", args=[person.pk]), data)
    assert response["Location"] == reverse("people:detail", args=[person.pk])
    assert PersonCausingHarm.objects.get().given_name == "Rex"
    person.safe_contact.refresh_from_db()
    assert person.safe_contact.harmer_at_address == "yes"


def test_missing_answers_are_errors_and_nothing_is_saved(client, personas, person):
    client.force_login(personas.caseworker)
    html = client.post(reverse("people:harmer_new", args=[person.pk]), {}).content.decode()
    assert "Select their relationship to this person" in html
    assert not PersonCausingHarm.objects.exists()
