"""The waiting list's reason fields, added to the state-change and attempt forms when the
waiting list is one of the choices (seed 003 s13 "Reasons for waitlist")."""

from __future__ import annotations

from django import forms

from haven.casework.models import WaitingReason
from haven.govuk.forms import GovukRadiosField, GovukTextareaField
from haven.validators import REASON_MAX_LENGTH


def add_waiting_fields(form: forms.Form) -> None:
    """Why the person waits; the service refuses the move to the waiting list without it."""
    form.fields["waiting_reason"] = GovukRadiosField(
        label="If the person goes on the waiting list, why?",
        hint="Needed when the new state is ‘Waiting list’.",
        choices=WaitingReason.choices,
        required=False,
    )
    form.fields["waiting_detail"] = GovukTextareaField(
        label="More about why they wait (optional)",
        hint="Needed when the reason is ‘Other’: for example the language or the programme.",
        error_label="the detail",
        required=False,
        rows=2,
        max_length=REASON_MAX_LENGTH,
    )


def waiting_values(form: forms.Form) -> dict[str, str]:
    """The service's keyword arguments from a bound, valid form ({} without the fields)."""
    if "waiting_reason" not in form.fields:
        return {}
    return {
        "waiting_reason": form.cleaned_data.get("waiting_reason") or "",
        "waiting_detail": form.cleaned_data.get("waiting_detail") or "",
    }
