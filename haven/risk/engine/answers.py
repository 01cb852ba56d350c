"""One recorded answer per question, checked against the checklist it answers.

Pure: no Django. The answers are stored raw (answer, source, comment) beside the score.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from haven.risk.engine.definition import ChecklistDefinition
from haven.risk.engine.scoring import Answer, AssessmentInvalid


@dataclass(frozen=True)
class RecordedAnswer:
    """Yes / no / don't know, where it came from and an optional comment."""

    answer: Answer
    source: str = "victim"
    comment: str = ""

    def as_dict(self) -> dict[str, str]:
        return {"answer": self.answer.value, "source": self.source, "comment": self.comment}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RecordedAnswer:
        return cls(
            Answer(data["answer"]), str(data.get("source", "")), str(data.get("comment", ""))
        )


def checked_answers(
    definition: ChecklistDefinition, answers: Mapping[str, RecordedAnswer]
) -> dict[str, RecordedAnswer]:
    """The answers in question order; AssessmentInvalid names the first question that is wrong."""
    unknown = sorted(set(answers) - set(definition.item_keys))
    if unknown:
        raise AssessmentInvalid("answers", f"Unknown questions: {', '.join(unknown)}")
    ordered: dict[str, RecordedAnswer] = {}
    for item in definition.items:
        answer = answers.get(item.key)
        if answer is None:
            message = f"Select yes, no or don't know for question {item.number}"
            raise AssessmentInvalid(f"answer_{item.key}", message)
        if answer.source not in definition.source_keys:
            message = f"Select where the answer to question {item.number} came from"
            raise AssessmentInvalid(f"source_{item.key}", message)
        ordered[item.key] = answer
    return ordered
