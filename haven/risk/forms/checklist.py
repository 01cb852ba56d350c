"""The checklist page: every question as yes / no / don't know, its source and a comment,
then professional judgement, incidents in the last 12 months and (for managers) an override."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils import timezone

from haven.govuk.forms import (
    GovukDateTimeField,
    GovukForm,
    GovukIntegerField,
    GovukRadiosField,
    GovukSelectField,
    GovukTextareaField,
)
from haven.risk.engine import (
    Answer,
    ChecklistDefinition,
    ChecklistItem,
    RecordedAnswer,
    RiskLevel,
)
from haven.risk.models import RiskStage

ANSWER_CHOICES = [
    (Answer.YES.value, "Yes"),
    (Answer.NO.value, "No"),
    (Answer.DONT_KNOW.value, "Don't know"),
]
YES_NO = [("yes", "Yes"), ("no", "No")]
OVERRIDE_CHOICES = [
    ("", "Keep the level worked out from the answers"),
    (RiskLevel.MEDIUM.value, "Medium"),
    (RiskLevel.STANDARD.value, "Standard"),
]


@dataclass(frozen=True)
class QuestionFields:
    item: ChecklistItem
    answer: forms.BoundField
    source: forms.BoundField
    comment: forms.BoundField


class RiskChecklistForm(GovukForm):
    stage = GovukRadiosField(
        label="When is this checklist being completed?",
        error_label="when the checklist is being completed",
        choices=RiskStage.choices,
        label_classes="govuk-label--m",
    )
    completed_at = GovukDateTimeField(
        label="Date and time completed",
        hint="For example, 27 3 2026 14 30. Use the 24-hour clock.",
    )
    professional_judgement = GovukRadiosField(
        label="Based on your professional judgement, is this person at high risk?",
        error_label="whether your professional judgement is that this person is at high risk",
        hint=(
            "Answer yes if you have serious concerns whatever the score, for example non-fatal "
            "strangulation, stalking, threats to kill or the victim's own fear. Judgement cannot "
            "lower the level the answers give."
        ),
        choices=YES_NO,
        inline=True,
        label_classes="govuk-label--m",
    )
    professional_judgement_reason = GovukTextareaField(
        label="Reasons for your professional judgement",
        hint="Needed if you answered yes. Say what worries you and why.",
        required=False,
        max_length=5000,
    )
    incidents_last_12_months = GovukIntegerField(
        label="How many domestic abuse incidents has the victim had in the last 12 months?",
        error_label="number of incidents",
        hint="Count every incident you know of, not only police call-outs. Leave blank if unknown.",
        required=False,
        min_value=0,
        max_value=999,
        classes="govuk-input--width-3",
        label_classes="govuk-label--m",
    )

    def __init__(
        self, *args: Any, checklist: ChecklistDefinition, can_override: bool, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.checklist = checklist
        self.can_override = can_override
        self.fields["completed_at"].initial = timezone.localtime().replace(second=0, microsecond=0)
        sources = [(source.key, source.label) for source in checklist.sources]
        for item in checklist.items:
            self.fields[f"answer_{item.key}"] = _answer_field(item)
            self.fields[f"source_{item.key}"] = GovukSelectField(
                label=f"Source of the answer to question {item.number}",
                choices=sources,
                initial=sources[0][0],
                error_messages={"required": f"Select the source of question {item.number}"},
            )
            self.fields[f"comment_{item.key}"] = GovukTextareaField(
                label=f"Comment on question {item.number} (optional)",
                required=False,
                rows=2,
                max_length=2000,
            )
        if can_override:
            self._add_override_fields()

    def _add_override_fields(self) -> None:
        self.fields["level_override"] = GovukSelectField(
            label="Change the risk level (managers only)",
            hint="Only to correct the level the answers give. High risk cannot be set here.",
            choices=OVERRIDE_CHOICES,
            required=False,
        )
        self.fields["level_override_reason"] = GovukTextareaField(
            label="Reason for changing the risk level",
            hint="Needed if you change the level. It is recorded in the audit trail.",
            required=False,
            max_length=5000,
        )

    def sections(self) -> list[tuple[str, list[QuestionFields]]]:
        return [
            (
                section.title,
                [
                    QuestionFields(
                        item,
                        self[f"answer_{item.key}"],
                        self[f"source_{item.key}"],
                        self[f"comment_{item.key}"],
                    )
                    for item in section.items
                ],
            )
            for section in self.checklist.sections
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (
            data.get("professional_judgement") == "yes"
            and not (data.get("professional_judgement_reason") or "").strip()
        ):
            self.add_error(
                "professional_judgement_reason", "Enter the reasons for your professional judgement"
            )
        if data.get("level_override") and not (data.get("level_override_reason") or "").strip():
            self.add_error("level_override_reason", "Enter the reason for changing the risk level")
        return data

    def answers(self) -> dict[str, RecordedAnswer]:
        data = self.cleaned_data
        return {
            item.key: RecordedAnswer(
                Answer(data[f"answer_{item.key}"]),
                data[f"source_{item.key}"],
                data[f"comment_{item.key}"].strip(),
            )
            for item in self.checklist.items
        }

    def service_arguments(self) -> dict[str, Any]:
        data = self.cleaned_data
        override = data.get("level_override") or None
        return {
            "answers": self.answers(),
            "professional_judgement": data["professional_judgement"] == "yes",
            "professional_judgement_reason": data["professional_judgement_reason"],
            "incidents_last_12_months": data["incidents_last_12_months"],
            "stage": data["stage"],
            "completed_at": data["completed_at"],
            "level_override": RiskLevel(override) if override else None,
            "level_override_reason": data.get("level_override_reason") or "",
        }


def _answer_field(item: ChecklistItem) -> GovukRadiosField:
    return GovukRadiosField(
        label=f"{item.number}. {item.text}",
        hint=item.hint,
        choices=ANSWER_CHOICES,
        inline=True,
        label_classes="govuk-label--s",
        error_messages={"required": f"Select yes, no or don't know for question {item.number}"},
    )
