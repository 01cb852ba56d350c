"""return_sign_off freezes a return (seed 004 s11.1; issue 10 s2)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import pytest

from haven.core.models import AuditAction, AuditEvent
from haven.reporting.models import ReturnSnapshot, ReturnStatus
from haven.reporting.periods import parse_period
from haven.reporting.services import ReturnRefusedError, return_sign_off
from haven.reporting.tests.signoff_world import build_signoff_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(personas):
    return build_signoff_world(personas)


def _value(figures, measure_id):
    return next(m for m in figures["measures"] if m["id"] == measure_id)["value"]


def test_it_freezes_the_figures_as_they_are_at_sign_off(world):
    snapshot = return_sign_off(
        contract=world.contract, period=world.period, signed_off_by=world.personas.service_manager
    )
    assert (snapshot.status, snapshot.version) == (ReturnStatus.SIGNED_OFF, 1)
    assert _value(snapshot.figures, "demand_referrals") == 7  # seven referrals in May 2026

    world.add_referral()
    snapshot.refresh_from_db()
    assert _value(snapshot.figures, "demand_referrals") == 7
    assert _value(json.loads(snapshot.export_bytes()), "demand_referrals") == 7


def test_the_sha256_is_of_the_stored_export_bytes(world):
    snapshot = return_sign_off(
        contract=world.contract, period=world.period, signed_off_by=world.personas.service_manager
    )
    snapshot = ReturnSnapshot.objects.get(pk=snapshot.pk)
    assert hashlib.sha256(snapshot.export_bytes()).hexdigest() == snapshot.export_sha256
    assert json.loads(snapshot.export_bytes())["period"]["code"] == "2026-Q1"


def test_it_keeps_the_records_behind_each_measure(world):
    snapshot = return_sign_off(
        contract=world.contract, period=world.period, signed_off_by=world.personas.service_manager
    )
    records = ReturnSnapshot.objects.get(pk=snapshot.pk).measure_records()
    assert records["demand_referrals"]["kind"] == "referral"
    assert set(records["demand_referrals"]["numerator"]) == {str(r.pk) for r in world.referrals}


def test_signing_off_again_makes_a_new_version_and_keeps_the_old(world):
    first = return_sign_off(
        contract=world.contract, period=world.period, signed_off_by=world.personas.service_manager
    )
    world.add_referral()
    second = return_sign_off(
        contract=world.contract, period=world.period, signed_off_by=world.personas.service_manager
    )
    assert (first.version, second.version) == (1, 2)
    assert _value(second.figures, "demand_referrals") == 8
    assert ReturnSnapshot.objects.filter(contract=world.contract).count() == 2


def test_exceptions_without_a_remedial_plan_are_refused(world):
    # seed 004 s11.1: "100% complete quarterly data with an exceptions report and remedial plan"
    with pytest.raises(ReturnRefusedError) as refused:
        return_sign_off(
            contract=world.contract,
            period=world.period,
            signed_off_by=world.personas.service_manager,
            exceptions=3,
        )
    assert "remedial_plan" in refused.value.problems
    assert not ReturnSnapshot.objects.exists()


def test_exceptions_with_a_remedial_plan_are_recorded(world):
    snapshot = return_sign_off(
        contract=world.contract,
        period=world.period,
        signed_off_by=world.personas.service_manager,
        exceptions=3,
        remedial_plan="  Workers complete ethnicity by 31 July.  ",
    )
    assert snapshot.exceptions_at_sign_off == 3
    assert snapshot.remedial_plan == "Workers complete ethnicity by 31 July."


def test_a_period_not_yet_ended_is_refused(world):
    with pytest.raises(ReturnRefusedError):
        return_sign_off(
            contract=world.contract,
            period=world.period,
            signed_off_by=world.personas.service_manager,
            now=dt.datetime(2026, 6, 30, 22, 59, tzinfo=dt.UTC),  # 23:59 BST on 30 June
        )


def test_the_period_can_be_signed_off_once_it_has_ended_in_uk_time(world):
    snapshot = return_sign_off(
        contract=world.contract,
        period=world.period,
        signed_off_by=world.personas.service_manager,
        now=dt.datetime(2026, 6, 30, 23, 0, tzinfo=dt.UTC),  # midnight BST
    )
    assert snapshot.version == 1


def test_a_range_is_refused(world):
    with pytest.raises(ReturnRefusedError):
        return_sign_off(
            contract=world.contract,
            period=parse_period("2026-05", "04-01").__class__(
                "range", "2026-05-01..2026-05-31", dt.date(2026, 5, 1), dt.date(2026, 5, 31)
            ),
            signed_off_by=world.personas.service_manager,
        )


@pytest.mark.parametrize("who", ["caseworker", "team_leader", "commissioner", "analyst"])
def test_only_a_service_manager_of_the_provider_signs_off(world, who):
    with pytest.raises(ReturnRefusedError):
        return_sign_off(
            contract=world.contract,
            period=world.period,
            signed_off_by=getattr(world.personas, who),
        )


def test_a_service_manager_of_another_provider_is_refused(world):
    from haven.testing.factories import MembershipFactory, UserFactory

    other = UserFactory()
    MembershipFactory(
        user=other, role="service_manager", organisation=world.personas.other_organisation
    )
    with pytest.raises(ReturnRefusedError):
        return_sign_off(contract=world.contract, period=world.period, signed_off_by=other)


def test_sign_off_is_audited(world):
    snapshot = return_sign_off(
        contract=world.contract, period=world.period, signed_off_by=world.personas.service_manager
    )
    event = AuditEvent.objects.get(object_id=str(snapshot.pk))
    assert event.action == AuditAction.CREATE
    assert event.actor == world.personas.service_manager
    assert event.changes["export_sha256"] == snapshot.export_sha256
