"""consent_record and consent_withdraw (issue 15 item 1; seed 004 s11.1)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from haven.consent.models import Consent
from haven.consent.selectors import consents_of, has_confidentiality_agreement
from haven.consent.services import consent_withdraw
from haven.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_seed_004_s11_1_the_confidentiality_agreement_signed_at_intake(consent_to, person):
    consent = consent_to(kind="confidentiality", recipient="", purpose="", how_given="signed_form")
    assert (consent.kind, consent.how_given, consent.recipient) == (
        "confidentiality",
        "signed_form",
        "",
    )
    assert has_confidentiality_agreement(person)
    assert AuditEvent.objects.filter(object_id=str(consent.pk), action="create").exists()


def test_consent_to_share_names_the_agency_and_the_purpose(consent_to):
    with pytest.raises(ValidationError) as refused:
        consent_to(recipient=" ", purpose="")
    assert set(refused.value.message_dict) == {"recipient", "purpose"}


def test_a_consent_cannot_be_given_in_the_future_or_how_unknown(consent_to):
    with pytest.raises(ValidationError) as refused:
        consent_to(given_on=timezone.localdate() + dt.timedelta(days=1), how_given="telepathy")
    assert set(refused.value.message_dict) == {"given_on", "how_given"}


def test_the_same_current_consent_is_not_recorded_twice(consent_to):
    consent_to()
    with pytest.raises(ValidationError) as refused:
        consent_to(recipient="synthetic housing options ", purpose="HOUSING SUPPORT")
    assert "withdraw it before" in refused.value.message_dict["kind"][0]
    consent_to(recipient="Synthetic Police")  # another agency is another consent


def test_withdrawal_keeps_the_history_and_a_new_consent_is_a_new_row(consent_to, person, personas):
    first = consent_to(kind="support", recipient="", purpose="")
    withdrawn = consent_withdraw(
        consent=first,
        withdrawn_by=personas.teammate,
        withdrawn_on=timezone.localdate(),
        reason="Synthetic: no longer wants support",
    )
    assert (withdrawn.withdrawn_by, withdrawn.withdrawn_reason) == (
        personas.teammate,
        "Synthetic: no longer wants support",
    )
    again = consent_to(kind="support", recipient="", purpose="", given_on=timezone.localdate())
    assert again.pk != first.pk
    assert Consent.objects.filter(person=person, kind="support").count() == 2
    listed = consents_of(person)
    assert [c.pk for c in listed.current] == [again.pk]
    assert [c.pk for c in listed.withdrawn] == [first.pk]
    assert AuditEvent.objects.filter(object_id=str(first.pk), action="update").exists()


def test_a_withdrawal_needs_a_reason_a_date_not_before_the_consent_and_happens_once(
    consent_to, personas
):
    consent = consent_to()
    with pytest.raises(ValidationError) as refused:
        consent_withdraw(
            consent=consent,
            withdrawn_by=personas.caseworker,
            withdrawn_on=consent.given_on - dt.timedelta(days=1),
            reason="  ",
        )
    assert set(refused.value.message_dict) == {"withdrawn_on", "reason"}
    consent.refresh_from_db()
    assert consent.withdrawn_on is None  # nothing half-saved
    consent_withdraw(
        consent=consent,
        withdrawn_by=personas.caseworker,
        withdrawn_on=timezone.localdate(),
        reason="Synthetic reason",
    )
    with pytest.raises(ValidationError):
        consent_withdraw(
            consent=consent,
            withdrawn_by=personas.caseworker,
            withdrawn_on=timezone.localdate(),
            reason="Again",
        )
