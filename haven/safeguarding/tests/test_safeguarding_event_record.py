"""`safeguarding_event_record`: referrals, submissions and meetings (seed 004 s10 SC1, SC5-SC8;
seed 001 Lot 1 s8 CAFs and multi-agency meetings), audited, on the timeline."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from haven.casework.models import CaseEvent
from haven.core.models import AuditEvent
from haven.safeguarding.models import SafeguardingEvent
from haven.safeguarding.services import safeguarding_event_change, safeguarding_event_record
from haven.testing.people import ChildFactory

pytestmark = pytest.mark.django_db


def _record(case, personas, **fields):
    # a referral says whether the person consents (issue 15 item 2: the share register)
    fields = {
        "kind": "referral_maru",
        "occurred_on": timezone.localdate(),
        "share_consent": True,
    } | fields
    return safeguarding_event_record(case=case, recorded_by=personas.caseworker, **fields)


def test_a_referral_to_the_maru_about_a_child(supported_case, child, personas):
    event = _record(supported_case, personas, child=child)
    assert (event.kind, event.child, event.attended) == ("referral_maru", child, None)
    timeline = CaseEvent.objects.get(case=supported_case, kind="safeguarding_event")
    assert timeline.summary == "Referral to the MARU (multi-agency referral unit)"
    assert AuditEvent.objects.filter(object_id=str(event.pk), action="create").exists()


def test_a_conference_says_whether_it_was_attended(supported_case, child, personas):
    # seed 004 s10 SC5: "child protection conferences attended"
    event = _record(supported_case, personas, kind="cp_conference", child=child, attended=True)
    assert event.is_meeting
    assert CaseEvent.objects.get(kind="safeguarding_event").summary.endswith("(attended)")
    with pytest.raises(ValidationError) as refused:
        _record(supported_case, personas, kind="tac_meeting", child=child)
    assert "attended" in refused.value.message_dict


def test_only_a_meeting_is_attended(supported_case, personas):
    with pytest.raises(ValidationError) as refused:
        _record(supported_case, personas, kind="caf_submitted", attended=True)
    assert refused.value.message_dict["attended"] == ["Only a meeting is attended"]


def test_a_family_identified_for_together_for_families_names_no_child(
    supported_case, child, personas
):
    # seed 004 s10 SC8 counts families
    with pytest.raises(ValidationError) as refused:
        _record(supported_case, personas, kind="tff_identified", child=child)
    assert "child" in refused.value.message_dict
    assert _record(supported_case, personas, kind="tff_identified").child is None


def test_a_future_date_an_unknown_kind_and_a_stranger_are_refused(supported_case, personas):
    with pytest.raises(ValidationError) as refused:
        _record(
            supported_case,
            personas,
            kind="tea_party",
            occurred_on=timezone.localdate() + dt.timedelta(days=1),
        )
    assert set(refused.value.message_dict) == {"kind", "occurred_on"}
    stranger = ChildFactory(organisation=supported_case.person.organisation)
    with pytest.raises(ValidationError, match="household"):
        _record(supported_case, personas, child=stranger)
    assert not SafeguardingEvent.objects.exists()


def test_a_conference_is_corrected_to_attended(conference, personas):
    # seed 004 s10 SC5 counts conferences attended: a wrong "no" is corrected in place
    safeguarding_event_change(
        event=conference,
        recorded_by=personas.teammate,
        occurred_on=conference.occurred_on,
        attended=True,
        notes="Attended by phone",
    )
    conference.refresh_from_db()
    assert (conference.attended, conference.notes) == (True, "Attended by phone")
    update = AuditEvent.objects.get(object_id=str(conference.pk), action="update")
    assert update.changes == {"attended": [False, True]}
    with pytest.raises(ValidationError) as refused:
        safeguarding_event_change(
            event=conference,
            recorded_by=personas.caseworker,
            occurred_on=timezone.localdate(),
            attended=None,
        )
    assert "attended" in refused.value.message_dict


def test_issue_15_a_referral_says_whether_the_person_consents(supported_case, personas):
    from haven.consent.models import Share

    with pytest.raises(ValidationError) as refused:
        _record(supported_case, personas, share_consent=None)
    assert "share_consent" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        _record(supported_case, personas, share_consent=False, share_reason="")
    assert "share_reason" in refused.value.message_dict
    assert not Share.objects.exists()


def test_reference_s7_a_referral_without_consent_is_a_share_on_the_safeguarding_condition(
    supported_case, personas
):
    from haven.consent.models import Share

    event = _record(
        supported_case,
        personas,
        kind="referral_childrens_social_care",
        share_consent=False,
        share_reason="Synthetic: a child at risk of significant harm",
    )
    share = Share.objects.get()
    assert (share.kind, share.basis, share.recipient, share.source_id) == (
        "safeguarding_referral",
        "safeguarding",
        "Children's social care",
        str(event.pk),
    )


def test_a_meeting_is_not_a_share(supported_case, personas):
    from haven.consent.models import Share

    _record(supported_case, personas, kind="tac_meeting", attended=True, share_consent=None)
    assert not Share.objects.exists()
