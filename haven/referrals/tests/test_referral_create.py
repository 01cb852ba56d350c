"""Creating a referral: eligibility decided, declined ones kept, repeats flagged, imports idempotent."""

import datetime as dt

import pytest
from django.utils import timezone

from haven.core.models import AuditAction, AuditEvent
from haven.referrals.models import Decision, Referral
from haven.referrals.services import referral_create
from haven.testing.casework import CaseworkPersonFactory

pytestmark = pytest.mark.django_db


def create(contract, person, user, **kwargs):
    values = {
        "route": "partner_agency",
        "received_at": timezone.now(),
        "consent_to_contact": True,
        "contact_method": "mobile_phone",
        "primary_support_need": "da",
    } | kwargs
    return referral_create(contract=contract, person=person, entered_by=user, **values)


@pytest.fixture
def vf(contract_for):
    return contract_for("victim-first-2018")


def test_an_eligible_referral_waits_for_a_decision(vf, personas):
    person = CaseworkPersonFactory(organisation=personas.organisation, local_authority="Leicester")
    referral = create(vf, person, personas.caseworker)
    assert referral.decision == Decision.PENDING
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_id=str(referral.pk)).exists()


def test_an_ineligible_referral_is_declined_and_kept_with_its_reason(vf, personas):
    # seed 002 s3.1: victims living in Leicester, Leicestershire and Rutland
    person = CaseworkPersonFactory(organisation=personas.organisation, local_authority="Wokingham")
    referral = create(vf, person, personas.caseworker)
    assert Referral.objects.filter(pk=referral.pk, decision=Decision.DECLINED).exists()
    assert "Wokingham is not covered" in referral.decision_reason
    assert "seed 002 s3.1" in referral.decision_reason
    assert referral.decline_category == "outside_area"  # seed 004 s10 A3: counted by category


def test_a_referral_within_12_months_of_the_last_is_a_repeat(vf, personas):
    # seed 004 s10 A2 (SafeLives): repeat referral = referred within the previous 12 months
    person = CaseworkPersonFactory(organisation=personas.organisation)
    first = create(
        vf, person, personas.caseworker, received_at=timezone.now() - dt.timedelta(days=300)
    )
    second = create(vf, person, personas.caseworker)
    assert not first.is_repeat
    assert second.is_repeat


def test_a_referral_more_than_12_months_after_the_last_is_not_a_repeat(vf, personas):
    person = CaseworkPersonFactory(organisation=personas.organisation)
    create(vf, person, personas.caseworker, received_at=timezone.now() - dt.timedelta(days=400))
    assert not create(vf, person, personas.caseworker).is_repeat


def test_the_same_source_and_external_id_returns_the_existing_referral(vf, personas):
    person = CaseworkPersonFactory(organisation=personas.organisation)
    first = create(vf, person, None, source="police_workbook", external_id="INC-1")
    again = create(vf, person, None, source="police_workbook", external_id="INC-1")
    assert first.pk == again.pk
    assert Referral.objects.count() == 1


def test_manual_referrals_without_an_external_id_do_not_clash(vf, personas):
    person = CaseworkPersonFactory(organisation=personas.organisation)
    create(vf, person, personas.caseworker)
    create(vf, person, personas.caseworker)
    assert Referral.objects.count() == 2


def test_a_route_the_profile_does_not_list_is_refused_seed_002_lot_2_s3_1(contract_for, personas):
    """seed 002 Lot 2 s1, s3.1, s8: target hardening takes referrals only from Victim First and
    the SV/DV service; any other route is refused with the routes it does take."""
    from django.core.exceptions import ValidationError

    contract = contract_for("target-hardening-2018")
    person = CaseworkPersonFactory(organisation=personas.organisation, local_authority="Leicester")
    with pytest.raises(ValidationError) as refused:
        create(contract, person, personas.caseworker, route="self_referral")
    message = refused.value.message_dict["route"][0]
    assert "does not take referrals by this route" in message
    assert "Victim First" in message
    assert not Referral.objects.exists()
    referral = create(contract, person, personas.caseworker, route="emergency_phone")
    assert referral.route == "emergency_phone"
