"""Search and the duplicate check find a restricted person but never describe them to staff who
are not named: a neutral restricted entry, and no new person without acknowledging it."""

import datetime as dt

import pytest
from django.urls import reverse

from haven.casework.models import CaseAccess
from haven.core.models import AuditAction, AuditEvent
from haven.people.models import Person
from haven.people.selectors import PersonSearchQuery, likely_duplicates, person_search
from haven.testing.casework import CaseFactory
from haven.testing.people import PersonFactory

pytestmark = pytest.mark.django_db
BORN = dt.date(1985, 3, 27)
FORM = {
    "given_name": "Jon",
    "family_name": "Smith",
    "date_of_birth-day": "27",
    "date_of_birth-month": "3",
    "date_of_birth-year": "1985",
    "postcode": "le5 1fy",
}


@pytest.fixture
def colleague(personas):
    """John Smith, whose restricted case names only the caseworker."""
    person = PersonFactory(
        organisation=personas.organisation,
        given_name="John",
        family_name="Smith",
        date_of_birth=BORN,
        postcode="LE5 1FY",
    )
    case = CaseFactory(
        contract=personas.contract,
        team=personas.team,
        referral__person=person,
        is_restricted=True,
    )
    CaseAccess.objects.create(case=case, user=personas.caseworker)
    return person


def test_named_staff_find_the_restricted_person(personas, colleague):
    query = PersonSearchQuery(reference_code=colleague.reference_code)
    found = person_search(personas.caseworker, query)
    assert (found.people, found.restricted) == ([colleague], 0)


@pytest.mark.parametrize("who", ["teammate", "outsider", "service_manager"])
def test_others_get_a_neutral_restricted_entry(personas, colleague, who):
    query = PersonSearchQuery(name="john smith", date_of_birth=BORN)
    found = person_search(getattr(personas, who), query)
    assert (found.people, found.restricted) == ([], 1)
    event = AuditEvent.objects.get(action=AuditAction.SEARCH)
    assert event.changes["restricted_results"] == 1


def test_the_search_page_names_no_restricted_person(client, personas, colleague):
    client.force_login(personas.teammate)
    body = client.post(
        reverse("people:search"), {"reference_code": colleague.reference_code}
    ).content.decode()
    assert "A restricted record also matches" in body
    assert "ask your manager" in body
    for identifier in (colleague.reference_code, "John", str(colleague.pk)):
        assert identifier not in body.split("</form>")[-1]


def test_another_provider_gets_nothing_at_all(personas, colleague):
    query = PersonSearchQuery(reference_code=colleague.reference_code)
    found = person_search(personas.other_provider_caseworker, query)
    assert (found.people, found.restricted) == ([], 0)


def test_the_search_costs_the_same_queries_however_many_are_restricted(
    personas, colleague, django_assert_max_num_queries
):
    for _ in range(5):
        other = PersonFactory(
            organisation=personas.organisation,
            given_name="John",
            family_name="Smith",
            date_of_birth=BORN,
        )
        CaseFactory(contract=personas.contract, referral__person=other, is_restricted=True)
    query = PersonSearchQuery(name="john smith", date_of_birth=BORN)
    with django_assert_max_num_queries(6):
        found = person_search(personas.teammate, query)
    assert found.restricted == 6


def test_the_duplicate_check_counts_a_restricted_match_without_describing_it(personas, colleague):
    check = likely_duplicates(
        personas.teammate, given_name="Jon", family_name="Smith", date_of_birth=BORN, postcode=""
    )
    assert (check.candidates, check.restricted) == ([], 1)
    named = likely_duplicates(
        personas.caseworker, given_name="Jon", family_name="Smith", date_of_birth=BORN, postcode=""
    )
    assert [c.person_id for c in named.candidates] == [colleague.pk]


def test_the_check_page_warns_and_names_no_one(client, personas, colleague):
    client.force_login(personas.teammate)
    assert client.post(reverse("people:new"), FORM)["Location"] == reverse("people:new_check")
    body = client.get(reverse("people:new_check")).content.decode()
    assert "A possible match is a restricted record" in body
    for identifier in (colleague.reference_code, "John", str(colleague.pk), "LE5 1**"):
        assert identifier not in body
    assert Person.objects.count() == 1


def test_a_plain_new_person_is_refused_while_a_restricted_record_may_match(
    client, personas, colleague
):
    client.force_login(personas.teammate)
    client.post(reverse("people:new"), FORM)
    response = client.post(reverse("people:new_check"), {"choice": "new"})
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert Person.objects.count() == 1


def test_asking_first_creates_no_one(client, personas, colleague):
    client.force_login(personas.teammate)
    client.post(reverse("people:new"), FORM)
    response = client.post(reverse("people:new_check"), {"choice": "ask"})
    assert response["Location"] == reverse("people:search")
    assert Person.objects.count() == 1


def test_acknowledging_the_restricted_record_creates_and_audits_it(client, personas, colleague):
    client.force_login(personas.teammate)
    client.post(reverse("people:new"), FORM)
    client.post(reverse("people:new_check"), {"choice": "new-checked"})
    created = Person.objects.exclude(pk=colleague.pk).get()
    event = AuditEvent.objects.get(action=AuditAction.CREATE, object_id=str(created.pk))
    assert "restricted_match_acknowledged" in event.changes
