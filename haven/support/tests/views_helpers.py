"""Form data for the support session page."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone


def record_url(case):
    return reverse("support:record", args=[case.pk])


def list_url(case):
    return reverse("support:list", args=[case.pk])


def session_data(at=None, **overrides):
    at = timezone.localtime(at or timezone.now() - dt.timedelta(minutes=5))
    when = {
        "delivered_at-day": at.day,
        "delivered_at-month": at.month,
        "delivered_at-year": at.year,
        "delivered_at-hour": at.hour,
        "delivered_at-minute": at.minute,
    }
    return when | {"mode": "telephone", "duration_minutes": "45", "notes": ""} | overrides
