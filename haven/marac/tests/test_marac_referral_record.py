"""`marac_referral_record`: the referral with reference.md s2's fields, repeat flagged by itself
(reference.md s1.4), the worklist's MARAC referral task done; refused before anything is saved."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from haven.casework.models import CaseEvent, Task
from haven.core.models import AuditEvent
from haven.marac.models import MaracArea, MaracReferral
from haven.marac.services import incident_record

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def test_it_records_the_referral_with_its_review_date_and_a_timeline_entry(
    personas, supported_case, refer
):
    referral = refer(supported_case)
    referral.refresh_from_db()
    assert referral.criteria == ["visible_high_risk"]
    assert referral.is_repeat is False
    assert referral.review_on == referral.referred_on + dt.timedelta(days=365)  # reference.md s2
    event = CaseEvent.objects.get(case=supported_case, kind="marac_referral")
    assert event.summary == "Referred to Synthetic City MARAC"
    audit = AuditEvent.objects.get(object_id=str(referral.pk), action="create")
    assert audit.changes["is_repeat"] == [None, False]
    assert "research_summary" not in audit.changes


def test_reference_s1_4_a_referral_within_12_months_of_the_last_is_a_repeat(
    personas, supported_case, refer
):
    first = refer(supported_case, referred_on=TODAY() - dt.timedelta(days=200))
    second = refer(supported_case)
    assert second.is_repeat is True
    assert second.previous_referral == first
    assert second.criteria == ["visible_high_risk", "repeat"]
    assert (
        "(repeat)" in CaseEvent.objects.filter(kind="marac_referral").latest("occurred_at").summary
    )


def test_it_completes_the_marac_referral_task(personas, supported_case, refer):
    refer(supported_case, referred_on=TODAY() - dt.timedelta(days=100))
    incident_record(
        case=supported_case,
        recorded_by=personas.caseworker,
        occurred_on=TODAY() - dt.timedelta(days=1),
        summary="Breach of bail.",
    )
    task = Task.objects.get(case=supported_case, action="marac_referral")
    assert task.is_outstanding
    refer(supported_case, referred_on=TODAY())
    task.refresh_from_db()
    assert task.completed_at is not None
    assert not task.is_outstanding


def test_reference_s2_sharing_without_consent_needs_the_reason(personas, supported_case, refer):
    with pytest.raises(ValidationError) as refused:
        refer(supported_case, consent=False, victim_aware=False)
    assert "without_consent_reason" in refused.value.message_dict
    referral = refer(
        supported_case,
        consent=False,
        victim_aware=False,
        without_consent_reason="Risk of serious harm to a child.",
    )
    assert referral.without_consent_reason == "Risk of serious harm to a child."


def test_reference_s1_4_professional_judgement_needs_its_reasons(personas, supported_case, refer):
    with pytest.raises(ValidationError) as refused:
        refer(supported_case, criteria=["professional_judgement"])
    assert "judgement_reasons" in refused.value.message_dict


def test_bad_input_is_refused_and_nothing_is_saved(personas, supported_case, refer):
    other_area = MaracArea.objects.create(
        organisation=personas.other_organisation, name="Elsewhere"
    )
    with pytest.raises(ValidationError) as refused:
        refer(
            supported_case,
            area=other_area,
            referred_on=TODAY() + dt.timedelta(days=1),
            referring_agency="nobody",
            criteria=[],
            research_summary="x" * 10_001,
        )
    assert set(refused.value.message_dict) == {
        "area",
        "referred_on",
        "referring_agency",
        "criteria",
        "research_summary",
    }
    assert not MaracReferral.objects.exists()


def test_someone_who_may_not_change_the_case_is_refused(personas, supported_case, refer):
    with pytest.raises(PermissionDenied):
        refer(supported_case, referred_by=personas.outsider)


def test_issue_15_a_referral_with_consent_is_a_share_relying_on_that_consent(supported_case, refer):
    from haven.consent.models import Share

    referral = refer(supported_case)
    share = Share.objects.get()
    assert (share.kind, share.basis, share.recipient) == (
        "marac_referral",
        "consent",
        "Synthetic City MARAC",
    )
    assert share.consent.how_given == "with_share"
    assert share.source_id == str(referral.pk)


def test_reference_s7_a_referral_without_consent_is_shared_on_safeguarding_with_the_reason(
    supported_case, refer
):
    """DPA 2018 Sch. 1 para 18 (reference.md s7) unless another basis is given."""
    from haven.consent.models import Share

    refer(
        supported_case,
        consent=False,
        victim_aware=False,
        without_consent_reason="Synthetic: risk of serious harm",
    )
    refer(
        supported_case,
        consent=False,
        victim_aware=False,
        without_consent_reason="Synthetic: a crime to prevent",
        without_consent_basis="crime",
    )
    assert sorted(Share.objects.values_list("basis", "reason", "consent")) == [
        ("crime", "Synthetic: a crime to prevent", None),
        ("safeguarding", "Synthetic: risk of serious harm", None),
    ]
