"""The subject access services: each rule of reference.md s7 refused or recorded, every step
audited, nothing half-saved."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from haven.core.models import AuditAction, AuditEvent
from haven.subjectaccess import bundle as bundles
from haven.subjectaccess import services
from haven.subjectaccess.models import (
    ClockStop,
    IdentityStatus,
    ItemDecision,
    SarBundle,
    SarState,
    SubjectAccessRequest,
)
from haven.subjectaccess.tests.conftest import (
    CHILD_GIVEN,
    HARMER_FAMILY,
    HARMER_GIVEN,
    gathered_sar,
    new_sar,
    verified_sar,
)

pytestmark = pytest.mark.django_db


def _events(sar):
    return list(
        AuditEvent.objects.for_object("subjectaccess.subjectaccessrequest", str(sar.pk)).order_by(
            "id"
        )
    )


def _dpo(world):
    return world.personas.data_protection_officer


def test_a_request_is_logged_and_audited(world):
    sar = new_sar(world)
    assert sar.state == SarState.RECEIVED
    assert sar.organisation == world.person.organisation
    (event,) = _events(sar)
    assert event.action == AuditAction.CREATE
    assert event.changes["person"] == str(world.person.pk)


def test_a_request_cannot_be_received_in_the_future(world):
    with pytest.raises(ValidationError) as refused:
        new_sar(world, received_on=timezone.localdate() + dt.timedelta(days=1))
    assert "received_on" in refused.value.error_dict
    assert not SubjectAccessRequest.objects.exists()


def test_a_representative_needs_their_written_authority_recorded(world):
    with pytest.raises(ValidationError) as refused:
        services.sar_create(
            person=world.person,
            received_on=timezone.localdate(),
            received_how="letter",
            requester="representative",
            representative_name="A Solicitor, Synthetic LLP",
            created_by=_dpo(world),
        )
    assert "representative_authority" in refused.value.error_dict
    sar = services.sar_create(
        person=world.person,
        received_on=timezone.localdate(),
        received_how="letter",
        requester="representative",
        representative_name="A Solicitor, Synthetic LLP",
        representative_authority="Signed letter of authority, kept on file",
        created_by=_dpo(world),
    )
    assert sar.representative_authority


def test_verifying_identity_records_date_how_and_who_and_ends_the_id_stop(world):
    """reference.md s7: the month runs from receipt of the requested ID (the stop ends)."""
    sar = new_sar(world)
    services.sar_clock_stop(
        sar=sar,
        reason="awaiting_id",
        started_on=sar.received_on,
        note="Asked for photo ID",
        stopped_by=_dpo(world),
    )
    sar.refresh_from_db()
    assert sar.state == SarState.AWAITING
    verified_on = sar.received_on + dt.timedelta(days=2)
    services.sar_verify_identity(
        sar=sar, verified_on=verified_on, method="Passport seen", verified_by=_dpo(world)
    )
    sar.refresh_from_db()
    assert sar.identity_status == IdentityStatus.VERIFIED
    assert sar.identity_verified_by == _dpo(world)
    assert sar.state == SarState.RECEIVED
    stop = sar.stops.get()
    assert stop.ended_on == verified_on


def test_reference_md_s7_clock_stop_needs_a_reason_and_cannot_overlap(world):
    sar = new_sar(world)
    with pytest.raises(ValidationError):
        services.sar_clock_stop(
            sar=sar, reason="bored", started_on=sar.received_on, note="", stopped_by=_dpo(world)
        )
    services.sar_clock_stop(
        sar=sar,
        reason="awaiting_clarification",
        started_on=sar.received_on,
        note="",
        stopped_by=_dpo(world),
    )
    with pytest.raises(ValidationError, match="already stopped"):
        services.sar_clock_stop(
            sar=sar,
            reason="awaiting_id",
            started_on=sar.received_on,
            note="",
            stopped_by=_dpo(world),
        )
    with pytest.raises(ValidationError, match="before it stopped"):
        services.sar_clock_restart(
            sar=sar, ended_on=sar.received_on - dt.timedelta(days=1), restarted_by=_dpo(world)
        )
    services.sar_clock_restart(sar=sar, ended_on=timezone.localdate(), restarted_by=_dpo(world))
    assert ClockStop.objects.get(sar=sar).ended_on == timezone.localdate()
    reasons = [event.reason for event in _events(sar)]
    assert "clock stopped" in reasons
    assert "clock restarted" in reasons


def test_reference_md_s7_extension_needs_a_reason_and_telling_within_the_first_month(world):
    sar = new_sar(world, received_on=timezone.localdate() - dt.timedelta(days=50))
    with pytest.raises(ValidationError) as refused:
        services.sar_extend(sar=sar, reason="", told_on=sar.received_on, extended_by=_dpo(world))
    assert "reason" in refused.value.error_dict
    with pytest.raises(ValidationError) as late:
        services.sar_extend(
            sar=sar,
            reason="Complex: records across three cases",
            told_on=timezone.localdate(),  # 50 days after receipt: after the first month
            extended_by=_dpo(world),
        )
    assert "within the first month" in late.value.error_dict["told_on"][0].message
    services.sar_extend(
        sar=sar,
        reason="Complex: records across three cases",
        told_on=sar.received_on + dt.timedelta(days=20),
        extended_by=_dpo(world),
    )
    sar.refresh_from_db()
    assert sar.extended
    assert sar.extension_reason.startswith("Complex")
    assert _events(sar)[-1].reason == "Complex: records across three cases"


def test_gathering_needs_verified_identity(world):
    sar = new_sar(world)
    with pytest.raises(ValidationError, match="identity"):
        services.sar_gather(sar=sar, gathered_by=_dpo(world))
    assert not sar.items.exists()


def test_gathering_is_audited_with_what_the_search_covered(world):
    """reference.md s7 (DUAA Art. 15(1A)): reasonable and proportionate, the coverage recorded."""
    sar = gathered_sar(world)
    assert sar.state == SarState.REVIEW
    event = _events(sar)[-1]
    assert event.action == AuditAction.SEARCH
    assert event.changes["coverage"]["Case note"] == 2
    assert sar.coverage["Case note version"] == 1


def test_a_redaction_or_withholding_needs_a_reason_and_real_fields(world):
    sar = gathered_sar(world)
    item = _note_item(sar, HARMER_GIVEN)
    with pytest.raises(ValidationError) as no_reason:
        services.sar_item_review(
            item=item,
            decision="redact",
            redacted_fields=["text"],
            redact_names=False,
            reason="",
            reviewed_by=_dpo(world),
        )
    assert "reason" in no_reason.value.error_dict
    with pytest.raises(ValidationError):
        services.sar_item_review(
            item=item,
            decision="redact",
            redacted_fields=["no_such_field"],
            redact_names=False,
            reason="Third party",
            reviewed_by=_dpo(world),
        )
    with pytest.raises(ValidationError):
        services.sar_item_review(
            item=item,
            decision="redact",
            redacted_fields=[],
            redact_names=False,
            reason="Third party",
            reviewed_by=_dpo(world),
        )
    item.refresh_from_db()
    assert item.decision == ItemDecision.PENDING


def test_items_naming_a_person_causing_harm_or_another_person_are_flagged(world):
    sar = gathered_sar(world)
    note = _note_item(sar, HARMER_GIVEN)
    assert "mentions a person causing harm by name" in note.flags
    assert "mentions another person by name" in note.flags
    plain = _note_item(sar, "housing options")
    assert plain.flags == []


def test_releasing_unflagged_items_leaves_the_flagged_ones_for_one_by_one_review(world):
    sar = gathered_sar(world)
    released = services.sar_release_unflagged(sar=sar, reviewed_by=_dpo(world))
    assert released == sar.items.filter(flags=[]).count()
    pending = sar.items.filter(decision=ItemDecision.PENDING)
    assert pending.exists()
    assert all(item.flags for item in pending)


def test_nothing_is_released_unreviewed(world):
    sar = gathered_sar(world)
    services.sar_release_unflagged(sar=sar, reviewed_by=_dpo(world))
    with pytest.raises(ValidationError, match="not reviewed"):
        services.sar_bundle_produce(sar=sar, produced_by=_dpo(world))
    sar.refresh_from_db()
    assert sar.state == SarState.REVIEW
    assert not SarBundle.objects.filter(sar=sar).exists()


def _review_all(world, sar):
    services.sar_release_unflagged(sar=sar, reviewed_by=_dpo(world))
    for item in sar.items.filter(decision=ItemDecision.PENDING):
        if item.record_type == "people.householdlink":
            services.sar_item_review(
                item=item,
                decision="withhold",
                redacted_fields=[],
                redact_names=False,
                reason="About the child; they may make their own request",
                reviewed_by=_dpo(world),
            )
        elif item.record_type == "people.harmlink":
            services.sar_item_review(
                item=item,
                decision="redact",
                redacted_fields=["harmer"],
                redact_names=True,
                reason="Third party: the person causing harm",
                reviewed_by=_dpo(world),
            )
        else:
            services.sar_item_review(
                item=item,
                decision="redact",
                redacted_fields=[],
                redact_names=True,
                reason="Third parties' names",
                reviewed_by=_dpo(world),
            )


def test_the_bundle_never_contains_redacted_text(world):
    sar = gathered_sar(world)
    _review_all(world, sar)
    made = services.sar_bundle_produce(sar=sar, produced_by=_dpo(world))
    data = bytes(made.json).decode()
    content = json.loads(data)
    for secret in (HARMER_GIVEN, HARMER_FAMILY, CHILD_GIVEN):
        assert secret not in data
    html = bundles.bundle_html(sar, content)
    for secret in (HARMER_GIVEN, HARMER_FAMILY, CHILD_GIVEN):
        assert secret not in html
    assert "[name removed] came to the door again" in data
    assert bytes(made.pdf).startswith(b"%PDF")
    assert made.items_withheld == 1
    sar.refresh_from_db()
    assert sar.state == SarState.READY
    assert content["reference_code"] == world.person.reference_code
    assert content["search"]["covered"]["Case note"] == 2
    assert _events(sar)[-1].changes["json_sha256"] == made.json_sha256


def test_staff_names_are_not_in_the_bundle_by_default(world):
    sar = gathered_sar(world)
    _review_all(world, sar)
    made = services.sar_bundle_produce(sar=sar, produced_by=_dpo(world))
    data = bytes(made.json).decode()
    caseworker = world.personas.caseworker
    assert caseworker.email not in data
    assert "A member of staff" in data


def test_marking_sent_closes_the_request(world):
    sar = gathered_sar(world)
    with pytest.raises(ValidationError):
        services.sar_mark_sent(
            sar=sar, sent_on=timezone.localdate(), sent_how="Secure email", sent_by=_dpo(world)
        )
    _review_all(world, sar)
    services.sar_bundle_produce(sar=sar, produced_by=_dpo(world))
    services.sar_mark_sent(
        sar=sar, sent_on=timezone.localdate(), sent_how="Secure email", sent_by=_dpo(world)
    )
    sar.refresh_from_db()
    assert sar.state == SarState.SENT
    assert sar.closed_on == timezone.localdate()
    with pytest.raises(ValidationError, match="closed"):
        services.sar_withdraw(
            sar=sar, withdrawn_on=timezone.localdate(), note="", withdrawn_by=_dpo(world)
        )


def test_reference_md_s7_a_refusal_gives_reasons_and_the_rights_to_complain(world):
    """DUAA 2025: reasons, and the right to complain to the controller, the ICO and the courts."""
    sar = verified_sar(world)
    with pytest.raises(ValidationError) as no_reasons:
        services.sar_refuse(
            sar=sar,
            refused_on=timezone.localdate(),
            reasons="",
            rights_explained=True,
            refused_by=_dpo(world),
        )
    assert "reasons" in no_reasons.value.error_dict
    with pytest.raises(ValidationError) as no_rights:
        services.sar_refuse(
            sar=sar,
            refused_on=timezone.localdate(),
            reasons="Manifestly unfounded",
            rights_explained=False,
            refused_by=_dpo(world),
        )
    assert "rights_explained" in no_rights.value.error_dict
    services.sar_refuse(
        sar=sar,
        refused_on=timezone.localdate(),
        reasons="Manifestly unfounded",
        rights_explained=True,
        refused_by=_dpo(world),
    )
    sar.refresh_from_db()
    assert sar.state == SarState.REFUSED
    assert "ICO" in services.REFUSAL_RIGHTS
    assert "court" in services.REFUSAL_RIGHTS
    assert "Information Commissioner" in services.REFUSAL_RIGHTS
    assert _events(sar)[-1].changes["rights_explained"] is True


def test_a_withdrawal_is_recorded(world):
    sar = new_sar(world)
    services.sar_withdraw(
        sar=sar, withdrawn_on=timezone.localdate(), note="By phone", withdrawn_by=_dpo(world)
    )
    sar.refresh_from_db()
    assert sar.state == SarState.WITHDRAWN
    assert sar.withdrawal_note == "By phone"


def _column(table: str, column: str, pk) -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        key = pk.hex if connection.vendor == "sqlite" else pk
        cursor.execute(f"SELECT {column} FROM {table} WHERE id = %s", [key])  # noqa: S608
        return str(cursor.fetchone()[0])


def test_the_copies_a_request_holds_are_encrypted_at_rest(world):
    """ADR 0019: the items gathered and the released bundle hold the person's records, so they
    are ciphertext in the database like the records; the pages and downloads get the plaintext."""
    sar = gathered_sar(world)
    item = next(i for i in sar.items.all() if HARMER_FAMILY in json.dumps(i.fields))
    assert item.third_party_names
    for column in ("label", "fields", "third_party_names"):
        stored = _column("subjectaccess_saritem", column, item.pk)
        assert "hv1:" in stored
        assert HARMER_FAMILY not in stored
    _review_all(world, sar)
    made = services.sar_bundle_produce(sar=sar, produced_by=_dpo(world))
    for column in ("pdf", "json"):
        stored = _column("subjectaccess_sarbundle", column, made.pk)
        assert stored.startswith("hv1:")
        assert world.person.reference_code not in stored
    fresh = SarBundle.objects.get(pk=made.pk)
    assert fresh.pdf.startswith(b"%PDF")
    assert json.loads(fresh.json)["reference_code"] == world.person.reference_code
    assert hashlib.sha256(fresh.json).hexdigest() == made.json_sha256


def _note_item(sar, text: str):
    """The one case-note item whose fields hold the text (fields are encrypted: no SQL search)."""
    (found,) = [
        i
        for i in sar.items.filter(record_type="casework.casenote")
        if text.lower() in json.dumps(i.fields).lower()
    ]
    return found
