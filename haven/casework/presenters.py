"""How casework shows times and deadlines to staff (Europe/London, plain English)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.utils import timezone

from haven.core.formatting import when

TAG_CLASSES = {
    "open": "govuk-tag--blue",
    "met": "govuk-tag--green",
    "breached": "govuk-tag--red",
    "cancelled": "govuk-tag--grey",
    "high": "govuk-tag--red",
    "medium": "govuk-tag--orange",
    "standard": "govuk-tag--grey",
}


def due_state(task: Any, now: datetime | None = None) -> str:
    """'overdue', 'due today' or '' for an outstanding task."""
    if not task.is_outstanding:
        return ""
    return due_at_state(task.due_at, now)


def due_at_state(due_at: datetime | None, now: datetime | None = None) -> str:
    """'overdue', 'due today' or '' for an outstanding deadline due at `due_at` (a caseload's
    next deadline, read without its task)."""
    if due_at is None:
        return ""
    now = now or timezone.now()
    if due_at < now:
        return "overdue"
    if timezone.localdate(due_at) == timezone.localdate(now):
        return "due today"
    return ""


def done_state(task: Any) -> str:
    """'done Tue 1 Dec 2026, 10:00', or 'done late …' for a task completed after its due time."""
    if task.completed_at is None:
        return ""
    late = " late" if task.status == "breached" else ""
    return f"done{late} {when(task.completed_at)}"


def tag_class(value: str) -> str:
    return TAG_CLASSES.get(value, "govuk-tag--grey")


HELPERS = {
    "when": when,
    "due_state": due_state,
    "due_at_state": due_at_state,
    "done_state": done_state,
    "tag_class": tag_class,
}
