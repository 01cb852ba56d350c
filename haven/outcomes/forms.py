"""Record one outcome instrument at one stage: when it was asked, whether the survivor answered,
the exit form's type where the instrument has them, and a radio group per question (optional:
they may skip any), with GOV.UK errors on the fields."""

from __future__ import annotations

from typing import Any

from haven.casework.forms.exit_steps import WHEN_HINT, ExitStepForm
from haven.govuk.forms import GovukDateTimeField, GovukRadiosField
from haven.outcomes.instrument import Instrument, Question
from haven.outcomes.services import score_field

ANSWERED = "answered"
DECLINED = "declined"
NOT_ANSWERED = ""


class OutcomeAssessmentForm(ExitStepForm):
    moment_field = "asked_at"
    moment_label = "Date and time the questions were asked"

    asked_at = GovukDateTimeField(
        label="When were the questions asked?",
        when="past",
        error_label="date and time the questions were asked",
        hint=WHEN_HINT,
    )
    answered = GovukRadiosField(
        label="Did they answer the questions?",
        choices=[
            (ANSWERED, "Yes, they answered some or all of them"),
            (DECLINED, "No, they chose not to answer"),
        ],
        error_messages={"required": "Select whether they answered the questions"},
    )

    def __init__(self, *args: Any, instrument: Instrument, stage: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instrument = instrument
        self.stage = stage
        if stage == "exit" and instrument.exit_form_types:
            self.fields["exit_form_type"] = GovukRadiosField(
                label="What type of exit form is this?",
                choices=[(t.key, t.label) for t in instrument.exit_form_types],
                error_messages={"required": "Select the type of exit form"},
            )
        self.questions = instrument.questions_at(stage)
        for question in self.questions:
            self.fields[score_field(question.key)] = _question_field(instrument, question)

    def scores(self) -> dict[str, int]:
        """The answered questions' scores (blank ones were skipped); none if they declined."""
        if self.cleaned_data.get("answered") == DECLINED:
            return {}
        return {
            q.key: int(value)
            for q in self.questions
            if (value := self.cleaned_data.get(score_field(q.key))) not in (None, "")
        }

    def question_groups(self) -> list[tuple[str, list[Any]]]:
        """The bound question fields under their domain's label, in the instrument's order."""
        groups: dict[str, list[Any]] = {}
        for question in self.questions:
            label = self.instrument.domain_label(question.domain)
            groups.setdefault(label, []).append(self[score_field(question.key)])
        return list(groups.items())

    def exit_form_label(self) -> str:
        chosen = self.cleaned_data.get("exit_form_type") or ""
        return next((t.label for t in self.instrument.exit_form_types if t.key == chosen), chosen)

    def check_rows(self) -> list[tuple[str, str]]:
        """What the check answers page lists: each question and the answer given."""
        scores = self.scores()
        rows = []
        for question in self.questions:
            score = scores.get(question.key)
            answer = (
                self.instrument.scale_of(question).label(score)
                if score is not None
                else "Not answered"
            )
            rows.append((question.text, answer))
        return rows


def _question_field(instrument: Instrument, question: Question) -> GovukRadiosField:
    scale = instrument.scale_of(question)
    # a radio cannot be unticked without JavaScript: "Not answered" undoes a slip
    return GovukRadiosField(
        label=question.text,
        required=False,
        choices=[*((str(p.score), p.label) for p in scale.points), (NOT_ANSWERED, "Not answered")],
        initial=NOT_ANSWERED,
        hint=question.hint or "Optional: leave it if they would rather not say",
        small=True,
    )
