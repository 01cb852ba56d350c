"""End a flag page: the service's date rule is shown on the field."""

import datetime as dt

from django.urls import reverse

from haven.testing.people import PersonFlagFactory


def _post(client, personas, flag, day):
    client.force_login(personas.caseworker)
    url = reverse("people:flag_end", args=[flag.person.pk, flag.pk])
    data = {"ended_on-day": day.day, "ended_on-month": day.month, "ended_on-year": day.year}
    return client.post(url, data)


def test_it_ends_the_flag(client, personas, person):
    flag = PersonFlagFactory(person=person, started_on=dt.date(2026, 1, 5))
    response = _post(client, personas, flag, dt.date(2026, 2, 1))
    assert response.status_code == 302
    flag.refresh_from_db()
    assert flag.ended_on == dt.date(2026, 2, 1)


def test_an_end_before_the_start_is_an_error_on_the_field(client, personas, person):
    flag = PersonFlagFactory(person=person, started_on=dt.date(2026, 1, 5))
    html = _post(client, personas, flag, dt.date(2026, 1, 1)).content.decode()
    assert "The end date must be the same as or after the date the flag started" in html
    flag.refresh_from_db()
    assert flag.ended_on is None


def test_a_flag_of_another_persons_cannot_be_reached_through_this_person(client, personas, person):
    other = PersonFlagFactory(person__organisation=personas.organisation)
    client.force_login(personas.caseworker)
    url = reverse("people:flag_end", args=[person.pk, other.pk])
    assert client.get(url).status_code == 404
