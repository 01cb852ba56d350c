"""Words for risk pages: answer labels, level tags and the answers of one assessment by section."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.utils import timezone

from haven.risk.engine import ChecklistDefinition
from haven.risk.models import RiskAssessment

ANSWER_LABELS = {"yes": "Yes", "no": "No", "dont_know": "Don't know"}
LEVEL_TAGS = {
    "high": "govuk-tag--red",
    "medium": "govuk-tag--orange",
    "standard": "govuk-tag--grey",
}


@dataclass(frozen=True)
class AnswerRow:
    number: int
    question: str
    answer: str
    source: str
    comment: str


def level_tag(level: str) -> str:
    return LEVEL_TAGS.get(level, "")


def answer_rows(
    assessment: RiskAssessment, checklist: ChecklistDefinition
) -> list[tuple[str, list[AnswerRow]]]:
    """The recorded answers under the checklist's section titles, in question order."""
    stored: dict[str, Any] = assessment.answers or {}
    sources = {source.key: source.label for source in checklist.sources}
    sections = []
    for section in checklist.sections:
        rows = []
        for item in section.items:
            recorded = stored.get(item.key)
            if recorded is None:
                continue
            rows.append(
                AnswerRow(
                    item.number,
                    item.text,
                    ANSWER_LABELS.get(recorded["answer"], recorded["answer"]),
                    sources.get(recorded.get("source", ""), recorded.get("source", "")),
                    recorded.get("comment", ""),
                )
            )
        if rows:
            sections.append((section.title, rows))
    return sections


def when(value: datetime | None) -> str:
    """'Tue 1 Dec 2026, 10:00' in UK time, or an empty string."""
    if value is None:
        return ""
    local = timezone.localtime(value)
    return f"{local:%a} {local.day} {local:%b %Y, %H:%M}"


HELPERS = {"level_tag": level_tag, "when": when}
