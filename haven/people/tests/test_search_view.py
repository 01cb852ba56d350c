"""Find a person: by reference code, or name and date of birth; GOV.UK errors; audited."""

from django.urls import reverse

from haven.core.models import AuditAction, AuditEvent
from haven.people import reference_codes

URL = reverse("people:search")


def _get(client, personas, **params):
    client.force_login(personas.caseworker)
    return client.post(URL, params) if params else client.get(URL)


def test_the_empty_page_has_the_search_form(client, personas):
    html = _get(client, personas).content.decode()
    assert "Find a person" in html
    assert "There is a problem" not in html


def test_a_reference_code_finds_the_person(client, personas, person):
    html = _get(client, personas, reference_code=person.reference_code.lower()).content.decode()
    assert "1 person found" in html
    assert reverse("people:detail", args=[person.pk]) in html


def test_a_name_and_date_of_birth_find_the_person(client, personas, person):
    born = person.date_of_birth
    params = {
        "name": person.full_name,
        "date_of_birth-day": born.day,
        "date_of_birth-month": born.month,
        "date_of_birth-year": born.year,
    }
    html = _get(client, personas, **params).content.decode()
    assert reverse("people:detail", args=[person.pk]) in html


def test_a_mistyped_code_gets_a_gov_uk_error(client, personas, person):
    code = person.reference_code
    wrong = code[:-1] + ("0" if code[-1] != "0" else "1")
    assert not reference_codes.validate(wrong)
    html = _get(client, personas, reference_code=wrong).content.decode()
    assert "There is a problem" in html
    assert "Check the reference code: one of the characters is wrong or two are swapped" in html
    assert "<title>Error: Find a person" in html
    assert 'href="#id_reference_code"' in html


def test_a_name_without_a_date_of_birth_is_refused(client, personas):
    html = _get(client, personas, name="Jane").content.decode()
    assert "Enter a date of birth to search with the name" in html


def test_nothing_entered_asks_for_a_code_or_name_and_date_of_birth(client, personas):
    html = _get(client, personas, name="").content.decode()
    assert "There is a problem" in html
    assert "Enter a reference code, or a name and date of birth" in html


def test_the_search_is_audited_without_the_terms(client, personas, person):
    _get(client, personas, reference_code=person.reference_code)
    event = AuditEvent.objects.get(action=AuditAction.SEARCH)
    assert person.reference_code not in str(event.changes)


def test_no_results_offers_to_add_a_person(client, personas):
    code = reference_codes.generate()
    html = _get(client, personas, reference_code=code).content.decode()
    assert "No people found" in html
    assert reverse("people:new") in html


def test_search_terms_never_go_in_the_url(client, personas):
    html = _get(client, personas).content.decode()
    assert '<form method="post" action="/people/"' in html
