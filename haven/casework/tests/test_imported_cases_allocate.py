"""The import rule's bulk allocation (issue 13 item 13): the same number of queries however
many cases (no per-row query in the bulk path), and loads spread as it allocates (seed 004 s9)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from haven.accounts.models import ImportAllocation, StaffProfile
from haven.casework.services.allocation_imports import imported_cases_allocate
from haven.testing.casework import CaseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def suggested_team(personas):
    personas.team.import_allocation = ImportAllocation.SUGGESTED
    personas.team.save()
    for user in (personas.caseworker, personas.teammate):
        StaffProfile.objects.create(user=user, max_open_cases=100)
    return personas.team


def _allocate(personas, team, count):
    cases = [
        CaseFactory(contract=personas.contract, team=team, allocated_to=None) for _ in range(count)
    ]
    with CaptureQueriesContext(connection) as queries:
        allocated = imported_cases_allocate(
            case_ids=[c.pk for c in cases], team=team, contract=personas.contract
        )
    return cases, allocated, len(queries)


def test_queries_do_not_grow_with_the_cases(personas, suggested_team):
    _, few, few_queries = _allocate(personas, suggested_team, 3)
    _, many, many_queries = _allocate(personas, suggested_team, 30)
    assert (few, many) == (3, 30)
    assert many_queries == few_queries


def test_seed_004_s9_the_import_spreads_cases_over_the_workers(personas, suggested_team):
    cases, _, _ = _allocate(personas, suggested_team, 20)
    workers = [
        c.allocated_to_id for c in type(cases[0]).objects.filter(pk__in=[c.pk for c in cases])
    ]
    # two workers with the same room take turns; the team leader (no profile, no maximum) less
    counts = {pk: workers.count(pk) for pk in set(workers)}
    assert counts.get(personas.caseworker.pk, 0) >= 5
    assert counts.get(personas.teammate.pk, 0) >= 5


def test_the_queue_rule_changes_nothing(personas):
    case = CaseFactory(contract=personas.contract, team=personas.team, allocated_to=None)
    assert (
        imported_cases_allocate(case_ids=[case.pk], team=personas.team, contract=personas.contract)
        == 0
    )
    case.refresh_from_db()
    assert case.allocated_to is None
