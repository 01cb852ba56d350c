"""The pure engine: score = count of yes; high on the threshold, judgement or escalation."""

import pytest

from haven.risk.engine import (
    Answer,
    AssessmentInvalid,
    ReasonCode,
    RiskLevel,
    RiskThresholds,
    assess,
    score,
)

DEFAULT = RiskThresholds()


def answers(yes: int, no: int = 0, dont_know: int = 0) -> dict[str, Answer]:
    values = [Answer.YES] * yes + [Answer.NO] * no + [Answer.DONT_KNOW] * dont_know
    return {f"q{number}": value for number, value in enumerate(values, start=1)}


def codes(result):
    return [reason.code for reason in result.reasons]


def test_score_counts_only_yes_answers():
    assert score(answers(yes=5, no=10, dont_know=9)) == 5


def test_thirteen_yes_answers_is_medium_not_high():
    result = assess(answers=answers(yes=13, no=11), thresholds=DEFAULT)
    assert result.score == 13
    assert result.level is RiskLevel.MEDIUM
    assert codes(result) == [ReasonCode.MEDIUM_BAND]


def test_fourteen_yes_answers_is_visible_high_risk():
    result = assess(answers=answers(yes=14, no=10), thresholds=DEFAULT)
    assert result.level is RiskLevel.HIGH
    assert codes(result) == [ReasonCode.VISIBLE_HIGH_RISK]
    assert "14 yes answers (threshold 14)" in result.reasons[0].text


def test_dont_know_answers_never_count_towards_high_risk():
    result = assess(answers=answers(yes=13, dont_know=11), thresholds=DEFAULT)
    assert result.level is RiskLevel.MEDIUM


def test_nine_yes_answers_is_standard_and_ten_is_medium():
    assert assess(answers=answers(yes=9), thresholds=DEFAULT).level is RiskLevel.STANDARD
    assert assess(answers=answers(yes=10), thresholds=DEFAULT).level is RiskLevel.MEDIUM


def test_standard_band_reason_says_it_is_local_practice():
    result = assess(answers=answers(yes=3), thresholds=DEFAULT)
    assert (
        result.reasons[0].text == "3 yes answers is in the standard band (0 to 9, local practice)"
    )


def test_professional_judgement_makes_a_low_score_high_and_keeps_the_reason():
    result = assess(
        answers=answers(yes=2),
        thresholds=DEFAULT,
        professional_judgement=True,
        professional_judgement_reason="Non-fatal strangulation disclosed; fears being killed",
    )
    assert result.level is RiskLevel.HIGH
    assert result.score_level is RiskLevel.STANDARD
    assert codes(result) == [ReasonCode.PROFESSIONAL_JUDGEMENT]
    assert "Non-fatal strangulation" in result.reasons[0].text


def test_professional_judgement_without_a_reason_is_refused():
    with pytest.raises(AssessmentInvalid) as error:
        assess(answers=answers(yes=2), thresholds=DEFAULT, professional_judgement=True)
    assert error.value.field == "professional_judgement_reason"


def test_a_judgement_reason_without_the_flag_does_not_raise_the_level():
    result = assess(
        answers=answers(yes=2), thresholds=DEFAULT, professional_judgement_reason="ignored"
    )
    assert result.level is RiskLevel.STANDARD


def test_escalation_is_high_at_the_profile_threshold_and_not_below():
    below = assess(answers=answers(yes=1), thresholds=DEFAULT, incidents_last_12_months=2)
    at = assess(answers=answers(yes=1), thresholds=DEFAULT, incidents_last_12_months=3)
    assert below.level is RiskLevel.STANDARD
    assert at.level is RiskLevel.HIGH
    assert codes(at) == [ReasonCode.POTENTIAL_ESCALATION]


def test_escalation_follows_a_local_threshold_of_five():
    local = RiskThresholds(escalation_incidents_12m=5)
    assert assess(answers={}, thresholds=local, incidents_last_12_months=4).level is not (
        RiskLevel.HIGH
    )
    assert assess(answers={}, thresholds=local, incidents_last_12_months=5).is_high


def test_escalation_switched_off_never_raises_the_level():
    off = RiskThresholds(escalation_incidents_12m=None)
    assert not assess(answers={}, thresholds=off, incidents_last_12_months=40).is_high


def test_every_reason_that_applies_is_recorded():
    result = assess(
        answers=answers(yes=15),
        thresholds=DEFAULT,
        professional_judgement=True,
        professional_judgement_reason="Threats to kill the children",
        incidents_last_12_months=4,
    )
    assert codes(result) == [
        ReasonCode.VISIBLE_HIGH_RISK,
        ReasonCode.PROFESSIONAL_JUDGEMENT,
        ReasonCode.POTENTIAL_ESCALATION,
    ]


def test_bands_come_from_the_profile():
    thresholds = RiskThresholds.from_profile(
        {"high_threshold": 12, "medium_threshold": 6, "escalation_incidents_12m": 5}
    )
    assert assess(answers=answers(yes=5), thresholds=thresholds).level is RiskLevel.STANDARD
    assert assess(answers=answers(yes=6), thresholds=thresholds).level is RiskLevel.MEDIUM
    assert assess(answers=answers(yes=12), thresholds=thresholds).level is RiskLevel.HIGH


def test_a_profile_without_a_medium_band_goes_from_standard_to_high():
    thresholds = RiskThresholds.from_profile({"high_threshold": 14, "medium_threshold": None})
    assert assess(answers=answers(yes=13), thresholds=thresholds).level is RiskLevel.STANDARD


def test_a_profile_without_a_risk_section_uses_the_safelives_defaults():
    assert RiskThresholds.from_profile(None) == RiskThresholds(14, 10, 3)


def test_negative_incident_counts_are_refused():
    with pytest.raises(AssessmentInvalid) as error:
        assess(answers={}, thresholds=DEFAULT, incidents_last_12_months=-1)
    assert error.value.field == "incidents_last_12_months"


def test_a_downgrade_needs_an_explicit_reason():
    with pytest.raises(AssessmentInvalid) as error:
        assess(answers=answers(yes=14), thresholds=DEFAULT, override=RiskLevel.MEDIUM)
    assert error.value.field == "override_reason"


def test_an_explicit_downgrade_keeps_the_computed_level_and_every_reason():
    result = assess(
        answers=answers(yes=14),
        thresholds=DEFAULT,
        override=RiskLevel.MEDIUM,
        override_reason="Two answers were about a previous partner, agreed with the manager",
    )
    assert result.computed_level is RiskLevel.HIGH
    assert result.level is RiskLevel.MEDIUM
    assert result.is_overridden
    assert codes(result) == [ReasonCode.VISIBLE_HIGH_RISK, ReasonCode.OVERRIDE]


def test_an_override_cannot_make_a_case_high_risk():
    with pytest.raises(AssessmentInvalid) as error:
        assess(answers={}, thresholds=DEFAULT, override=RiskLevel.HIGH, override_reason="worried")
    assert error.value.field == "override"


def test_thresholds_refuse_a_medium_band_at_or_above_high():
    with pytest.raises(ValueError, match="below the high threshold"):
        RiskThresholds(high=10, medium=10)
