"""person_search: by reference code or name and date of birth; audited without the terms."""

import datetime as dt

from haven.core.models import AuditAction, AuditEvent
from haven.people.selectors import PersonSearchQuery, person_search
from haven.testing.people import PersonFactory


def test_a_code_typed_loosely_finds_the_person(personas, person):
    typed = person.reference_code.lower().replace("-", " ")
    assert person_search(personas.caseworker, PersonSearchQuery(reference_code=typed)).people == [
        person
    ]


def test_a_name_and_date_of_birth_find_similar_names(personas):
    jane = PersonFactory(
        organisation=personas.organisation,
        given_name="Jane",
        family_name="Doe",
        date_of_birth=dt.date(1980, 1, 2),
    )
    PersonFactory(
        organisation=personas.organisation, given_name="Zed", date_of_birth=dt.date(1980, 1, 2)
    )
    query = PersonSearchQuery(name="jane doe", date_of_birth=dt.date(1980, 1, 2))
    assert person_search(personas.caseworker, query).people == [jane]


def test_another_organisations_person_is_not_found(personas, other_org_person):
    query = PersonSearchQuery(reference_code=other_org_person.reference_code)
    assert person_search(personas.caseworker, query).people == []


def test_the_search_is_audited_without_the_search_terms(personas, person):
    person_search(personas.caseworker, PersonSearchQuery(reference_code=person.reference_code))
    event = AuditEvent.objects.get(action=AuditAction.SEARCH)
    assert event.actor == personas.caseworker
    assert event.changes == {
        "searched_by": "reference_code",
        "results": 1,
        "restricted_results": 0,
    }
    assert person.reference_code not in str(event.changes) + event.reason + event.object_id
