"""Record a change of risk (seed 004 s4.2) and a screening (seed 004 s6.3, s6.4) on a case."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from haven.casework.forms.exit_steps import WHEN_HINT, ExitStepForm
from haven.govuk.forms import (
    GovukDateField,
    GovukDateTimeField,
    GovukForm,
    GovukIntegerField,
    GovukRadiosField,
    GovukTextareaField,
)
from haven.risk.models import SCORE_RANGES, ScreeningTool
from haven.risk.reassessments import CHANGE_REASON_MAX_LENGTH

DATE_HINT = "For example, 27 3 2027"
YES_NO = [("yes", "Yes"), ("no", "No")]


class ChangeOfRiskForm(ExitStepForm):
    moment_field = "occurred_at"
    moment_label = "Date and time of the change"

    occurred_at = GovukDateTimeField(
        label="When did the risk change?",
        when="past",
        error_label="date and time of the change",
        hint=WHEN_HINT,
    )
    reason = GovukTextareaField(
        label="What has changed?",
        hint="A short reason, for example a new incident, a release from custody or a move.",
        rows=3,
        max_length=CHANGE_REASON_MAX_LENGTH,
        error_messages={"required": "Enter why the risk has changed"},
    )


def _yes_no(label: str, required: str) -> GovukRadiosField:
    return GovukRadiosField(
        label=label, choices=YES_NO, inline=True, error_messages={"required": required}
    )


class ScreeningForm(GovukForm):
    """One tool's fields and the date: ACEs asked yes/no; the three mental health flags; an
    AUDIT or DUDIT total score in its range (seed 004 s6.4)."""

    def __init__(self, *args: Any, tool: ScreeningTool, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {}).setdefault("screened_on", timezone.localdate())
        super().__init__(*args, **kwargs)
        self.tool = tool
        self.fields["screened_on"] = GovukDateField(
            label="Date of the screening",
            when="today_or_past",
            hint=DATE_HINT,
            error_label="date of the screening",
        )
        if tool is ScreeningTool.ACES:
            self.fields["aces_asked"] = _yes_no(
                "Was the ACEs routine enquiry asked?",
                "Select yes if the ACEs routine enquiry was asked",
            )
        elif tool is ScreeningTool.MENTAL_HEALTH:
            self.fields["mh_diagnosis"] = _yes_no(
                "Is there a formal mental health diagnosis?",
                "Select yes if there is a formal mental health diagnosis",
            )
            self.fields["mh_keyworker_identified"] = _yes_no(
                "Has the keyworker identified mental health issues?",
                "Select yes if the keyworker identified mental health issues",
            )
            self.fields["mh_service_involvement"] = _yes_no(
                "Are mental health services involved?",
                "Select yes if mental health services are involved",
            )
        else:
            low, high = SCORE_RANGES[tool]
            name = "AUDIT" if tool is ScreeningTool.AUDIT else "DUDIT"
            self.fields["score"] = GovukIntegerField(
                label=f"{name} total score",
                hint=f"A whole number from {low} to {high}. Only the total is kept.",
                min_value=low,
                max_value=high,
                error_label=f"{name} score",
                classes="govuk-input--width-2",
            )

    def answers(self) -> dict[str, Any]:
        """The cleaned fields as the service takes them (yes/no as True/False)."""
        data = self.cleaned_data
        answers: dict[str, Any] = {}
        for name in (
            "aces_asked",
            "mh_diagnosis",
            "mh_keyworker_identified",
            "mh_service_involvement",
        ):
            if name in data:
                answers[name] = data[name] == "yes"
        if "score" in data:
            answers["score"] = data["score"]
        return answers
