"""Suggested allocation (pure): seed 002 Lot 1 s3.7 factors, seed 004 s9 caseloads matched to
risk, seed 001 s5 IDVAs (80-100 high-risk cases a year)."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from haven.casework.allocation_suggestions import (
    CaseFacts,
    WorkerFacts,
    exclusions,
    explain,
    suggest_allocation,
)


def worker(name: str, **facts: object) -> WorkerFacts:
    return WorkerFacts(key=name, name=name, **facts)  # type: ignore[arg-type]


def ranked(case: CaseFacts, *workers: WorkerFacts) -> list[str]:
    return [s.worker.name for s in suggest_allocation(case, workers)]


def test_seed_002_s3_7_idva_ranks_first_for_a_high_risk_case() -> None:
    case = CaseFacts(risk_level="high")
    idva = worker("Ivy", specialisms=frozenset({"idva"}))
    other = worker("Olu")
    assert ranked(case, other, idva) == ["Ivy", "Olu"]
    assert "IDVA for a high-risk case" in explain(case, idva).explanation


def test_seed_001_s5_high_risk_case_of_an_idva_service_needs_an_idva() -> None:
    case = CaseFacts(risk_level="high", idva_required=True)
    idva = worker("Ivy", specialisms=frozenset({"idva"}))
    other = worker("Olu")
    assert ranked(case, other, idva) == ["Ivy"]
    (left_out,) = exclusions(case, [other, idva])
    assert left_out.worker.name == "Olu"
    assert "Not an IDVA" in (left_out.excluded or "")


def test_a_medium_risk_case_of_an_idva_service_may_go_to_anyone() -> None:
    case = CaseFacts(risk_level="medium", idva_required=True)
    assert ranked(case, worker("Olu"), worker("Ivy", specialisms=frozenset({"idva"}))) == [
        "Ivy",
        "Olu",
    ]


def test_a_worker_who_may_not_take_the_case_is_never_suggested() -> None:
    case = CaseFacts()
    gone = worker("Gail", refusal="Gail no longer works in Haven")
    assert ranked(case, gone, worker("Olu")) == ["Olu"]
    assert exclusions(case, [gone])[0].excluded == "Gail no longer works in Haven"


def test_seed_002_s3_7_equalities_profile_a_stated_gender_preference_counts() -> None:
    case = CaseFacts(preferred_worker_gender="female")
    him = worker("Mo", gender="male")
    her = worker("Fay", gender="female")
    assert ranked(case, him, her) == ["Fay", "Mo"]
    assert "asked for a female worker: this worker is male" in explain(case, him).explanation
    assert "female worker, as asked" in explain(case, her).explanation


def test_seed_002_s3_7_language_and_location() -> None:
    case = CaseFacts(language="Polish", areas=("Leicester",))
    speaks = worker("Pia", languages=frozenset({"Polish"}))
    covers = worker("Lee", areas=frozenset({"leicester"}))
    assert "speaks Polish" in explain(case, speaks).explanation
    assert "covers Leicester" in explain(case, covers).explanation
    assert ranked(case, covers, speaks) == ["Pia", "Lee"]


def test_english_needs_no_language_match() -> None:
    case = CaseFacts(language="English")
    assert "speak" not in explain(case, worker("Olu")).explanation


def test_seed_002_s3_7_specialisms_male_victim_and_lgbt() -> None:
    case = CaseFacts(needs=frozenset({"male_victims", "lgbt"}))
    specialist = worker("Sam", specialisms=frozenset({"male_victims"}))
    assert ranked(case, worker("Olu"), specialist) == ["Sam", "Olu"]
    assert "specialises in male victims" in explain(case, specialist).explanation


def test_seed_004_s9_caseloads_a_lighter_caseload_ranks_higher() -> None:
    case = CaseFacts()
    busy = worker("Bea", open_cases=20, max_open_cases=25)
    light = worker("Lia", open_cases=12, max_open_cases=25)
    assert ranked(case, busy, light) == ["Lia", "Bea"]
    assert "12 of 25 cases" in explain(case, light).explanation


def test_at_capacity_is_said_and_ranks_below() -> None:
    case = CaseFacts()
    full = worker("Fin", open_cases=25, max_open_cases=25, specialisms=frozenset({"lgbt"}))
    assert "at capacity: 25 of 25 cases" in explain(case, full).explanation
    assert ranked(case, full, worker("Olu", open_cases=3, max_open_cases=25)) == ["Olu", "Fin"]


def test_seed_001_s5_idva_at_the_yearly_high_risk_limit_is_said() -> None:
    case = CaseFacts(risk_level="high")
    full = worker(
        "Ivy", specialisms=frozenset({"idva"}), high_risk_this_year=100, high_risk_per_year=100
    )
    fresh = worker(
        "Ida", specialisms=frozenset({"idva"}), high_risk_this_year=40, high_risk_per_year=100
    )
    assert "at 100 of 100 high-risk cases this year" in explain(case, full).explanation
    assert "40 of 100 high-risk cases this year" in explain(case, fresh).explanation
    assert ranked(case, full, fresh) == ["Ida", "Ivy"]


workers = st.builds(
    WorkerFacts,
    key=st.uuids(),
    name=st.sampled_from(["Ann", "Bo", "Cy", "Di"]),
    specialisms=st.frozensets(st.sampled_from(["idva", "male_victims", "lgbt", "disability"])),
    languages=st.frozensets(st.sampled_from(["Polish", "Gujarati"])),
    gender=st.sampled_from(["", "female", "male"]),
    areas=st.frozensets(st.sampled_from(["Leicester", "Truro"])),
    open_cases=st.integers(0, 40),
    max_open_cases=st.none() | st.integers(1, 40),
    open_high_risk=st.integers(0, 10),
    high_risk_this_year=st.integers(0, 120),
    high_risk_per_year=st.none() | st.integers(1, 100),
)
cases = st.builds(
    CaseFacts,
    risk_level=st.sampled_from(["", "standard", "medium", "high"]),
    preferred_worker_gender=st.sampled_from(["", "female", "male"]),
    language=st.sampled_from(["", "English", "Polish"]),
    needs=st.frozensets(st.sampled_from(["male_victims", "lgbt", "disability"])),
    areas=st.lists(st.sampled_from(["", "Leicester", "Truro"]), max_size=2).map(tuple),
    idva_required=st.booleans(),
)


@given(cases, st.lists(workers, min_size=1, max_size=6), st.integers(1, 30))
def test_seed_004_s9_more_spare_capacity_never_lowers_a_rank(
    case: CaseFacts, team: list[WorkerFacts], extra: int
) -> None:
    chosen = team[0]
    if chosen.max_open_cases is None:
        return
    before = [s.worker.key for s in suggest_allocation(case, team)]
    roomier = replace(chosen, max_open_cases=chosen.max_open_cases + extra)
    after = [s.worker.key for s in suggest_allocation(case, [roomier, *team[1:]])]
    if chosen.key in before:
        assert after.index(chosen.key) <= before.index(chosen.key)


@given(cases, workers, st.integers(0, 20))
def test_seed_004_s9_a_worker_at_capacity_never_outranks_an_equal_worker_below_it(
    case: CaseFacts, base: WorkerFacts, limit: int
) -> None:
    full = replace(base, key="full", name="Ann", open_cases=limit + 1, max_open_cases=limit + 1)
    below = replace(base, key="below", name="Zed", open_cases=limit, max_open_cases=limit + 1)
    order = [s.worker.key for s in suggest_allocation(case, [full, below])]
    if order:
        assert order.index("below") < order.index("full")


@given(cases, st.lists(workers, max_size=6))
def test_every_suggestion_is_explained_and_scores_sum_its_reasons(
    case: CaseFacts, team: list[WorkerFacts]
) -> None:
    suggestions = suggest_allocation(case, team)
    assert len(suggestions) + len(exclusions(case, team)) == len(team)
    for suggestion in suggestions:
        assert suggestion.reasons
        assert suggestion.score == sum(reason.points for reason in suggestion.reasons)
    scores = [s.score for s in suggestions]
    assert scores == sorted(scores, reverse=True)
