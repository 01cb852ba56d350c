"""URLs and form data for the safeguarding pages."""

from django.urls import reverse
from django.utils import timezone


def overview_url(case):
    return reverse("safeguarding:overview", args=[case.pk])


def child_url(case, child):
    return reverse("safeguarding:child", args=[case.pk, child.pk])


def event_url(case):
    return reverse("safeguarding:event_add", args=[case.pk])


def event_change_url(event):
    return reverse("safeguarding:event_change", args=[event.case_id, event.pk])


def alert_add_url(case):
    return reverse("safeguarding:alert_add", args=[case.pk])


def alert_edit_url(alert):
    return reverse("safeguarding:alert_edit", args=[alert.case_id, alert.pk])


def think_family_url(case):
    return reverse("safeguarding:think_family", args=[case.pk])


def day(name, value):
    if value is None:
        return {f"{name}-day": "", f"{name}-month": "", f"{name}-year": ""}
    return {f"{name}-day": value.day, f"{name}-month": value.month, f"{name}-year": value.year}


def child_data(**overrides):
    data = {"school": "", "voice": ""}
    for name in ("cp_plan_started_on", "cp_plan_ended_on", "cin_started_on", "cin_ended_on"):
        data |= day(name, None)
    for name in ("looked_after_started_on", "looked_after_ended_on", "voice_on"):
        data |= day(name, None)
    return data | overrides


def event_data(child="family", **overrides):
    return (
        day("occurred_on", timezone.localdate())
        | {
            "kind": "referral_maru",
            "child": str(child),
            "attended": "not_a_meeting",
            "notes": "",
            "share_consent": "yes",  # issue 15 item 2
            "share_basis": "safeguarding",
            "share_reason": "",
        }
        | overrides
    )


def alert_data(**overrides):
    return (
        day("raised_on", timezone.localdate())
        | day("referred_on", None)
        | {
            "concern": "Synthetic concern typed",
            "substantiation": "pending",
            "harm_relationship": "not_known",
        }
        | overrides
    )


def think_family_data(**overrides):
    return (
        day("asked_on", timezone.localdate())
        | {
            "impact_on_family": "",
            "children_in_family": "yes",
            "contact_with_children": "",
            "parenting_support_needed": "no",
            "young_carer": "no",
            "care_provided": "",
            "young_carer_referral": "not_needed",
            "vulnerable_adult": "no",
            "adult_carer": "no",
            "adult_carer_referral": "not_needed",
            "family_offered_support": "yes",
            "whole_family_help": "",
        }
        | overrides
    )
