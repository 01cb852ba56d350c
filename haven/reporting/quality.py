"""Data quality of a contract's return: completeness of every field the measures need, and
implausible values (seed 004 s11.1: "100% complete quarterly data with an exceptions report and
remedial plan"; issue 10 s3).

Pure over `Facts` (`quality_report`): no Django. Which fields are needed comes from the
profile's measure catalogue (a breakdown by protected characteristics needs the equality
answers, a breakdown by primary support need needs the referral's, a planned-exits measure
needs the exit type ...), plus the fields the equality analysis always needs (seed 004 s11.1,
seed 001 s14). `exception_count(contract, period)` loads the facts and counts the exceptions,
for sign-off to warn while any remain.

Records checked, each placed in the period as the returns count them (README, counting rules):
- referrals received in the period (`received_at`);
- cases open at any moment of the period;
- cases closed in the period (`closed_at`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import Any

from haven.people.ages import age_on
from haven.reporting.facts import CaseFact, Facts, PersonFact, ReferralFact
from haven.reporting.periods import Period

EQUALITY_ANALYSIS = "Equality analysis (seed 004 s11.1; seed 001 s14)"
OLDEST_PLAUSIBLE_AGE = 110
ADULT_QUESTIONS_FROM_AGE = 16  # Census 2021 asks sexual orientation and gender identity from 16

RECORD_TYPES: dict[str, str] = {
    "referrals": "Referrals received",
    "cases_open": "Cases open in the period",
    "cases_closed": "Cases closed in the period",
}
# The kind of record each type lists (drill-down links: referral page or case page).
RECORD_KIND = {"referrals": "referral", "cases_open": "case", "cases_closed": "case"}


@dataclass(frozen=True)
class Record:
    """One record a check looks at: its kind and id, its person and (if any) its case."""

    kind: str  # referral | case
    id: Any
    person: PersonFact | None
    referral: ReferralFact | None
    case: CaseFact | None
    moment: datetime  # when it entered the return (received, or opened)


@dataclass(frozen=True)
class FieldCheck:
    key: str
    label: str
    record_types: tuple[str, ...]
    present: Callable[[Record], bool]
    applies: Callable[[Record], bool] = lambda record: True
    breakdowns: frozenset[str] = frozenset()  # a measure broken down by one of these needs it
    computations: frozenset[str] = frozenset()  # a measure computed by one of these needs it
    always: str = ""  # needed whatever the catalogue says (and why)
    # a measure whose parameters ask for it needs it (the type of disability, a refugee group)
    wanted_by: Callable[[Any], bool] = lambda measure: False


@dataclass(frozen=True)
class FieldCompleteness:
    key: str
    label: str
    record_type: str
    needed_by: tuple[str, ...]
    checked: tuple[Any, ...]  # ids of the records the field applies to
    missing: tuple[Any, ...]  # ids of those without it

    @property
    def complete(self) -> int:
        return len(self.checked) - len(self.missing)

    @property
    def share(self) -> float | None:
        """Completeness as a fraction (None when no record needs the field)."""
        return self.complete / len(self.checked) if self.checked else None

    @property
    def slug(self) -> str:
        return f"{self.record_type}.{self.key}"


@dataclass(frozen=True)
class ImplausibleCheck:
    key: str
    label: str
    record_type: str  # referrals | cases_open
    found: Callable[[Record, Facts, date], bool]


@dataclass(frozen=True)
class ImplausibleValues:
    key: str
    label: str
    record_type: str
    ids: tuple[Any, ...]


@dataclass(frozen=True)
class QualityReport:
    period: Period
    fields: tuple[FieldCompleteness, ...]
    implausible: tuple[ImplausibleValues, ...]
    records: dict[str, tuple[Record, ...]] = field(default_factory=dict)

    @property
    def exception_count(self) -> int:
        """Each (record, field) missing and each (record, check) implausible counts once."""
        return sum(len(f.missing) for f in self.fields) + sum(len(i.ids) for i in self.implausible)

    def by_record_type(self) -> list[tuple[str, str, list[FieldCompleteness]]]:
        return [
            (key, label, [f for f in self.fields if f.record_type == key])
            for key, label in RECORD_TYPES.items()
            if any(f.record_type == key for f in self.fields)
        ]

    def field(self, slug: str) -> FieldCompleteness | None:
        return next((f for f in self.fields if f.slug == slug), None)

    def check(self, key: str) -> ImplausibleValues | None:
        return next((i for i in self.implausible if i.key == key), None)

    def record(self, record_type: str, record_id: Any) -> Record | None:
        return self._index.get(record_type, {}).get(record_id)

    @cached_property
    def _index(self) -> dict[str, dict[Any, Record]]:
        return {kind: {r.id: r for r in rows} for kind, rows in self.records.items()}


# --- the fields --------------------------------------------------------------------------------


def _person(name: str) -> Callable[[Record], bool]:
    return lambda r: r.person is not None and bool(getattr(r.person, name))


def _adult(record: Record) -> bool:
    """Questions Census 2021 asks from 16 only; without a date of birth, asked."""
    person = record.person
    if person is None or person.date_of_birth is None:
        return person is None or not person.is_child
    return age_on(person.date_of_birth, record.moment.date()) >= ADULT_QUESTIONS_FROM_AGE


def _referral(name: str) -> Callable[[Record], bool]:
    return lambda r: r.referral is not None and bool(getattr(r.referral, name))


def _case(name: str) -> Callable[[Record], bool]:
    return lambda r: r.case is not None and bool(getattr(r.case, name))


def is_agency_route(route: str) -> bool:
    """A referral made by an agency (police, partner, health ...), not a self-referral."""
    return bool(route) and "self" not in route


PEOPLE = ("referrals", "cases_open")


def _params(measure: Any) -> dict[str, Any]:
    return getattr(measure, "params", None) or {}


PC = "protected_characteristics"


def _equality(key: str, label: str, name: str, dimension: str, adult: bool = False) -> FieldCheck:
    return FieldCheck(
        key,
        label,
        PEOPLE,
        _person(name),
        _adult if adult else (lambda r: True),
        breakdowns=frozenset({PC, dimension}),
        always=EQUALITY_ANALYSIS,
    )


FIELD_CHECKS: tuple[FieldCheck, ...] = (
    FieldCheck(
        "date_of_birth",
        "Date of birth (age)",
        PEOPLE,
        _person("date_of_birth"),
        breakdowns=frozenset({PC, "age", "child_or_adult"}),
        computations=frozenset({"people_supported", "people_referred"}),
        always=EQUALITY_ANALYSIS,
    ),
    _equality("sex", "Sex", "sex", "sex"),
    _equality(
        "gender_same_as_birth",
        "Gender the same as sex registered at birth",
        "gender_same_as_birth",
        "gender_reassignment",
        adult=True,
    ),
    _equality(
        "sexual_orientation", "Sexual orientation", "sexual_orientation", "sexual_orientation", True
    ),
    _equality("disability", "Disability", "disability", "disability"),
    # issue 16: the type of disability (asked of those who said yes) where a measure counts by it
    # (seed 004 s10 E10-E13, SC10), and immigration status where a measure counts refugee
    # communities (seed 001 s6 "refugee communities")
    FieldCheck(
        "disability_types",
        "Type of disability (those who are disabled)",
        PEOPLE,
        _person("disability_types"),
        lambda r: r.person is not None and r.person.disability == "yes",
        wanted_by=lambda m: "disability_types" in _params(m),
    ),
    FieldCheck(
        "immigration_status",
        "Immigration status",
        PEOPLE,
        _person("immigration_status"),
        wanted_by=lambda m: _params(m).get("group") == "refugee",
    ),
    _equality("ethnicity", "Ethnic group", "ethnicity", "race"),
    _equality("religion", "Religion or belief", "religion", "religion_belief"),
    _equality(
        "marital_status",
        "Marriage and civil partnership",
        "marital_status",
        "marriage_civil_partnership",
        adult=True,
    ),
    _equality(
        "pregnancy_maternity",
        "Pregnancy and maternity",
        "pregnancy_maternity",
        "pregnancy_maternity",
        adult=True,
    ),
    FieldCheck(
        "local_authority",
        "Local authority area",
        ("referrals",),
        _person("local_authority"),
        breakdowns=frozenset({"local_authority"}),
    ),
    FieldCheck(
        "primary_support_need",
        "Primary support need",
        ("referrals",),
        _referral("primary_support_need"),
        breakdowns=frozenset({"primary_support_need"}),
    ),
    FieldCheck(
        "source_organisation",
        "Referring agency (agency referrals)",
        ("referrals",),
        _referral("source_organisation"),
        lambda r: r.referral is not None and is_agency_route(r.referral.route),
        breakdowns=frozenset({"source_organisation"}),
    ),
    FieldCheck(
        "contact_method",
        "Chosen contact method",
        ("referrals",),
        _referral("contact_method"),
        breakdowns=frozenset({"contact_method"}),
    ),
    FieldCheck(
        "risk_level",
        "Risk level",
        ("cases_open",),
        _case("risk_level"),
        breakdowns=frozenset({"risk_level"}),
        computations=frozenset(
            {
                "cases_opened",
                "average_support_days",
                "marac_threshold_met",
                "risk_reduced_at_closure",
            }
        ),
    ),
    FieldCheck(
        "exit_type",
        "Exit type (planned or unplanned)",
        ("cases_closed",),
        _case("exit_type"),
        breakdowns=frozenset({"exit_type"}),
        computations=frozenset({"planned_exits", "cases_closed"}),
        always=EQUALITY_ANALYSIS,  # outcomes: planned exits among closures
    ),
    FieldCheck(
        # issue 11 exits: Haven asks why support ended at every closure; a case closed without
        # one (imported, or closed before exit reasons were recorded) is a gap in the exits
        "exit_reason",
        "Exit reason (why support ended)",
        ("cases_closed",),
        _case("exit_reason"),
        breakdowns=frozenset({"exit_reason"}),
        computations=frozenset({"first_contact_outcome"}),
    ),
)


def needed_by(check: FieldCheck, measures: Iterable[Any]) -> tuple[str, ...]:
    """The measure ids (and the equality analysis) that need the field; empty: not needed."""
    ids = [
        m.id
        for m in measures
        if m.compute is not None
        and (
            set(m.breakdowns) & check.breakdowns
            or m.compute in check.computations
            or check.wanted_by(m)
        )
    ]
    return (*ids, *([check.always] if check.always else []))


# --- implausible values ------------------------------------------------------------------------


def _closed_before_opened(r: Record, facts: Facts, today: date) -> bool:
    return (
        r.case is not None and r.case.closed_at is not None and r.case.closed_at < r.case.opened_at
    )


def _contact_before_referral(r: Record, facts: Facts, today: date) -> bool:
    case, referral = r.case, r.referral
    return (
        case is not None
        and referral is not None
        and case.first_contact_at is not None
        and case.first_contact_at < referral.received_at
    )


def _birth_implausible(r: Record, facts: Facts, today: date) -> bool:
    born = r.person.date_of_birth if r.person is not None else None
    return born is not None and (born > today or age_on(born, today) > OLDEST_PLAUSIBLE_AGE)


def _risk_before_opened(r: Record, facts: Facts, today: date) -> bool:
    case = r.case
    if case is None:
        return False
    return any(k.completed_at < case.opened_at for k in facts.risks_by_case.get(case.id, []))


def _decided_before_received(r: Record, facts: Facts, today: date) -> bool:
    referral = r.referral
    return (
        referral is not None
        and referral.decided_at is not None
        and referral.decided_at < referral.received_at
    )


IMPLAUSIBLE_CHECKS: tuple[ImplausibleCheck, ...] = (
    ImplausibleCheck(
        "closed_before_opened", "Case closed before it opened", "cases_open", _closed_before_opened
    ),
    ImplausibleCheck(
        "contact_before_referral",
        "First contact before the referral was received",
        "cases_open",
        _contact_before_referral,
    ),
    ImplausibleCheck(
        "birth_implausible",
        f"Date of birth in the future or over {OLDEST_PLAUSIBLE_AGE} years ago",
        "referrals",
        _birth_implausible,
    ),
    ImplausibleCheck(
        "decided_before_received",
        "Referral decided before it was received",
        "referrals",
        _decided_before_received,
    ),
    ImplausibleCheck(
        "risk_before_opened",
        "Risk checklist completed before the case opened",
        "cases_open",
        _risk_before_opened,
    ),
)


# --- the report --------------------------------------------------------------------------------


def records_of(facts: Facts, period: Period) -> dict[str, tuple[Record, ...]]:
    start, end = period.start, period.end
    referrals = tuple(
        Record(
            "referral",
            r.id,
            facts.persons.get(r.person_id),
            r,
            facts.case_by_referral.get(r.id),
            r.received_at,
        )
        for r in facts.referrals
        if period.contains(r.received_at)
    )

    def case_record(c: CaseFact) -> Record:
        return Record(
            "case",
            c.id,
            facts.persons.get(c.person_id),
            facts.referral_by_id.get(c.referral_id),
            c,
            c.opened_at,
        )

    open_ = tuple(
        case_record(c)
        for c in facts.cases
        if c.opened_at < end and (c.closed_at is None or c.closed_at >= start)
    )
    closed = tuple(case_record(c) for c in facts.cases if period.contains(c.closed_at))
    return {"referrals": referrals, "cases_open": open_, "cases_closed": closed}


def quality_report(
    facts: Facts, period: Period, measures: Iterable[Any], today: date
) -> QualityReport:
    """Completeness of each needed field over each record type, and implausible values."""
    catalogue = list(measures)
    records = records_of(facts, period)
    fields: list[FieldCompleteness] = []
    for check in FIELD_CHECKS:
        reasons = needed_by(check, catalogue)
        if not reasons:
            continue
        for record_type in check.record_types:
            applies = [r for r in records[record_type] if check.applies(r)]
            fields.append(
                FieldCompleteness(
                    check.key,
                    check.label,
                    record_type,
                    reasons,
                    tuple(r.id for r in applies),
                    tuple(r.id for r in applies if not check.present(r)),
                )
            )
    implausible = tuple(
        ImplausibleValues(
            check.key,
            check.label,
            check.record_type,
            tuple(r.id for r in records[check.record_type] if check.found(r, facts, today)),
        )
        for check in IMPLAUSIBLE_CHECKS
    )
    return QualityReport(period, tuple(fields), implausible, records)


def exception_count(contract: Any, period: Period) -> int:
    """How many exceptions (missing or implausible values) the contract's return for the period
    has; sign-off warns while any remain (seed 004 s11.1)."""
    from haven.reporting.selectors_quality import contract_quality

    return contract_quality(contract, period).exception_count
