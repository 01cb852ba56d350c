"""Apps above risk hear about completed checklists without risk importing them (the layers,
ADR 0009): each registers a function from its AppConfig.ready(); `risk_assessment_complete`
calls every one, inside its transaction, after the assessment is recorded."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from haven.accounts.models import User
    from haven.risk.models import RiskAssessment

AssessmentHook = Callable[["RiskAssessment", "User"], None]
_HOOKS: dict[str, AssessmentHook] = {}


def on_assessment_completed(hook: AssessmentHook) -> None:
    """Call `hook(assessment, actor)` after every completed checklist (once per function)."""
    _HOOKS[f"{hook.__module__}.{hook.__qualname__}"] = hook


def assessment_completed(assessment: RiskAssessment, actor: User) -> None:
    for hook in _HOOKS.values():
        hook(assessment, actor)
