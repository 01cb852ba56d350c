"""The demo's restorative justice processes on Victim First cases (seed 002 Lot 1 s3.10; issue
16 item 5): each at the victim's request with the offender's admission, exceptional ones
justified with an experienced facilitator, each on its case's timeline, and counted by the
return's `restorative_justice` measure."""

from __future__ import annotations

import pytest
from django.utils import timezone

from haven.casework.models import CaseEvent
from haven.demodata.tests.test_build_demo_data import provider  # noqa: F401 - the fixture
from haven.restorative.models import RestorativeProcess

pytestmark = pytest.mark.django_db


def test_victim_first_has_restorative_justice_processes(provider):  # noqa: F811
    processes = list(RestorativeProcess.objects.select_related("case__contract"))
    assert processes
    assert {p.case.contract.slug for p in processes} == {"victim-first-2018"}
    assert any(p.is_exceptional for p in processes)
    assert any(p.stage == "closed" for p in processes)
    for process in processes:
        assert process.offender_admitted
        assert process.victim_requested_on <= timezone.localdate(process.referred_at)
        if process.is_exceptional:
            assert process.exceptional_justification
            assert process.facilitator_experienced
        if process.stage == "closed":
            assert process.outcome
            assert process.victim_view
            assert process.held_on
        assert CaseEvent.objects.filter(
            kind="restorative_referral", object_id=str(process.pk), case_id=process.case_id
        ).exists()


def test_leicester_has_a_360_degree_appraisal_round_a_year(provider):  # noqa: F811
    """seed 001 s14: the questionnaire to stakeholders, staff and service users; issue 16."""
    from haven.appraisal.models import AppraisalResponse, AppraisalRound, FeedbackItem

    rounds = AppraisalRound.objects.select_related("contract")
    assert {r.contract.slug for r in rounds} == {
        "leicester-family-2012",
        "leicester-perpetrator-2012",
        "leicester-safehome-2012",
        "leicester-victim-survivor-2012",
    }
    for appraisal in rounds:
        assert appraisal.questions.exclude(measure="").exists()
        groups = set(appraisal.responses.values_list("group", flat=True))
        assert groups == {"stakeholder", "staff", "service_user"}
    assert not AppraisalResponse.objects.filter(source="link", entered_by__isnull=False).exists()
    assert FeedbackItem.objects.filter(acted_on__isnull=False).exclude(we_did="").exists()
