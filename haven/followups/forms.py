"""The follow-up contact (casework's contact attempt form, for one follow-up task) and the
survey: took part or declined, then one yes / no / not sure question per row."""

from __future__ import annotations

from typing import Any

from haven.casework.forms.attempts import ContactAttemptForm
from haven.casework.forms.exit_steps import WHEN_HINT, ExitStepForm
from haven.followups.models import Answer
from haven.govuk.forms import GovukDateTimeField, GovukRadiosField

TOOK_PART = [("answered", "Yes, they answered the questions"), ("declined", "No, they declined")]


class FollowUpContactForm(ContactAttemptForm):
    """A contact attempt for one follow-up; a successful contact goes on to the survey."""


class SurveyForm(ExitStepForm):
    moment_field = "asked_at"
    moment_label = "Date and time of the survey"

    asked_at = GovukDateTimeField(
        label="When was the survey done?",
        when="today_or_past",
        error_label="date and time of the survey",
        hint=WHEN_HINT,
    )
    took_part = GovukRadiosField(
        label="Did the person answer the survey?",
        choices=TOOK_PART,
        error_messages={"required": "Select whether the person answered the survey"},
    )

    def __init__(self, *args: Any, questions: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        for key, wording in questions:
            self.fields[key] = GovukRadiosField(
                label=wording,
                choices=Answer.choices,
                required=False,
                inline=False,
                small=True,
                hint=None,
            )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("took_part") == "answered":
            for key, _ in self.questions:
                if not cleaned.get(key):
                    self.add_error(key, "Select an answer, or 'Not sure, or would rather not say'")
        return cleaned

    @property
    def declined(self) -> bool:
        return self.cleaned_data.get("took_part") == "declined"

    def answers(self) -> dict[str, str]:
        if self.declined:
            return {}
        return {key: self.cleaned_data.get(key) or "" for key, _ in self.questions}
