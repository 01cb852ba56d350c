"""Safe-contact preferences page: saves through the service; GOV.UK errors on the field."""

from django.urls import reverse

from haven.people.models import SafeContact

FORM = {
    "safe_phone": "07700 900123",
    "safe_days": ["0", "2"],
    "safe_from": "9:30",
    "safe_until": "12:00",
    "voicemail_allowed": "False",
    "texts_allowed": "True",
    "email_safe": "False",
    "letters": "safe_address_only",
    "safe_address": "c/o a friend",
    "harmer_at_address": "no",
    "code_word": "bluebell",
    "notes": "",
}


def _post(client, personas, person, **changes):
    client.force_login(personas.caseworker)
    return client.post(reverse("people:safe_contact_edit", args=[person.pk]), {**FORM, **changes})


def test_it_saves_the_preferences_and_returns_to_the_person(client, personas, person):
    response = _post(client, personas, person)
    assert response["Location"] == reverse("people:detail", args=[person.pk])
    saved = SafeContact.objects.get(person=person)
    assert saved.safe_times == [{"days": [0, 2], "start": "09:30", "end": "12:00"}]
    assert saved.texts_allowed
    assert not saved.voicemail_allowed
    assert saved.code_word == "bluebell"


def test_the_form_shows_the_saved_preferences(client, personas, person):
    _post(client, personas, person)
    html = client.get(reverse("people:safe_contact_edit", args=[person.pk])).content.decode()
    assert 'value="07700 900123"' in html
    assert 'value="09:30"' in html


def test_blank_days_and_times_mean_any_time(client, personas, person):
    _post(client, personas, person, safe_days=[], safe_from="", safe_until="")
    assert SafeContact.objects.get(person=person).safe_times == []


def test_an_end_before_the_start_is_an_error_and_nothing_is_saved(client, personas, person):
    html = _post(client, personas, person, safe_from="14:00", safe_until="09:00").content.decode()
    assert "Safe until must be later than safe from" in html
    assert 'href="#id_safe_until"' in html
    assert SafeContact.objects.get(person=person).safe_phone == ""


def test_times_without_days_ask_for_the_days(client, personas, person):
    html = _post(client, personas, person, safe_days=[]).content.decode()
    assert "Select the days when it is safe to call" in html


def test_a_time_that_is_not_real_is_an_error(client, personas, person):
    html = _post(client, personas, person, safe_from="25:00").content.decode()
    assert "Safe from must be a real time in the 24-hour clock, like 09:30" in html


def test_a_missing_letters_answer_is_an_error(client, personas, person):
    html = _post(client, personas, person, letters="").content.decode()
    assert "Select whether it is safe to send letters" in html


def test_a_second_safe_time_can_be_recorded(client, personas, person):
    second = {"safe_days_2": ["5"], "safe_from_2": "10:00", "safe_until_2": "14:00"}
    _post(client, personas, person, **second)
    assert SafeContact.objects.get(person=person).safe_times == [
        {"days": [0, 2], "start": "09:30", "end": "12:00"},
        {"days": [5], "start": "10:00", "end": "14:00"},
    ]
    html = client.get(reverse("people:safe_contact_edit", args=[person.pk])).content.decode()
    assert 'value="14:00"' in html


def test_an_error_in_the_second_safe_time_is_on_its_own_box(client, personas, person):
    html = _post(client, personas, person, safe_from_2="10:00").content.decode()
    assert 'href="#id_safe_days_2"' in html
    assert 'href="#id_safe_until_2"' in html
