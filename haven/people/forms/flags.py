"""Flags with dates: add one, or end one."""

from __future__ import annotations

from haven.govuk.forms import GovukDateField, GovukForm, GovukRadiosField, GovukTextareaField
from haven.people.choices import FlagKind


class FlagAddForm(GovukForm):
    kind = GovukRadiosField(
        label="Which flag?", error_label="which flag to add", choices=FlagKind.choices
    )
    started_on = GovukDateField(
        label="Date it started or was identified",
        error_label="the date it started",
        hint="For example, 27 3 2026",
        when="today_or_past",
    )
    note = GovukTextareaField(
        label="Note (optional)", error_label="note", required=False, max_length=1000, rows=3
    )


class FlagEndForm(GovukForm):
    ended_on = GovukDateField(
        label="Date it ended",
        error_label="the date it ended",
        hint="For example, 27 3 2026",
        when="today_or_past",
    )
