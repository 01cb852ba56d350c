"""Equality information page: every question has Prefer not to say; saves through the service."""

from django.urls import reverse


def test_every_question_offers_prefer_not_to_say(client, personas, person):
    client.force_login(personas.caseworker)
    html = client.get(reverse("people:equality", args=[person.pk])).content.decode()
    # each question (immigration status too) and the introduction
    assert html.count("Prefer not to say") == 10
    assert "White: Roma" in html


def test_it_saves_the_answers(client, personas, person):
    client.force_login(personas.caseworker)
    url = reverse("people:equality", args=[person.pk])
    response = client.post(url, {"ethnicity": "other_arab", "sex": "prefer_not_to_say"})
    assert response["Location"] == reverse("people:detail", args=[person.pk])
    person.equality.refresh_from_db()
    assert person.equality.ethnicity == "other_arab"


def test_an_answer_not_on_the_list_is_an_error(client, personas, person):
    client.force_login(personas.caseworker)
    html = client.post(
        reverse("people:equality", args=[person.pk]), {"religion": "made-up"}
    ).content.decode()
    assert "There is a problem" in html


def test_readers_who_cannot_change_see_the_answers_without_a_form(client, personas, person):
    person.equality.ethnicity = "white_roma"
    person.equality.save()
    client.force_login(personas.auditor)
    html = client.get(reverse("people:equality", args=[person.pk])).content.decode()
    assert "White: Roma" in html
    assert "Not asked" in html
    assert "Save equality information" not in html
