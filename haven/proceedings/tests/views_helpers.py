"""URLs and form data for the proceedings pages."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone


def list_url(case):
    return reverse("proceedings:list", args=[case.pk])


def add_url(case):
    return reverse("proceedings:add", args=[case.pk])


def outcome_url(proceeding):
    return reverse("proceedings:outcome", args=[proceeding.case_id, proceeding.pk])


def _day(name, day):
    return {f"{name}-day": day.day, f"{name}-month": day.month, f"{name}-year": day.year}


def proceeding_data(started_on=None, **overrides):
    started_on = started_on or timezone.localdate() - dt.timedelta(days=3)
    return (
        _day("started_on", started_on)
        | {
            "kind": "non_molestation_order",
            "court_type": "family",
            "court_name": "",
            "specialist_dv_court": "no",
            "notes": "",
        }
        | overrides
    )


def outcome_data(outcome_on=None, **overrides):
    return (
        _day("outcome_on", outcome_on or timezone.localdate()) | {"outcome": "granted"} | overrides
    )
