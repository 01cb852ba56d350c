"""likely_duplicates: same date of birth with a similar name or the same postcode (rapidfuzz)."""

import datetime as dt

from haven.people.selectors import likely_duplicates
from haven.testing.people import PersonAliasFactory, PersonFactory

BORN = dt.date(1985, 3, 27)


def _existing(personas, **kwargs):
    defaults = {
        "given_name": "John",
        "family_name": "Smith",
        "date_of_birth": BORN,
        "postcode": "LE5 1FY",
    }
    return PersonFactory(organisation=personas.organisation, **{**defaults, **kwargs})


def _find(personas, user=None, **kwargs):
    query = {"given_name": "Jon", "family_name": "Smith", "date_of_birth": BORN, "postcode": ""}
    return likely_duplicates(user or personas.caseworker, **{**query, **kwargs}).candidates


def test_a_similar_name_with_the_same_date_of_birth_is_offered(personas):
    existing = _existing(personas)
    [candidate] = _find(personas)
    assert candidate.person_id == existing.pk
    assert candidate.reference_code == existing.reference_code
    assert candidate.reasons == ("same date of birth", "similar name")


def test_names_in_another_order_still_match(personas):
    _existing(personas)
    assert _find(personas, given_name="Smith", family_name="John")


def test_an_alias_matches(personas):
    existing = _existing(personas, given_name="Mary", family_name="Jones")
    PersonAliasFactory(person=existing, name="Mary Smith")
    assert _find(personas, given_name="Mary", family_name="Smith")


def test_the_same_postcode_and_date_of_birth_match_even_with_another_name(personas):
    _existing(personas, given_name="Alexandra", family_name="Brown")
    [candidate] = _find(personas, postcode="le51fy")
    assert "same postcode" in candidate.reasons


def test_only_part_of_the_postcode_is_shown(personas):
    _existing(personas)
    assert _find(personas)[0].partial_postcode == "LE5 1**"


def test_a_different_name_and_postcode_is_not_offered(personas):
    _existing(personas, given_name="Alexandra", family_name="Brown")
    assert _find(personas, postcode="NG1 1AA") == []


def test_a_different_date_of_birth_is_not_offered(personas):
    _existing(personas)
    assert _find(personas, date_of_birth=dt.date(1985, 3, 28)) == []


def test_without_a_date_of_birth_a_similar_name_at_the_same_postcode_is_offered(personas):
    _existing(personas)
    assert _find(personas, date_of_birth=None, postcode="LE5 1FY")
    assert _find(personas, date_of_birth=None, postcode="") == []


def test_people_in_another_organisation_are_never_offered(personas):
    _existing(personas)
    assert _find(personas, user=personas.other_provider_caseworker) == []
