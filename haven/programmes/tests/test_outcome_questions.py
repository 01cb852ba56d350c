"""seed 003 s13: Wokingham's contract asks victims' outcome questions (adults and children) and
perpetrators' ("increased self-awareness and recognition that their behaviour is abusive"). The
perpetrator questions are asked of a case holding a place on a perpetrator programme, and only
they; a contract asking only perpetrators' questions (Leicester's perpetrator service, seed 001
Lot 4 s8) asks them of every case."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from haven.outcomes.services import instruments_for, outcome_assessment_record
from haven.programmes.models import ProgrammeKind
from haven.programmes.services import enrolment_offer, programme_create, run_create
from haven.testing.casework import CaseFactory
from haven.testing.fixtures import profile_contract

pytestmark = pytest.mark.django_db
PERPETRATOR = "haven-perpetrator-v1"


def _keys(case):
    return [use.instrument.key for use in instruments_for(case)]


def _wokingham_place(personas, case, kind):
    programme = programme_create(
        contract=case.contract,
        kind=kind,
        name="A group",
        min_weeks=26 if kind == ProgrammeKind.PERPETRATOR else None,
        min_sessions=None,
        created_by=personas.service_manager,
    )
    today = timezone.localdate()
    run = run_create(
        programme=programme,
        name="Monday group",
        starts_on=today + timedelta(days=7),
        planned_end_on=today + timedelta(weeks=30),
        venue="Community centre",
        facilitators=[personas.caseworker],
        created_by=personas.service_manager,
    )
    return enrolment_offer(run=run, case=case, offered_on=today, offered_by=personas.caseworker)


@pytest.fixture
def wokingham_case(personas):
    contract = profile_contract("wokingham-da-2017", personas.organisation)
    return CaseFactory(contract=contract, team=personas.team, allocated_to=personas.caseworker)


def test_seed_003_s13_a_victims_case_is_not_asked_the_perpetrator_questions(
    wokingham_case, personas
):
    assert _keys(wokingham_case) == ["haven-outcomes-v1", "haven-children-v1"]
    with pytest.raises(ValidationError) as refused:
        outcome_assessment_record(
            case=wokingham_case,
            recorded_by=personas.caseworker,
            instrument_key=PERPETRATOR,
            stage="intake",
            asked_at=timezone.now(),
            scores={},
        )
    assert "instrument" in refused.value.message_dict


def test_seed_003_s13_a_place_on_a_perpetrator_programme_asks_the_perpetrator_questions_only(
    wokingham_case, personas
):
    _wokingham_place(personas, wokingham_case, ProgrammeKind.PERPETRATOR)
    assert _keys(wokingham_case) == [PERPETRATOR]


def test_seed_003_s13_a_place_on_another_group_keeps_the_victims_questions(
    wokingham_case, personas
):
    _wokingham_place(personas, wokingham_case, ProgrammeKind.CHILDRENS_GROUP)
    assert PERPETRATOR not in _keys(wokingham_case)


def test_seed_001_lot_4_s8_a_perpetrator_service_asks_every_case_its_questions(personas):
    contract = profile_contract("leicester-perpetrator-2012", personas.organisation)
    case = CaseFactory(contract=contract, team=personas.team, allocated_to=personas.caseworker)
    assert _keys(case) == [PERPETRATOR]
