"""The home security assessment's score and the service level it sets. Pure: no Django.

seed 002 Lot 2 s3.1: "The Home Safety Assessment ... alongside vulnerability information
provided by the referral agency will provide a score to determine which service level the
victim will receive": 1 crime prevention advice, 2 plus items the victim fits or uses, 3 plus
items a specialist fits. The questions, points and thresholds are the profile's
(`target_hardening.assessment`).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Protocol


class Scored(Protocol):
    """A question or vulnerability factor: its key, words and points."""

    @property
    def key(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def points(self) -> int: ...


class Level(Protocol):
    @property
    def level(self) -> int: ...
    @property
    def from_score(self) -> int: ...


@dataclass(frozen=True)
class Assessed:
    """A scored assessment: the score, the level, and each point's reason (label, points)."""

    score: int
    level: int
    level_from: int
    reasons: tuple[tuple[str, int], ...]

    @property
    def explanation(self) -> str:
        """e.g. "score 7: 3 for no door chain, 3 for the perpetrator knows the address, 1 for no
        door viewer; level 2 from 5 points"."""
        parts = ", ".join(f"{points} for {_lower_first(label)}" for label, points in self.reasons)
        found = f": {parts}" if parts else ": no concern found"
        return f"score {self.score}{found}; level {self.level} from {self.level_from} points"


class UnknownAnswerError(ValueError):
    """An answer or factor the profile does not list."""


def assess(
    questions: Sequence[Scored],
    factors: Sequence[Scored],
    levels: Sequence[Level],
    *,
    concerns: Collection[str],
    vulnerabilities: Collection[str],
) -> Assessed:
    """The sum of the points of the concerns found and the vulnerability factors present, and
    the highest level whose threshold the score reaches (level 1 from 0)."""
    unknown = (set(concerns) - {q.key for q in questions}) | (
        set(vulnerabilities) - {f.key for f in factors}
    )
    if unknown:
        raise UnknownAnswerError(f"not in the assessment: {', '.join(sorted(unknown))}")
    reasons = tuple(
        (spec.label, spec.points)
        for chosen, specs in ((concerns, questions), (vulnerabilities, factors))
        for spec in specs
        if spec.key in chosen and spec.points > 0
    )
    score = sum(points for _, points in reasons)
    reached = [lvl for lvl in levels if score >= lvl.from_score]
    top = (
        max(reached, key=lambda lvl: lvl.from_score)
        if reached
        else min(levels, key=lambda lvl: lvl.from_score)
    )
    return Assessed(score=score, level=top.level, level_from=top.from_score, reasons=reasons)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[1:2].islower() or len(text) == 1 else text
