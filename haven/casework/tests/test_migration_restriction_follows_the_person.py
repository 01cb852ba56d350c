"""Migration 0005 (ADR 0006): the other cases of a person with a restricted case are restricted,
each naming its allocated worker; other people's cases do not change."""

import importlib

import pytest
from django.apps import apps

from haven.casework.models import CaseAccess, CaseEvent
from haven.testing.casework import CaseFactory

pytestmark = pytest.mark.django_db
migration = importlib.import_module("haven.casework.migrations.0005_restriction_follows_the_person")


def test_the_persons_other_cases_are_restricted_with_their_worker_named(personas):
    restricted = CaseFactory(contract=personas.contract, is_restricted=True)
    other = CaseFactory(
        contract=personas.contract, person=restricted.person, allocated_to=personas.outsider
    )
    unallocated = CaseFactory(contract=personas.contract, person=restricted.person)
    someone_else = CaseFactory(contract=personas.contract, allocated_to=personas.caseworker)

    migration.restrict_with_the_person(apps, None)

    for case in (other, unallocated, someone_else):
        case.refresh_from_db()
    assert (other.is_restricted, unallocated.is_restricted) == (True, True)
    assert not someone_else.is_restricted
    assert set(CaseAccess.objects.values_list("case_id", "user_id")) == {
        (other.pk, personas.outsider.pk)
    }
    assert CaseEvent.objects.filter(kind="restriction", case__in=[other, unallocated]).count() == 2
    assert not CaseEvent.objects.filter(case=someone_else).exists()
