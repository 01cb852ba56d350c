"""Programme tests: Leicester's perpetrator programme (seed 001 Lot 4) run by the personas'
organisation, a group that started 30 weeks ago facilitated by `outsider` (another team: the
perpetrator's worker, who cannot open the victim's case), a perpetrator's case in that team, and a
victim's case in the caseworker's team on the personas' own contract."""

from datetime import timedelta

import pytest
from django.utils import timezone

from haven.programmes.models import ProgrammeKind
from haven.testing.casework import CaseFactory
from haven.testing.fixtures import profile_contract


@pytest.fixture
def perp_contract(personas):
    return profile_contract("leicester-perpetrator-2012", personas.organisation)


@pytest.fixture
def programme(perp_contract, personas):
    from haven.programmes.services import programme_create

    return programme_create(
        contract=perp_contract,
        kind=ProgrammeKind.PERPETRATOR,
        name="Choices for change",
        min_weeks=None,
        min_sessions=20,
        created_by=personas.service_manager,
    )


@pytest.fixture
def run(programme, personas):
    from haven.programmes.services import run_create

    today = timezone.localdate()
    return run_create(
        programme=programme,
        name="Tuesday evening group",
        starts_on=today - timedelta(weeks=30),
        planned_end_on=today + timedelta(weeks=2),
        venue="Community centre",
        facilitators=[personas.outsider],
        created_by=personas.service_manager,
    )


@pytest.fixture
def perp_case(perp_contract, personas):
    return CaseFactory(
        contract=perp_contract, team=personas.other_team, allocated_to=personas.outsider
    )


@pytest.fixture
def victim_case(personas):
    return CaseFactory(
        contract=personas.contract, team=personas.team, allocated_to=personas.caseworker
    )


def _started(run, case, personas, days_ago=7 * 29):
    from haven.programmes.services import (
        enrolment_offer,
        pre_group_assessment_record,
    )
    from haven.programmes.services_sessions import register_of, session_record

    today = timezone.localdate()
    place = enrolment_offer(
        run=run,
        case=case,
        offered_on=today - timedelta(days=days_ago + 14),
        offered_by=personas.outsider,
    )
    pre_group_assessment_record(
        enrolment=place,
        assessed_on=today - timedelta(days=days_ago + 7),
        suitable=True,
        by=personas.outsider,
    )
    session_record(
        run=run,
        held_on=today - timedelta(days=days_ago),
        session_format="group",
        duration_minutes=120,
        topic="",
        marks={
            e.pk: "attended" if e.pk == place.pk else "apologies"
            for e in register_of(run)
            if e.pk == place.pk or e.status == "started"
        },
        by=personas.outsider,
    )
    place.refresh_from_db()
    return place


@pytest.fixture
def started():
    return _started


@pytest.fixture
def place(run, perp_case, personas):
    return _started(run, perp_case, personas)
