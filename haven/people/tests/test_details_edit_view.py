"""Change details page: pre-filled, saved through the service, errors on the field."""

from django.urls import reverse


def test_it_is_prefilled_and_saves_changes(client, personas, person):
    client.force_login(personas.caseworker)
    url = reverse("people:details_edit", args=[person.pk])
    html = client.get(url).content.decode()
    assert f'value="{person.given_name}"' in html
    data = {
        "given_name": "Changed",
        "family_name": person.family_name,
        "aliases": "Old Name\nOther",
    }
    response = client.post(url, data)
    assert response["Location"] == reverse("people:detail", args=[person.pk])
    person.refresh_from_db()
    assert person.given_name == "Changed"
    assert sorted(a.name for a in person.aliases.all()) == ["Old Name", "Other"]


def test_a_bad_email_is_an_error_on_the_field(client, personas, person):
    client.force_login(personas.caseworker)
    url = reverse("people:details_edit", args=[person.pk])
    html = client.post(url, {"given_name": "X", "email": "nope"}).content.decode()
    assert "Enter an email address in the correct format, like name@example.com" in html
    person.refresh_from_db()
    assert person.given_name != "X"
