"""The risk checklist engine: definitions, scoring and levels. Pure: no Django imports."""

from haven.deadlines import RiskLevel
from haven.risk.engine.answers import RecordedAnswer, checked_answers
from haven.risk.engine.definition import (
    ChecklistDefinition,
    ChecklistItem,
    ChecklistSection,
    InformationSource,
)
from haven.risk.engine.loading import (
    CHECKLISTS_DIR,
    ChecklistError,
    ChecklistInvalid,
    ChecklistNotFoundError,
    load_checklist,
    parse_checklist,
    read_checklist,
    same_questions,
    shipped_checklist,
)
from haven.risk.engine.scoring import (
    Answer,
    AssessmentInvalid,
    Reason,
    ReasonCode,
    RiskResult,
    RiskThresholds,
    assess,
    score,
)

__all__ = [
    "CHECKLISTS_DIR",
    "Answer",
    "AssessmentInvalid",
    "ChecklistDefinition",
    "ChecklistError",
    "ChecklistInvalid",
    "ChecklistItem",
    "ChecklistNotFoundError",
    "ChecklistSection",
    "InformationSource",
    "Reason",
    "ReasonCode",
    "RecordedAnswer",
    "RiskLevel",
    "RiskResult",
    "RiskThresholds",
    "assess",
    "checked_answers",
    "load_checklist",
    "parse_checklist",
    "read_checklist",
    "same_questions",
    "score",
    "shipped_checklist",
]
