"""Add a person: details, then "Is this the same person?" when there are likely duplicates."""

import datetime as dt

from django.urls import reverse

from haven.people.models import Person
from haven.testing.people import PersonFactory

NEW = reverse("people:new")
CHECK = reverse("people:new_check")
FORM = {
    "given_name": "Jon",
    "family_name": "Smith",
    "date_of_birth-day": "27",
    "date_of_birth-month": "3",
    "date_of_birth-year": "1985",
    "postcode": "le5 1fy",
}


def _existing(personas):
    return PersonFactory(
        organisation=personas.organisation,
        given_name="John",
        family_name="Smith",
        date_of_birth=dt.date(1985, 3, 27),
        postcode="LE5 1FY",
    )


def test_with_no_likely_duplicates_the_person_is_created_at_once(client, personas):
    client.force_login(personas.caseworker)
    response = client.post(NEW, FORM)
    person = Person.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("people:detail", args=[person.pk])
    assert person.postcode == "LE5 1FY"
    assert person.organisation == personas.organisation


def test_likely_duplicates_are_offered_before_creating(client, personas):
    existing = _existing(personas)
    client.force_login(personas.caseworker)
    response = client.post(NEW, FORM)
    assert response["Location"] == CHECK
    html = client.get(CHECK).content.decode()
    assert "Is this the same person?" in html
    assert f"Yes, {existing.reference_code}" in html
    assert "LE5 1**" in html
    assert "LE5 1FY</" not in html.split("You entered")[0]
    assert "No, create a new person" in html
    assert Person.objects.count() == 1


def test_choosing_the_existing_person_creates_no_one(client, personas):
    existing = _existing(personas)
    client.force_login(personas.caseworker)
    client.post(NEW, FORM)
    response = client.post(CHECK, {"choice": str(existing.pk)})
    assert response["Location"] == reverse("people:detail", args=[existing.pk])
    assert Person.objects.count() == 1


def test_choosing_a_new_person_creates_them(client, personas):
    _existing(personas)
    client.force_login(personas.caseworker)
    client.post(NEW, FORM)
    response = client.post(CHECK, {"choice": "new"})
    created = Person.objects.exclude(given_name="John").get()
    assert response["Location"] == reverse("people:detail", args=[created.pk])
    assert client.get(CHECK)["Location"] == NEW  # the pending details are gone


def test_choosing_nothing_gets_a_gov_uk_error(client, personas):
    _existing(personas)
    client.force_login(personas.caseworker)
    client.post(NEW, FORM)
    html = client.post(CHECK, {}).content.decode()
    assert "There is a problem" in html
    assert "Select whether this is the same person, or No, create a new person" in html


def test_the_details_can_be_changed_from_the_check_step(client, personas):
    _existing(personas)
    client.force_login(personas.caseworker)
    client.post(NEW, FORM)
    html = client.get(NEW + "?change=1").content.decode()
    assert 'value="Jon"' in html


def test_errors_are_shown_on_the_fields_and_nothing_is_saved(client, personas):
    client.force_login(personas.caseworker)
    form = {**FORM, "given_name": "", "postcode": "LE5", "date_of_birth-month": "13"}
    html = client.post(NEW, form).content.decode()
    assert "Enter first name" in html
    assert "Enter a real postcode, like LE5 1FY" in html
    assert "Date of birth must be a real date" in html
    assert 'class="govuk-error-summary' in html
    assert not Person.objects.exists()


def test_the_check_step_without_details_goes_back_to_the_start(client, personas):
    client.force_login(personas.caseworker)
    assert client.get(CHECK)["Location"] == NEW


def test_the_likely_duplicates_shown_are_audited_also_when_the_choice_is_missing(client, personas):
    # issue 9 s5: existing people named on a page are a read of their records
    from haven.core.models import AuditAction, AuditEvent

    existing = _existing(personas)
    client.force_login(personas.caseworker)
    client.post(NEW, FORM)
    for response in (client.get(CHECK), client.post(CHECK, {})):
        assert response.status_code == 200
        (event,) = AuditEvent.objects.filter(
            request_id=response["X-Request-Id"], action=AuditAction.VIEW
        )
        assert event.changes["shown"] == [str(existing.pk)]
