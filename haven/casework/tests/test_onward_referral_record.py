"""`onward_referral_record`: an OnwardReferral row with its agency type (returns: onward
referrals by type, agencies referred to), audited, with a timeline entry pointing at it; a
referral without the survivor's consent is refused (without it, none was made)."""

import pytest

from haven.casework.models import AgencyType, CaseEvent, OnwardReferral
from haven.casework.services import ExitStepRefusedError, onward_referral_record
from haven.casework.tests.exit_fixtures import a_moment_ago
from haven.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def record(case, personas, **fields):
    values = {
        "agency": "Synthetic Mental Health Triage",
        "agency_type": "mental_health",
        "consent": True,
        "made_at": a_moment_ago(),
    }
    return onward_referral_record(case=case, recorded_by=personas.caseworker, **(values | fields))


def test_it_records_the_referral_as_a_row_with_its_agency_type(referral_case, personas):
    at = a_moment_ago()
    referral = record(
        referral_case, personas, made_at=at, need=" mental health ", note="Referred by email"
    )
    referral.refresh_from_db()
    assert (referral.case, referral.made_at, referral.agency, referral.agency_type) == (
        referral_case,
        at,
        "Synthetic Mental Health Triage",
        AgencyType.MENTAL_HEALTH,
    )
    assert (referral.need, referral.consent, referral.note) == (
        "mental health",
        True,
        "Referred by email",
    )
    assert referral.recorded_by == personas.caseworker
    event = CaseEvent.objects.get(case=referral_case, kind="onward_referral")
    assert (event.object_type, event.object_id) == ("casework.onwardreferral", str(referral.pk))
    assert event.summary == "Onward referral made to Synthetic Mental Health Triage (mental health)"
    assert event.data == {"note": "Referred by email"}  # shown on the timeline, not counted


def test_its_audit_has_the_agency_and_type_but_not_the_note(referral_case, personas):
    referral = record(referral_case, personas, note="Synthetic private words")
    audit = AuditEvent.objects.get(object_id=str(referral.pk), action="create")
    assert audit.changes["agency_type"] == [None, "mental_health"]
    assert audit.changes["consent"] == [None, True]
    assert "note" not in audit.changes


def test_a_referral_without_consent_is_refused_and_nothing_is_saved(referral_case, personas):
    before = (CaseEvent.objects.count(), AuditEvent.objects.count())
    with pytest.raises(ExitStepRefusedError) as refused:
        record(referral_case, personas, consent=False)
    assert refused.value.field == "consent"
    assert "did not consent" in str(refused.value)
    assert (CaseEvent.objects.count(), AuditEvent.objects.count()) == before
    assert not OnwardReferral.objects.exists()


@pytest.mark.parametrize("agency_type", ["", "marac", "Housing"])
def test_an_agency_type_not_on_the_list_is_refused(referral_case, personas, agency_type):
    with pytest.raises(ExitStepRefusedError) as refused:
        record(referral_case, personas, agency_type=agency_type)
    assert refused.value.field == "agency_type"
    assert not OnwardReferral.objects.exists()


def test_marac_is_not_an_onward_referral_type():
    # a MARAC referral is the risk app's duty, counted there, never an onward referral
    assert "marac" not in AgencyType.values


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"agency": "  "}, "agency"),
        ({"agency": "x" * 201}, "agency"),
        ({"need": "x" * 201}, "need"),
        ({"note": "x" * 1001}, "note"),
    ],
)
def test_an_empty_or_too_long_field_is_refused(referral_case, personas, fields, field):
    with pytest.raises(ExitStepRefusedError) as refused:
        record(referral_case, personas, **fields)
    assert refused.value.field == field
    assert not OnwardReferral.objects.exists()
