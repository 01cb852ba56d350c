"""share_check and share_record: the one way Haven records a share (issue 15 item 2;
reference.md s7: consent, or an Art. 6 basis with an Art. 9 / DPA 2018 Sch. 1 condition)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from haven.consent.models import Consent, Share
from haven.consent.services import (
    agreement_add,
    consent_withdraw,
    share_check,
    share_record,
    share_record_once,
)
from haven.core.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def share(team_case, personas):
    def make(**overrides):
        fields = {
            "person": team_case.person,
            "case": team_case,
            "recipient": "Synthetic Housing Options",
            "purpose": "Housing support",
            "kind": "onward_referral",
            "basis": "consent",
            "shared_by": personas.caseworker,
        } | overrides
        return share_record(**fields)

    return make


def test_a_current_consent_covers_its_agency_and_is_recorded_as_relied_on(consent_to, share):
    consent = consent_to()
    assert share_check(person=consent.person, recipient="synthetic housing options").covered
    made = share()
    assert made.consent == consent
    assert made.basis == "consent"
    assert made.reason == ""
    event = AuditEvent.objects.get(object_id=str(made.pk))
    assert event.changes["consent"] == [None, str(consent.pk)]


def test_a_consent_with_a_purpose_covers_only_that_purpose(consent_to, person):
    consent_to()
    assert not share_check(
        person=person, recipient="Synthetic Housing Options", purpose="MARAC"
    ).covered


def test_reference_s7_a_share_without_consent_and_without_a_basis_and_reason_is_refused(share):
    with pytest.raises(ValidationError) as refused:
        share()
    assert "No current consent" in refused.value.message_dict["basis"][0]
    with pytest.raises(ValidationError) as refused:
        share(basis="safeguarding", reason=" ")
    assert "reason" in refused.value.message_dict
    assert not Share.objects.exists()


def test_reference_s7_safeguarding_sch1_para18_without_consent_with_the_reason(share):
    made = share(basis="safeguarding", reason="Synthetic: a child at risk of significant harm")
    assert (made.basis, made.consent, made.get_basis_display()) == (
        "safeguarding",
        None,
        "Safeguarding (DPA 2018 Sch 1 para 18)",
    )


def test_a_withdrawn_consent_covers_nothing_after_its_withdrawal(consent_to, share, personas):
    consent = consent_to()
    consent_withdraw(
        consent=consent,
        withdrawn_by=personas.caseworker,
        withdrawn_on=timezone.localdate(),
        reason="Synthetic reason",
    )
    with pytest.raises(ValidationError) as refused:
        share()
    assert "withdrawn" in refused.value.message_dict["basis"][0]
    with pytest.raises(ValidationError):
        share(consent=consent)


def test_consent_given_for_this_share_is_recorded_as_a_consent(share, person):
    made = share(consent_given_now=True, recipient="Synthetic MARAC", purpose="MARAC referral")
    assert made.consent.how_given == "with_share"
    assert (made.consent.recipient, made.consent.purpose) == ("Synthetic MARAC", "MARAC referral")
    assert Consent.objects.filter(person=person).count() == 1


def test_a_share_points_at_its_source_and_the_agreement_with_the_recipient(
    share, consent_to, personas, team_case
):
    agreement = agreement_add(
        organisation=personas.organisation,
        recorded_by=personas.service_manager,
        partner="Synthetic Housing Options",
        purpose="Housing referrals",
        art6_basis="e_public_task",
        art9_condition="sch1_18",
        signed_on=timezone.localdate() - dt.timedelta(days=100),
        review_on=timezone.localdate() + dt.timedelta(days=200),
        status="active",
    )
    consent_to()
    made = share(source=team_case)
    assert (made.source_app, made.source_model, made.source_id) == (
        "casework",
        "case",
        str(team_case.pk),
    )
    assert made.agreement == agreement
    assert made.organisation == personas.organisation


def test_share_record_once_does_not_record_the_same_share_twice(team_case, personas):
    fields = {
        "person": team_case.person,
        "organisation": personas.organisation,
        "recipient": "Synthetic Police",
        "purpose": "Referral status: Accepted",
        "kind": "partner_status",
        "basis": "public_task",
        "reason": "Synthetic reason",
        "shared_by": None,
        "source": team_case,
    }
    first = share_record_once(**fields)
    assert share_record_once(**fields) == first
    assert Share.objects.count() == 1


def test_the_database_refuses_a_share_without_consent_or_reason(team_case, personas):
    with pytest.raises(IntegrityError), transaction.atomic():
        Share.objects.create(
            organisation=personas.organisation,
            person=team_case.person,
            kind="other",
            recipient="X",
            purpose="Y",
            basis="safeguarding",
            reason="",
            shared_at=timezone.now(),
        )
