"""Form data and URLs for the outcome pages."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

ADULT = "haven-outcomes-v1"


def history_url(case):
    return reverse("outcomes:history", args=[case.pk])


def choose_url(case):
    return reverse("outcomes:choose", args=[case.pk])


def record_url(case, instrument=ADULT, stage="intake"):
    return reverse("outcomes:record", args=[case.pk, instrument, stage])


def when_data(at=None):
    at = timezone.localtime(at or timezone.now() - dt.timedelta(minutes=5))
    return {
        "asked_at-day": at.day,
        "asked_at-month": at.month,
        "asked_at-year": at.year,
        "asked_at-hour": at.hour,
        "asked_at-minute": at.minute,
    }


def answer_data(at=None, **scores):
    return when_data(at) | {"answered": "answered"} | {f"score_{k}": v for k, v in scores.items()}
