"""Profile sections other than time and rules: commissioner, reporting, eligibility, risk ...

Pure: no Django. Imported by `schema.Profile`; each checks what it can see on its own.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal, Self

from pydantic import Field, model_validator

from haven.contracts.profiles.rule_specs import (
    Citation,
    Count,
    DurationSpec,
    Key,
    Loc,
    Section,
    Text,
    invalid,
)
from haven.deadlines import Action, DeadlineRule, StartEvent

SupportNeed = Literal["da", "hba", "fgm", "fm", "sv_historic", "sv_acute", "stalking"]
ExitRequirement = Literal[
    "exit_risk_assessment", "exit_interview", "onward_referral", "needs_reassessment"
]


class DocumentSpec(Section):
    """The service specification as staff know it: pages cite "<title> (<year>), section 3.7"."""

    title: Text
    year: Annotated[int, Field(strict=True, ge=1990, le=2100)]


class CommissionerSpec(Section):
    name: Text
    citation: Citation
    note: str | None = None


class PeriodSpec(Section):
    start: date | None = None
    end: date | None = None

    @model_validator(mode="after")
    def _ends_after_start(self) -> Self:
        if self.start and self.end and self.end < self.start:
            raise invalid("period", [(("end",), "the contract ends before it starts", self.end)])
        return self


class ReportingSpec(Section):
    frequency: Literal["quarterly", "monthly", "biannual"]
    due: DurationSpec
    citation: Citation
    kpi_return: str | None = None
    note: str | None = None


class ReferralRouteSpec(Section):
    key: Key
    label: Text
    citation: Citation
    note: str | None = None


class EligibilitySpec(Section):
    citation: Citation
    min_age: Annotated[int, Field(strict=True, ge=0, le=120)] | None = None
    max_age: Annotated[int, Field(strict=True, ge=0, le=120)] | None = None
    areas: list[Text] | None = None
    genders: list[Text] | None = None
    primary_support_needs: list[SupportNeed] | None = None
    requires_consent: bool = True
    note: str | None = None

    @model_validator(mode="after")
    def _ages_in_order(self) -> Self:
        if self.min_age is not None and self.max_age is not None and self.max_age < self.min_age:
            raise invalid("eligibility", [(("max_age",), "is below min_age", self.max_age)])
        return self


class FirstContactSpec(Section):
    attempt_limit: Count | None = None
    final_letter: bool = False
    # What a successful contact (spoke to the person, visit done) does to a case that is new or
    # contacting: `engaged` moves it on to engaged; `ask` has the worker choose engaged, waiting
    # list or declined support when they record the contact.
    on_success: Literal["engaged", "ask"] = "engaged"
    citation: Citation | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _cited_when_it_asks_for_something(self) -> Self:
        if (self.attempt_limit or self.final_letter) and not self.citation:
            message = "an attempt limit or final letter needs a citation, e.g. seed 002 s3.7"
            raise invalid("first_contact", [(("citation",), message, self.citation)])
        if self.on_success == "ask" and not self.citation:
            message = "on_success: ask needs a citation, e.g. seed 003 s7"
            raise invalid("first_contact", [(("citation",), message, self.citation)])
        return self


class StayLimitSpec(Section):
    duration: DurationSpec
    citation: Citation
    on_exceed: list[Literal["exit_plan", "review_timetable", "commissioner_notice"]] = []
    note: str | None = None

    def to_rule(self) -> DeadlineRule:
        """The limit as a deadline from moving in (seed 004 s7.3: a stay over 20 weeks needs an
        exit plan, a review timetable and the commissioner told): met by moving out before it
        or by recording the extension (haven.refuge)."""
        needs = ", ".join(ON_EXCEED_LABELS[item] for item in self.on_exceed)
        label = "Stay limit: move on, or record why the stay goes on"
        return DeadlineRule(
            key=STAY_LIMIT_KEY,
            label=f"{label} ({needs})" if needs else label,
            start=StartEvent.ENTERED,
            duration=self.duration.to_duration(),
            action=Action.STAY_LIMIT,
            citation=self.citation,
            note=self.note,
        )


STAY_LIMIT_KEY = "stay_limit"
ON_EXCEED_LABELS = {
    "exit_plan": "an exit plan",
    "review_timetable": "a review timetable",
    "commissioner_notice": "the commissioner told",
}


class ReassessmentWindowSpec(Section):
    """A scheduled risk reassessment that is a window, not a point (seed 004 s4.2: "at 10-12
    week midpoint"): the rule (a deadline or schedule of action risk_assessment) is due at its
    own duration; a checklist completed before `opens` (from the same start) does not meet it."""

    rule: Key
    opens: DurationSpec
    citation: Citation
    note: str | None = None


class ChangeOfRiskSpec(Section):
    """Recording a change of risk (or an incident) on a case creates a reassessment task due
    `due` after it (seed 004 s4.2: "after any incident/change of risk")."""

    due: DurationSpec
    citation: Citation
    note: str | None = None


class ReassessmentsSpec(Section):
    windows: list[ReassessmentWindowSpec] = []
    on_change_of_risk: ChangeOfRiskSpec | None = None


class RiskRegisterSpec(Section):
    """High-risk victims who do not reach the local MARAC threshold (seed 001 s5), each with a
    review date: a case whose final level is high but whose score is below
    `marac_score_threshold` goes on the register with a review task `review_every` after."""

    marac_score_threshold: Count
    review_every: DurationSpec
    citation: Citation
    note: str | None = None


class CaseloadSpec(Section):
    """High-risk cases per caseworker over a rolling 12 months (seed 001 s5: IDVAs supporting
    caseloads of 80-100 high-risk victims a year); allocation warns above `high_risk_per_year`."""

    high_risk_per_year: Count
    citation: Citation
    note: str | None = None


class RiskSpec(Section):
    checklist: Text
    high_threshold: Count
    medium_threshold: Count | None = None
    escalation_incidents_12m: Count | None = None
    citation: Citation
    marac_on_high_risk: bool = False
    note: str | None = None
    reassessments: ReassessmentsSpec | None = None
    risk_register: RiskRegisterSpec | None = None
    caseload: CaseloadSpec | None = None

    @model_validator(mode="after")
    def _medium_below_high(self) -> Self:
        medium = self.medium_threshold
        if medium is not None and medium >= self.high_threshold:
            message = f"must be below high_threshold ({self.high_threshold})"
            raise invalid("risk", [(("medium_threshold",), message, medium)])
        return self


class WaitingListSpec(Section):
    allowed: bool
    priority_by: list[Literal["risk", "need", "vulnerability"]] = []
    exempt_cohorts: list[Key] = []
    # issue 13: a periodic contact task while the person waits, e.g. {weeks: 2}; none = no task
    contact_every: DurationSpec | None = None
    citation: Citation
    note: str | None = None


class ExclusionCriterionSpec(Section):
    """One criterion of the service's published exclusion statement (seed 003 s8)."""

    key: Key
    label: Text
    citation: Citation


class ExitSpec(Section):
    requires: list[ExitRequirement] = []
    # seed 003 s8: the public exclusions statement's criteria; none = no exclusion possible
    exclusion_criteria: list[ExclusionCriterionSpec] = []
    # needs_reassessment applies only to cases with an initial or review needs assessment on
    # their timeline (there is nothing to repeat otherwise), e.g. seed 002 s3.9
    reassess_only_if_assessed: bool = False
    citation: Citation | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _cited_when_it_requires_something(self) -> Self:
        if self.requires and not self.citation:
            message = "exit requirements need a citation, e.g. seed 003 s13"
            raise invalid("exit", [(("citation",), message, self.citation)])
        return self


class WorkbookSpec(Section):
    window_days: Count
    min_prior: Annotated[int, Field(strict=True, ge=0)]
    max_prior_exclusive: Count
    exclude_police_risk_grades: list[Text] = []
    match_threshold: Annotated[float, Field(gt=0, le=1)]
    citation: Citation
    note: str | None = None

    @model_validator(mode="after")
    def _prior_range_not_empty(self) -> Self:
        if self.max_prior_exclusive <= self.min_prior:
            message = f"must be above min_prior ({self.min_prior}) or no incident is eligible"
            raise invalid(
                "workbook", [(("max_prior_exclusive",), message, self.max_prior_exclusive)]
            )
        return self


class NeedsAreaSpec(Section):
    """One area of the needs assessment; `domain` is the reporting domain it rolls up to."""

    key: Key
    label: Text
    domain: Key


class NeedsAssessmentSpec(Section):
    """The areas a needs assessment scores (seed 002 s3.9: nine areas, reported as s7's eight
    distance-travelled domains); each area is scored on Haven's level-of-need scale."""

    areas: Annotated[list[NeedsAreaSpec], Field(min_length=1)]
    citation: Citation
    note: str | None = None

    @model_validator(mode="after")
    def _area_keys_unique(self) -> Self:
        seen: set[str] = set()
        problems: list[tuple[Loc, str, object]] = []
        for index, area in enumerate(self.areas):
            if area.key in seen:
                problems.append((("areas", index, "key"), "two areas have this key", area.key))
            seen.add(area.key)
        if problems:
            raise invalid("needs_assessment", problems)
        return self

    def domains(self) -> list[str]:
        """The reporting domains, in the order their first area appears."""
        return list(dict.fromkeys(area.domain for area in self.areas))


OutcomeStageName = Literal["intake", "review", "exit"]


class OutcomeInstrumentUseSpec(Section):
    """One outcome instrument (haven/outcomes/instruments/<key>.yaml) and the stages of a case
    it is asked at; the outcomes app checks the key names an instrument it has."""

    instrument: Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]*$")]
    stages: Annotated[list[OutcomeStageName], Field(min_length=1)]
    citation: Citation
    note: str | None = None

    @model_validator(mode="after")
    def _stages_unique(self) -> Self:
        if len(set(self.stages)) != len(self.stages):
            raise invalid("outcomes", [(("stages",), "a stage is named twice", self.stages)])
        return self


class OutcomesSpec(Section):
    """The outcome instruments the contract asks at intake, review and exit (issue 11 item 5);
    their answers give the outcome measures (reporting/measures/outcomes.py)."""

    instruments: Annotated[list[OutcomeInstrumentUseSpec], Field(min_length=1)]
    note: str | None = None

    @model_validator(mode="after")
    def _instruments_unique(self) -> Self:
        seen: set[str] = set()
        problems: list[tuple[Loc, str, object]] = []
        for index, use in enumerate(self.instruments):
            if use.instrument in seen:
                loc: Loc = ("instruments", index, "instrument")
                problems.append((loc, "this instrument is listed twice", use.instrument))
            seen.add(use.instrument)
        if problems:
            raise invalid("outcomes", problems)
        return self

    def stages_of(self, instrument: str) -> list[str]:
        use = next((u for u in self.instruments if u.instrument == instrument), None)
        return list(use.stages) if use else []
