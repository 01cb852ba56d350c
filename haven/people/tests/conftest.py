"""Fixtures for the people tests: a person recorded in the personas' organisation."""

import pytest

from haven.testing.people import PersonFactory


@pytest.fixture
def person(personas):
    return PersonFactory(organisation=personas.organisation, created_by=personas.caseworker)


@pytest.fixture
def other_org_person(personas):
    return PersonFactory(organisation=personas.other_organisation)
