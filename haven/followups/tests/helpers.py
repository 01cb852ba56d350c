"""Form data for the follow-up and survey pages."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone


def when(name, at=None):
    at = timezone.localtime(at or timezone.now() - dt.timedelta(minutes=5))
    return {
        f"{name}-day": at.day,
        f"{name}-month": at.month,
        f"{name}-year": at.year,
        f"{name}-hour": at.hour,
        f"{name}-minute": at.minute,
    }


def contact_data(outcome="reached", channel="phone", **overrides):
    return (
        {"channel": channel, "direction": "outbound", "outcome": outcome, "notes": ""}
        | when("attempted_at")
        | overrides
    )


def survey_data(answers=None, took_part="answered", **overrides):
    return when("asked_at") | {"took_part": took_part} | (answers or {}) | overrides


def follow_up_url(case, task):
    return reverse("followups:follow_up_record", args=[case.pk, task.pk])


def follow_up_survey_url(case, contact):
    return reverse("followups:follow_up_survey", args=[case.pk, contact.pk])


def survey_url(case, occasion):
    return reverse("followups:survey_new", args=[case.pk, occasion])
