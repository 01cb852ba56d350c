"""`casework.facts`: the rows returns count, for a contract and a half-open window, every case
of the contract (unscoped: aggregate returns only)."""

import datetime as dt

import pytest
from django.utils import timezone

from haven.casework.facts import (
    exit_interviews_for_contract,
    needs_assessments_for_contract,
    onward_referrals_for_contract,
)
from haven.casework.models import ExitInterview, NeedsAssessment, OnwardReferral
from haven.testing.casework import CaseFactory
from haven.testing.factories import ContractFactory

pytestmark = pytest.mark.django_db
START = timezone.now().replace(microsecond=0) - dt.timedelta(days=30)
END = START + dt.timedelta(days=10)


@pytest.fixture
def cases(personas):
    mine = CaseFactory(contract=personas.contract, team=personas.team, is_restricted=True)
    other = CaseFactory(contract=ContractFactory(provider=personas.organisation))
    return mine, other


def rows(model, case, moment_field, moments, **fields):
    made = []
    for moment in moments:
        values = {moment_field: moment, "recorded_at": moment, **fields}
        made.append(model.objects.create(case=case, **values))
    return made


def test_exit_interviews_in_the_window_of_the_contract_only(cases, personas):
    mine, other = cases
    inside, _before, _at_end = rows(
        ExitInterview,
        mine,
        "held_at",
        [START, START - dt.timedelta(seconds=1), END],
        method="phone",
        outcome="held",
    )
    rows(ExitInterview, other, "held_at", [START], method="phone", outcome="held")
    found = exit_interviews_for_contract(personas.contract, START, END)
    assert list(found) == [inside]  # a restricted case is counted too


def test_onward_referrals_in_the_window_by_type(cases, personas):
    mine, other = cases
    fields = {"agency": "Synthetic Housing", "agency_type": "housing", "consent": True}
    made = rows(OnwardReferral, mine, "made_at", [START, END - dt.timedelta(seconds=1)], **fields)
    rows(OnwardReferral, other, "made_at", [START], **fields)
    found = onward_referrals_for_contract(personas.contract, START, END)
    assert set(found) == set(made)
    # the models order by date: clear it before grouping (values().annotate(), distinct())
    assert list(found.order_by().values_list("agency_type", flat=True).distinct()) == ["housing"]


def test_needs_assessments_in_the_window_of_one_stage(cases, personas):
    mine, _ = cases
    (initial,) = rows(NeedsAssessment, mine, "assessed_at", [START], stage="initial")
    (exit_stage,) = rows(NeedsAssessment, mine, "assessed_at", [START], stage="exit")
    found = needs_assessments_for_contract(personas.contract, START, END)
    assert set(found) == {initial, exit_stage}
    only_exit = needs_assessments_for_contract(personas.contract, START, END, stage="exit")
    assert list(only_exit) == [exit_stage]
