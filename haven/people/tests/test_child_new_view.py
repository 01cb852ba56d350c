"""Add a child page: the child becomes a person with their own reference code."""

from django.urls import reverse

from haven.people.models import Person


def test_it_adds_a_child_with_their_own_reference_code(client, personas, person):
    client.force_login(personas.caseworker)
    data = {
        "given_name": "Kit",
        "date_of_birth-day": "1",
        "date_of_birth-month": "6",
        "date_of_birth-year": "2018",
        "relationship": "child",
        "lives_with_person": "True",
    }
    response = client.post(reverse("people:child_new", args=[person.pk]), data)
    assert response["Location"] == reverse("people:detail", args=[person.pk])
    child = Person.objects.get(given_name="Kit")
    assert child.is_child
    assert child.reference_code != person.reference_code


def test_missing_answers_are_errors_and_nothing_is_saved(client, personas, person):
    client.force_login(personas.caseworker)
    html = client.post(reverse("people:child_new", args=[person.pk]), {}).content.decode()
    assert "Enter first name" in html
    assert "Select how they are related" in html
    assert "Select whether they live with this person" in html
    assert Person.objects.count() == 1
