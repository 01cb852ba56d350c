"""seed 002 Lot 1 s12, s15: a worker whose vetting has lapsed (or who has none where it is
required) cannot be allocated new cases — through casework's real allocation service, the
allocation page and the import rule's suggestions (casework.allocation_hooks)."""

import pytest
from django.urls import reverse

from haven.accounts.models import ImportAllocation
from haven.casework.selectors_allocation import team_workers
from haven.casework.services import AllocationRefusedError, case_allocate
from haven.casework.services.allocation_imports import imported_cases_allocate
from haven.testing.casework import CaseFactory
from haven.workforce.tests.conftest import make_staff, vet

pytestmark = pytest.mark.django_db


def pair(team, worker=None):
    return f"{team.pk}:{worker.pk if worker else ''}"


def test_seed_002_s12_lapsed_vetting_refuses_a_new_case(personas, lapsed_record):
    case = CaseFactory(contract=personas.contract, team=personas.team)
    with pytest.raises(AllocationRefusedError) as refused:
        case_allocate(
            case=case,
            allocated_by=personas.team_leader,
            allocated_to=personas.teammate,
            team=personas.team,
        )
    assert refused.value.field == "allocated_to"
    assert "vetting has lapsed" in str(refused.value)
    case.refresh_from_db()
    assert case.allocated_to is None


def test_seed_002_s15_no_vetting_where_required_refuses_a_new_case(personas):
    make_staff(personas, personas.teammate)  # vetting required, none recorded
    case = CaseFactory(contract=personas.contract, team=personas.team)
    with pytest.raises(AllocationRefusedError, match="no vetting"):
        case_allocate(
            case=case,
            allocated_by=personas.team_leader,
            allocated_to=personas.teammate,
            team=personas.team,
        )


def test_vetting_expiring_soon_still_takes_cases(personas):
    staff = make_staff(personas, personas.teammate)
    vet(personas, staff, expires_in_days=10)
    case = CaseFactory(contract=personas.contract, team=personas.team)
    case_allocate(
        case=case,
        allocated_by=personas.team_leader,
        allocated_to=personas.teammate,
        team=personas.team,
    )
    case.refresh_from_db()
    assert case.allocated_to == personas.teammate


def test_a_case_already_theirs_is_not_a_new_case(personas, lapsed_record):
    case = CaseFactory(
        contract=personas.contract, team=personas.team, allocated_to=personas.teammate
    )
    case_allocate(
        case=case,
        allocated_by=personas.team_leader,
        allocated_to=personas.teammate,
        team=personas.team,
    )  # no refusal


def test_a_worker_with_no_staff_record_is_not_checked(personas, team_case):
    case = CaseFactory(contract=personas.contract, team=personas.team)
    case_allocate(
        case=case,
        allocated_by=personas.team_leader,
        allocated_to=personas.teammate,
        team=personas.team,
    )


def test_seed_002_s12_the_allocation_page_does_not_offer_the_lapsed_worker(
    client, personas, lapsed_record, caseworker_record
):
    case = CaseFactory(contract=personas.contract, team=personas.team)
    client.force_login(personas.team_leader)
    url = reverse("casework:allocate", args=[case.pk])
    body = client.get(url).content.decode()
    assert f'value="{pair(personas.team, personas.caseworker)}"' in body
    assert f'value="{pair(personas.team, personas.teammate)}"' not in body
    # posted anyway: refused, nothing changes
    response = client.post(url, {"allocation": pair(personas.team, personas.teammate)})
    assert response.status_code == 200
    case.refresh_from_db()
    assert case.allocated_to is None


def test_seed_002_s12_import_suggestions_leave_the_lapsed_worker_out(
    personas, lapsed_record, caseworker_record
):
    workers = {facts.key: facts for _, facts in team_workers(personas.team, None)}
    refused = [w for w in workers.values() if w.refusal]
    assert [w.name for w in refused] == [personas.teammate.get_full_name()]
    personas.team.import_allocation = ImportAllocation.SUGGESTED
    personas.team.save()
    cases = [CaseFactory(contract=personas.contract, team=personas.team) for _ in range(3)]
    imported_cases_allocate(
        case_ids=[c.pk for c in cases], team=personas.team, contract=personas.contract
    )
    for case in cases:
        case.refresh_from_db()
        assert case.allocated_to != personas.teammate
