"""Answers to give a risk checklist, for any app's tests (the shipped dash-ric-24 questions)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from haven.risk.engine import Answer, RecordedAnswer, shipped_checklist

CHECKLIST = shipped_checklist("dash-ric-24")
KEYS = CHECKLIST.item_keys


def answers(yes: int = 0, dont_know: int = 0) -> dict[str, RecordedAnswer]:
    """The first `yes` questions answered yes, the next `dont_know` don't know, the rest no."""
    recorded = {}
    for index, key in enumerate(KEYS):
        answer = Answer.YES if index < yes else Answer.NO
        if yes <= index < yes + dont_know:
            answer = Answer.DONT_KNOW
        recorded[key] = RecordedAnswer(answer, "victim", "")
    return recorded


def form_data(yes: int = 0, **extra: str) -> dict[str, str]:
    """A POST body for the checklist page."""
    now = timezone.localtime() - dt.timedelta(minutes=5)
    data = {
        "stage": "referral",
        "completed_at-day": str(now.day),
        "completed_at-month": str(now.month),
        "completed_at-year": str(now.year),
        "completed_at-hour": str(now.hour),
        "completed_at-minute": str(now.minute),
        "professional_judgement": "no",
        "professional_judgement_reason": "",
        "incidents_last_12_months": "",
    }
    for key, recorded in answers(yes).items():
        data[f"answer_{key}"] = recorded.answer.value
        data[f"source_{key}"] = "victim"
        data[f"comment_{key}"] = ""
    data.update(extra)
    return data
