"""Properties of scoring and levels over any answers and any valid profile thresholds."""

from hypothesis import given, settings
from hypothesis import strategies as st

from haven.risk.engine import Answer, ReasonCode, RiskLevel, RiskThresholds, assess

PROPERTY = settings(max_examples=200, deadline=None)

answer_sets = st.lists(st.sampled_from(list(Answer)), min_size=0, max_size=30).map(
    lambda values: {f"q{n}": value for n, value in enumerate(values)}
)


@st.composite
def thresholds(draw):
    high = draw(st.integers(min_value=1, max_value=30))
    medium = draw(st.one_of(st.none(), st.integers(min_value=0, max_value=high - 1)))
    escalation = draw(st.one_of(st.none(), st.integers(min_value=1, max_value=10)))
    return RiskThresholds(high=high, medium=medium, escalation_incidents_12m=escalation)


incidents = st.one_of(st.none(), st.integers(min_value=0, max_value=20))


@PROPERTY
@given(answers=answer_sets, limits=thresholds(), count=incidents)
def test_score_is_the_number_of_yes_answers(answers, limits, count):
    result = assess(answers=answers, thresholds=limits, incidents_last_12_months=count)
    assert result.score == list(answers.values()).count(Answer.YES)


@PROPERTY
@given(answers=answer_sets, limits=thresholds(), count=incidents)
def test_high_exactly_when_a_high_risk_criterion_applies(answers, limits, count):
    result = assess(answers=answers, thresholds=limits, incidents_last_12_months=count)
    escalated = (
        limits.escalation_incidents_12m is not None
        and count is not None
        and count >= limits.escalation_incidents_12m
    )
    assert result.is_high == (result.score >= limits.high or escalated)


@PROPERTY
@given(answers=answer_sets, limits=thresholds(), count=incidents, reason=st.text(min_size=1))
def test_professional_judgement_with_a_reason_is_always_high(answers, limits, count, reason):
    if not reason.strip():
        reason = "serious concern"
    result = assess(
        answers=answers,
        thresholds=limits,
        professional_judgement=True,
        professional_judgement_reason=reason,
        incidents_last_12_months=count,
    )
    assert result.level is RiskLevel.HIGH
    assert ReasonCode.PROFESSIONAL_JUDGEMENT in {r.code for r in result.reasons}


@PROPERTY
@given(answers=answer_sets, limits=thresholds(), count=incidents)
def test_the_level_is_never_below_the_score_band_without_an_override(answers, limits, count):
    order = [RiskLevel.STANDARD, RiskLevel.MEDIUM, RiskLevel.HIGH]
    result = assess(answers=answers, thresholds=limits, incidents_last_12_months=count)
    assert order.index(result.level) >= order.index(limits.band(result.score))
    assert result.reasons
    assert not result.is_overridden


@PROPERTY
@given(answers=answer_sets, limits=thresholds())
def test_one_more_yes_never_lowers_the_level(answers, limits):
    order = [RiskLevel.STANDARD, RiskLevel.MEDIUM, RiskLevel.HIGH]
    before = assess(answers=answers, thresholds=limits)
    after = assess(answers={**answers, "extra": Answer.YES}, thresholds=limits)
    assert order.index(after.level) >= order.index(before.level)
