"""Re-engagement attempt, exclusion decision, appeal made and appeal decided (seed 003 s8)."""

from __future__ import annotations

from typing import Any

from haven.casework.forms.exit_steps import WHEN_HINT, ExitStepForm
from haven.casework.models import AppealNoticeMethod, AppealOutcome, ReengagementMethod
from haven.contracts.profiles.sections import ExclusionCriterionSpec
from haven.govuk.forms import (
    GovukCheckboxesField,
    GovukDateTimeField,
    GovukForm,
    GovukRadiosField,
    GovukTextareaField,
)
from haven.validators import REASON_MAX_LENGTH


class ReengagementForm(ExitStepForm):
    moment_field = "attempted_at"
    moment_label = "Date and time of the attempt"

    attempted_at = GovukDateTimeField(
        label="When did you try to re-engage the person?",
        when="past",
        error_label="date and time of the attempt",
        hint=WHEN_HINT,
    )
    method = GovukRadiosField(
        label="How did you try?",
        choices=ReengagementMethod.choices,
        error_messages={"required": "Select how you tried"},
    )
    what = GovukTextareaField(
        label="What did you try, and what happened?",
        rows=4,
        max_length=REASON_MAX_LENGTH,
        error_label="what was tried",
        error_messages={"required": "Enter what was tried"},
    )


class ExclusionForm(ExitStepForm):
    moment_field = "appeal_notice_at"
    moment_label = "Date told of the right of appeal"

    criteria = GovukCheckboxesField(
        label="Which of the service’s published exclusion criteria does this meet?",
        hint="Select all that apply.",
        error_messages={"required": "Select the published criteria the exclusion meets"},
    )
    reason = GovukTextareaField(
        label="Reason for the exclusion",
        hint="What happened, and why the risk cannot be managed another way.",
        rows=5,
        max_length=REASON_MAX_LENGTH,
        error_label="the reason",
        error_messages={"required": "Enter the reason for the exclusion"},
    )
    appeal_notice_at = GovukDateTimeField(
        label="When was the person told of the decision and their right of appeal?",
        when="past",
        error_label="date told of the right of appeal",
        hint=WHEN_HINT,
    )
    appeal_notice_method = GovukRadiosField(
        label="How were they told?",
        choices=AppealNoticeMethod.choices,
        error_messages={"required": "Select how the person was told of their right of appeal"},
    )

    def __init__(self, *args: Any, criteria: list[ExclusionCriterionSpec], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["criteria"].choices = [(c.key, c.label) for c in criteria]  # type: ignore[attr-defined]


class AppealLodgedForm(GovukForm):
    lodged_at = GovukDateTimeField(
        label="When did the person appeal?",
        when="past",
        error_label="date the appeal was made",
        hint=WHEN_HINT,
    )


class AppealDecisionForm(GovukForm):
    heard_at = GovukDateTimeField(
        label="When was the appeal heard?",
        when="past",
        error_label="date the appeal was heard",
        hint=WHEN_HINT,
    )
    outcome = GovukRadiosField(
        label="What was decided?",
        choices=AppealOutcome.choices,
        error_messages={"required": "Select the outcome"},
    )
    reason = GovukTextareaField(
        label="Reason for the decision",
        rows=4,
        max_length=REASON_MAX_LENGTH,
        error_label="the reason",
        error_messages={"required": "Enter the reason for the decision"},
    )
