"""Score a completed checklist and decide the risk level, with every reason that applies.

Pure: no Django. Score = count of "yes" answers. High risk when the score reaches the profile's
high threshold, on professional judgement (with a written reason), or on potential escalation
(incidents in the last 12 months at or above the profile's threshold). Medium and standard are
bands of the score set by the profile as local practice (reference.md s1.4).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from haven.deadlines import RiskLevel


class Answer(StrEnum):
    YES = "yes"
    NO = "no"
    DONT_KNOW = "dont_know"


class ReasonCode(StrEnum):
    VISIBLE_HIGH_RISK = "visible_high_risk"
    PROFESSIONAL_JUDGEMENT = "professional_judgement"
    POTENTIAL_ESCALATION = "potential_escalation"
    MEDIUM_BAND = "medium_band"
    STANDARD_BAND = "standard_band"
    OVERRIDE = "override"


class AssessmentInvalid(ValueError):  # noqa: N818 - reads as a sentence at the call site
    """The inputs cannot produce a result; `field` names the input, the message says why."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        super().__init__(message)


@dataclass(frozen=True)
class RiskThresholds:
    """The profile's `risk:` settings; None switches the medium band or escalation off."""

    high: int = 14  # reference.md s1.4: SafeLives 14 "yes" answers
    medium: int | None = 10  # local practice (NIDAS Norfolk, Plymouth), not national guidance
    escalation_incidents_12m: int | None = 3  # reference.md s1.4: SafeLives 3 in 12 months

    def __post_init__(self) -> None:
        if self.high < 1:
            raise ValueError("the high threshold must be at least 1")
        if self.medium is not None and not 0 <= self.medium < self.high:
            raise ValueError("the medium threshold must be below the high threshold")
        if self.escalation_incidents_12m is not None and self.escalation_incidents_12m < 1:
            raise ValueError("the escalation threshold must be at least 1 incident")

    @classmethod
    def from_profile(cls, risk: Mapping[str, Any] | None) -> RiskThresholds:
        """From a contract profile's `risk` mapping; the defaults when it has none."""
        if not risk:
            return cls()
        return cls(
            high=int(risk.get("high_threshold") or cls.high),
            medium=risk.get("medium_threshold"),
            escalation_incidents_12m=risk.get("escalation_incidents_12m"),
        )

    def band(self, score: int) -> RiskLevel:
        """The level the score alone gives."""
        if score >= self.high:
            return RiskLevel.HIGH
        if self.medium is not None and score >= self.medium:
            return RiskLevel.MEDIUM
        return RiskLevel.STANDARD

    def describe_band(self, level: RiskLevel) -> str:
        """E.g. "10 to 13" for medium."""
        medium = self.medium if self.medium is not None else self.high
        if level is RiskLevel.HIGH:
            return f"{self.high} or more"
        if level is RiskLevel.MEDIUM:
            return f"{medium} to {self.high - 1}"
        return f"0 to {medium - 1}"


@dataclass(frozen=True)
class Reason:
    """Why the level is what it is, as a code (for reports) and a sentence (for people)."""

    code: ReasonCode
    text: str

    def as_dict(self) -> dict[str, str]:
        return {"code": self.code.value, "text": self.text}


@dataclass(frozen=True)
class RiskResult:
    score: int
    score_level: RiskLevel  # the band of the score alone
    computed_level: RiskLevel  # score band raised by judgement or escalation
    level: RiskLevel  # final: the computed level unless an explicit override lowered it
    reasons: tuple[Reason, ...]

    @property
    def is_high(self) -> bool:
        return self.level is RiskLevel.HIGH

    @property
    def is_overridden(self) -> bool:
        return self.level is not self.computed_level


def score(answers: Mapping[str, Answer]) -> int:
    """The number of "yes" answers."""
    return sum(1 for answer in answers.values() if answer is Answer.YES)


def assess(
    *,
    answers: Mapping[str, Answer],
    thresholds: RiskThresholds,
    professional_judgement: bool = False,
    professional_judgement_reason: str = "",
    incidents_last_12_months: int | None = None,
    override: RiskLevel | None = None,
    override_reason: str = "",
) -> RiskResult:
    """The result of one completed checklist. Raises AssessmentInvalid for unusable inputs."""
    _check_inputs(professional_judgement, professional_judgement_reason, incidents_last_12_months)
    total = score(answers)
    score_level = thresholds.band(total)
    reasons = _high_risk_reasons(
        total,
        thresholds,
        professional_judgement_reason.strip() if professional_judgement else "",
        incidents_last_12_months,
    )
    computed = RiskLevel.HIGH if reasons else score_level
    if not reasons:
        reasons = [_band_reason(total, score_level, thresholds)]
    level = computed
    if override is not None and override is not computed:
        level = _checked_override(override, override_reason)
        text = f"Level changed from {computed.value} to {override.value}: {override_reason.strip()}"
        reasons.append(Reason(ReasonCode.OVERRIDE, text))
    return RiskResult(total, score_level, computed, level, tuple(reasons))


def _check_inputs(judgement: bool, judgement_reason: str, incidents: int | None) -> None:
    if judgement and not judgement_reason.strip():
        raise AssessmentInvalid(
            "professional_judgement_reason",
            "Enter the reasons for your professional judgement",
        )
    if incidents is not None and incidents < 0:
        raise AssessmentInvalid("incidents_last_12_months", "Number of incidents must be 0 or more")


def _high_risk_reasons(
    total: int, thresholds: RiskThresholds, judgement_reason: str, incidents: int | None
) -> list[Reason]:
    reasons: list[Reason] = []
    if total >= thresholds.high:
        text = f"Visible high risk: {total} yes answers (threshold {thresholds.high})"
        reasons.append(Reason(ReasonCode.VISIBLE_HIGH_RISK, text))
    if judgement_reason:
        text = f"Professional judgement: {judgement_reason}"
        reasons.append(Reason(ReasonCode.PROFESSIONAL_JUDGEMENT, text))
    escalation = thresholds.escalation_incidents_12m
    if escalation is not None and incidents is not None and incidents >= escalation:
        text = (
            f"Potential escalation: {incidents} incidents in the last 12 months "
            f"(threshold {escalation})"
        )
        reasons.append(Reason(ReasonCode.POTENTIAL_ESCALATION, text))
    return reasons


def _band_reason(total: int, level: RiskLevel, thresholds: RiskThresholds) -> Reason:
    code = ReasonCode.MEDIUM_BAND if level is RiskLevel.MEDIUM else ReasonCode.STANDARD_BAND
    band = thresholds.describe_band(level)
    text = f"{total} yes answers is in the {level.value} band ({band}, local practice)"
    return Reason(code, text)


def _checked_override(override: RiskLevel, reason: str) -> RiskLevel:
    # reference.md s1.4 (b): no downgrade below the actuarial result without an explicit reason.
    if not reason.strip():
        raise AssessmentInvalid("override_reason", "Enter the reason for changing the risk level")
    if override is RiskLevel.HIGH:  # high is always recorded with its reason, never as an override
        raise AssessmentInvalid(
            "override",
            "To raise the level to high, use professional judgement and give your reasons",
        )
    return override
