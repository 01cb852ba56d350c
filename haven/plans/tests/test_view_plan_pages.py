"""The plans pages: agree a plan (meets the support-plan deadline), errors shown on the fields
with what was typed kept, a review meeting the week-10 deadline, a safety plan, and the case
page's section with its links."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from haven.casework.models import FormDraft, TaskStatus
from haven.plans.models import SafetyPlan, SupportPlan
from haven.plans.tests.views_helpers import with_plans
from haven.testing.casework import TaskFactory

pytestmark = pytest.mark.django_db


def moment(prefix, at=None):
    at = timezone.localtime(at or timezone.now() - dt.timedelta(minutes=5))
    parts = {
        "day": at.day,
        "month": at.month,
        "year": at.year,
        "hour": at.hour,
        "minute": at.minute,
    }
    return {f"{prefix}-{name}": value for name, value in parts.items()}


@pytest.fixture
def signed_in(client, personas):
    client.force_login(personas.caseworker)
    return client


def test_agreeing_the_plan_meets_the_support_plan_deadline(signed_in, refuge_case):
    task = TaskFactory(case=refuge_case, rule_key="support_plan", action="support_plan")
    url = reverse("plans:agree", args=[refuge_case.pk])
    assert "This meets the deadline" in signed_in.get(url).content.decode()
    data = {
        "person": str(refuge_case.person.pk),
        "area_1": "accommodation",
        "goal_1": "A safe place to live",
        "reintegration_1": "yes",
        **moment("agreed_at"),
    }
    response = signed_in.post(url, data)
    plan = SupportPlan.objects.get(case=refuge_case)
    assert response["Location"] == reverse("plans:detail", args=[refuge_case.pk, plan.pk])
    assert plan.goals.get().reintegration is True
    task.refresh_from_db()
    assert task.status == TaskStatus.MET


def test_errors_show_on_their_fields_and_keep_what_was_typed(signed_in, planning_case):
    url = reverse("plans:agree", args=[planning_case.pk])
    data = {
        "person": str(planning_case.person.pk),
        "area_1": "Housing",
        "goal_1": "A safe place to live",
        "area_2": "Money",  # no goal typed for it
        "withdrawal_note": "Fortnightly from March",
        **moment("agreed_at", timezone.now() + dt.timedelta(days=2)),
    }
    page = signed_in.post(url, data).content.decode()
    assert "govuk-error-summary" in page
    assert "Enter the goal, or leave its need area empty" in page
    assert "Fortnightly from March" in page
    assert "A safe place to live" in page
    assert not SupportPlan.objects.exists()


def test_a_review_meets_the_week_10_deadline(signed_in, refuge_case, personas):
    plan, action, _ = with_plans(refuge_case, personas.caseworker)
    task = TaskFactory(case=refuge_case, rule_key="support_plan_review_week_10", action="review")
    url = reverse("plans:review", args=[refuge_case.pk, plan.pk])
    assert "This meets the deadline" in signed_in.get(url).content.decode()
    data = {
        "what_changed": "Flat viewed",
        f"status_{action.pk}": "done",
        **moment("reviewed_at", timezone.now()),
    }
    response = signed_in.post(url, data)
    assert response.status_code == 302
    task.refresh_from_db()
    action.refresh_from_db()
    assert (task.status, action.status) == (TaskStatus.MET, "done")


def test_a_safety_plan_is_made_and_changed(signed_in, planning_case):
    url = reverse("plans:safety_record", args=[planning_case.pk])
    data = {
        "person": str(planning_case.person.pk),
        "code_word": "Bluebell",
        **moment("completed_at"),
    }
    response = signed_in.post(url, data)
    plan = SafetyPlan.objects.get()
    assert response["Location"] == reverse("plans:safety_detail", args=[planning_case.pk, plan.pk])
    change = reverse("plans:safety_change", args=[planning_case.pk, plan.pk])
    signed_in.post(change, {"code_word": "Bluebell", "emergency": "Call 999"})
    plan.refresh_from_db()
    assert plan.emergency == "Call 999"


def test_the_case_page_shows_the_plans_and_their_links(signed_in, planning_case, personas):
    detail = reverse("casework:detail", args=[planning_case.pk])
    page = signed_in.get(detail).content.decode()
    assert reverse("plans:agree", args=[planning_case.pk]) in page
    with_plans(planning_case, personas.caseworker)
    page = signed_in.get(detail).content.decode()
    assert "Support and safety plans" in page
    assert "A safe place to live" in page
    assert "View flats" in page
    assert reverse("plans:agree", args=[planning_case.pk]) not in page  # everyone has one


def test_a_safety_plan_part_made_is_kept_as_a_draft(signed_in, planning_case):
    # issue 11: long forms may be saved as a draft; the draft comes back as typed, no errors
    url = reverse("plans:safety_record", args=[planning_case.pk])
    signed_in.post(url, {"code_word": "Bluebell", "save_draft": "1"})
    assert not SafetyPlan.objects.exists()
    assert FormDraft.objects.get().form_key == "safety_plan"
    page = signed_in.get(url).content.decode()
    assert "Bluebell" in page
    assert "govuk-error-message" not in page
    data = {
        "person": str(planning_case.person.pk),
        "code_word": "Bluebell",
        **moment("completed_at"),
    }
    signed_in.post(url, data)
    assert SafetyPlan.objects.get().code_word == "Bluebell"
    assert not FormDraft.objects.exists()


def test_a_support_plan_part_agreed_is_kept_as_a_draft(signed_in, refuge_case):
    url = reverse("plans:agree", args=[refuge_case.pk])
    signed_in.post(url, {"goal_1": "A safe place to live", "save_draft": "1"})
    assert not SupportPlan.objects.exists()
    page = signed_in.get(url).content.decode()
    assert "A safe place to live" in page
    assert "Save as draft" in page
    assert FormDraft.objects.get().form_key == "support_plan"
