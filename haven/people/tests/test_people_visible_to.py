"""Person.objects.visible_to: people created within the user's provider organisation only."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from haven.people.models import Person
from haven.people.selectors import people_visible_to, person_for_user


def test_staff_in_the_organisation_see_its_people(personas, person, other_org_person):
    for user in (
        personas.caseworker,
        personas.outsider,
        personas.service_manager,
        personas.auditor,
    ):
        assert list(Person.objects.visible_to(user)) == [person]


def test_another_provider_sees_only_its_own_people(personas, person, other_org_person):
    assert list(Person.objects.visible_to(personas.other_provider_caseworker)) == [other_org_person]


def test_commissioners_and_people_without_a_role_see_no_one(personas, person):
    assert not Person.objects.visible_to(personas.commissioner).exists()
    assert not Person.objects.visible_to(personas.no_role).exists()


def test_the_selector_refuses_commissioners_outright(personas, person):
    with pytest.raises(PermissionDenied):
        people_visible_to(personas.commissioner)


def test_a_person_in_another_organisation_is_not_found(personas, person):
    with pytest.raises(Http404):
        person_for_user(personas.other_provider_caseworker, person.pk)
