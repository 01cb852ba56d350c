"""The appraisal's forms: a round, links, a response (the statements on a 5-point agree scale)
and the feedback log."""

from __future__ import annotations

from typing import Any

from haven.appraisal.models import SCALE, AppraisalQuestion, RespondentGroup
from haven.appraisal.services import MAX_LINKS, TEXT_LIMIT
from haven.govuk.forms import (
    GovukDateField,
    GovukForm,
    GovukIntegerField,
    GovukRadiosField,
    GovukTextareaField,
    GovukTextField,
)

SCALE_CHOICES = [(str(value), label) for value, label in SCALE]


class RoundForm(GovukForm):
    title = GovukTextField(
        label="Title", max_length=200, hint="For example, 360-degree appraisal 2026"
    )
    opens_on = GovukDateField(
        label="Opens on", error_label="the date it opens", hint="For example, 1 4 2026"
    )
    closes_on = GovukDateField(
        label="Closes on",
        error_label="the date it closes",
        hint="Links stop working after this day",
    )
    extra = GovukTextareaField(
        label="Extra statements (optional)",
        hint="One a line. The contract's appraisal measures are asked already.",
        required=False,
        rows=3,
        max_length=TEXT_LIMIT,
        error_label="the extra statements",
    )


class LinksForm(GovukForm):
    group = GovukRadiosField(
        label="Who are the links for?",
        choices=RespondentGroup.choices,
        error_messages={"required": "Select who the links are for"},
    )
    count = GovukIntegerField(
        label="How many links?",
        hint=f"One for each person asked, up to {MAX_LINKS}",
        min_value=1,
        max_value=MAX_LINKS,
        error_label="the number of links",
    )


class ResponseForm(GovukForm):
    """A group (entered from paper only) and one 5-point answer per statement."""

    def __init__(
        self, *args: Any, questions: list[AppraisalQuestion], with_group: bool, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        if with_group:
            self.fields["group"] = GovukRadiosField(
                label="Who gave the answers?",
                choices=RespondentGroup.choices,
                error_messages={"required": "Select who gave the answers"},
            )
        for question in questions:
            self.fields[f"q_{question.pk}"] = GovukRadiosField(
                label=question.statement,
                choices=SCALE_CHOICES,
                required=False,
                small=True,
            )
        self.questions = questions

    def scores(self) -> dict[Any, int | None]:
        data = self.cleaned_data
        return {
            q.pk: int(data[f"q_{q.pk}"]) if data.get(f"q_{q.pk}") else None for q in self.questions
        }


class FeedbackForm(GovukForm):
    you_said = GovukTextareaField(
        label="You said", rows=3, max_length=TEXT_LIMIT, error_label="what was said"
    )
    received_on = GovukDateField(
        label="Received on", when="today_or_past", error_label="the date it was received"
    )
    we_did = GovukTextareaField(
        label="We did (optional until it is done)",
        required=False,
        rows=3,
        max_length=TEXT_LIMIT,
        error_label="what the service did",
    )
    acted_on = GovukDateField(
        label="Acted on (optional)",
        required=False,
        when="today_or_past",
        error_label="the date it was acted on",
    )


class ActionForm(GovukForm):
    we_did = GovukTextareaField(
        label="We did", rows=3, max_length=TEXT_LIMIT, error_label="what the service did"
    )
    acted_on = GovukDateField(
        label="Acted on", when="today_or_past", error_label="the date it was acted on"
    )
