"""URLs and form data for the housing pages."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone


def detail_url(case):
    return reverse("housing:detail", args=[case.pk])


def entry_url(case):
    return reverse("housing:entry", args=[case.pk])


def exit_url(case):
    return reverse("housing:exit", args=[case.pk])


def outcome_url(case):
    return reverse("housing:outcome_add", args=[case.pk])


def day(name, value):
    if value is None:
        return {f"{name}-day": "", f"{name}-month": "", f"{name}-year": ""}
    return {f"{name}-day": value.day, f"{name}-month": value.month, f"{name}-year": value.year}


def entry_data(**overrides):
    return day("left_home_on", None) | {"entry_tenure": "refuge"} | overrides


def exit_data(settled_on=None, **overrides):
    return (
        day("settled_on", settled_on or timezone.localdate() - dt.timedelta(days=1))
        | {"exit_tenure": "social_rented_council", "exit_destination": "new_settled_home"}
        | overrides
    )


def outcome_data(achieved_on=None, **overrides):
    return (
        day("achieved_on", achieved_on or timezone.localdate())
        | {"kind": "sanctuary", "detail": ""}
        | overrides
    )
