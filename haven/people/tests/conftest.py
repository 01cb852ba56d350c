"""Fixtures for the people tests: a person recorded in the personas' organisation."""

import pytest

from haven.testing.people import PersonFactory


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """The personas' passwords are hashed with PBKDF2 otherwise: about 0.5 s a user."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def person(personas):
    return PersonFactory(organisation=personas.organisation, created_by=personas.caseworker)


@pytest.fixture
def other_org_person(personas):
    return PersonFactory(organisation=personas.other_organisation)
