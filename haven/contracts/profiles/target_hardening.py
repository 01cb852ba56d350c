"""The `target_hardening:` section of a profile: the home security assessment, the service
levels it sets, the annual items budget and the most spent on one property (seed 002 Lot 2).

Pure: no Django. Unknown keys are errors (Section).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal, Self

from pydantic import Field, model_validator

from haven.contracts.profiles.rule_specs import Citation, Key, Loc, Section, Text, invalid

Points = Annotated[int, Field(strict=True, ge=0, le=100)]
Money = Annotated[Decimal, Field(ge=0, max_digits=10, decimal_places=2)]


class ScoredAnswerSpec(Section):
    """One question of the home security assessment, or one vulnerability factor from the
    referrer: the points it adds to the score when it applies."""

    key: Key
    label: Text
    points: Points


class ServiceLevelSpec(Section):
    """A service level and the lowest score that reaches it."""

    level: Literal[1, 2, 3]
    label: Text
    from_score: Points


class AssessmentSpec(Section):
    citation: Citation
    questions: Annotated[list[ScoredAnswerSpec], Field(min_length=1)]
    vulnerability_factors: list[ScoredAnswerSpec] = []
    levels: Annotated[list[ServiceLevelSpec], Field(min_length=3, max_length=3)]
    note: str | None = None

    @model_validator(mode="after")
    def _keys_and_levels(self) -> Self:
        problems: list[tuple[Loc, str, object]] = []
        seen: dict[str, str] = {}
        for section, answers in (
            ("questions", self.questions),
            ("vulnerability_factors", self.vulnerability_factors),
        ):
            for index, answer in enumerate(answers):
                if answer.key in seen:
                    message = f"duplicate key; first used in {seen[answer.key]}"
                    problems.append(((section, index, "key"), message, answer.key))
                seen.setdefault(answer.key, section)
        levels = [spec.level for spec in self.levels]
        if levels != [1, 2, 3]:
            problems.append((("levels",), "list levels 1, 2 and 3 in that order", levels))
        elif self.levels[0].from_score != 0:
            message = "level 1 is every score: its from_score is 0"
            problems.append((("levels", 0, "from_score"), message, self.levels[0].from_score))
        elif not self.levels[0].from_score < self.levels[1].from_score < self.levels[2].from_score:
            message = "each level starts at a higher score than the one before"
            problems.append((("levels",), message, [s.from_score for s in self.levels]))
        if problems:
            raise invalid("target_hardening.assessment", problems)
        return self


class BudgetSpec(Section):
    """The year's budget for items and the most spent on one property without a manager's
    approval."""

    annual_items: Money
    per_property: Annotated[Decimal, Field(gt=0, max_digits=10, decimal_places=2)]
    citation: Citation
    note: str | None = None


class TargetHardeningSpec(Section):
    assessment: AssessmentSpec
    budget: BudgetSpec
