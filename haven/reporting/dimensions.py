"""Breakdowns: which cell of a dimension each counted record falls in.

A dimension reads the record itself, its case, its referral or its person (whichever it needs),
so one definition serves every record kind. Records without the value fall in "Not known",
which is always shown, so gaps in the data are visible in the return.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from haven.casework.models import ExitReason, ExitType, NotContactableReason, WaitingReason
from haven.contracts.profiles import computations
from haven.deadlines import RISK_LEVEL_CHOICES
from haven.events.models import Audience, LocationType
from haven.housing.models import SafeHomeOutcomeKind, Tenure
from haven.people import choices
from haven.people.ages import age_on
from haven.referrals.models import ContactMethod, DeclineCategory, SupportNeed
from haven.reporting.facts import CaseFact, Facts, PersonFact, ReferralFact
from haven.reporting.measures.base import MeasureContext
from haven.reporting.periods import MONTH_NAMES

NOT_KNOWN = ("not_known", "Not known")
PREFER_NOT = choices.PREFER_NOT_TO_SAY
AGE_BANDS = (
    (0, 15, "0-15"),
    (16, 17, "16-17"),
    (18, 24, "18-24"),
    (25, 34, "25-34"),
    (35, 44, "35-44"),
    (45, 54, "45-54"),
    (55, 64, "55-64"),
    (65, 74, "65-74"),
    (75, 200, "75 and over"),
)

Cell = tuple[str, str]


@dataclass(frozen=True)
class Dimension:
    key: str
    label: str
    cell: Callable[[MeasureContext, str, Any], Cell]
    # every cell in display order (the seed's categories), "Not known" last; None = as found
    cells: Callable[[MeasureContext], list[Cell]] | None = None


def case_of(facts: Facts, kind: str, record: Any) -> CaseFact | None:
    if kind == "case":
        return cast(CaseFact, record)
    if kind == "referral":
        return facts.case_by_referral.get(record.id)
    case_id = getattr(record, "case_id", None)
    return facts.case_by_id.get(case_id) if case_id is not None else None


def referral_of(facts: Facts, kind: str, record: Any) -> ReferralFact | None:
    if kind == "referral":
        return cast(ReferralFact, record)
    key = ("referral", id(record))
    if key not in facts.memo:
        case = case_of(facts, kind, record)
        facts.memo[key] = facts.referral_by_id.get(case.referral_id) if case is not None else None
    return cast(ReferralFact | None, facts.memo[key])


def person_of(facts: Facts, kind: str, record: Any) -> PersonFact | None:
    if kind == "person":
        return cast(PersonFact, record)
    if kind == "staff_member":  # workforce (issue 16): a worker's or volunteer's own answers
        return facts.staff_equality.get(record.id)
    key = ("person", id(record))
    if key not in facts.memo:
        holder = referral_of(facts, kind, record) or case_of(facts, kind, record)
        facts.memo[key] = facts.persons.get(holder.person_id) if holder is not None else None
    return cast(PersonFact | None, facts.memo[key])


def moment_of(facts: Facts, kind: str, record: Any, fallback: datetime) -> datetime:
    referral = referral_of(facts, kind, record)
    return referral.received_at if referral is not None else fallback


def _choice(options: list[tuple[str, str]]) -> dict[str, str]:
    return dict(options)


def _person_field(
    name: str, options: list[tuple[str, str]]
) -> Callable[[MeasureContext, str, Any], Cell]:
    labels = _choice(options)

    def cell(ctx: MeasureContext, kind: str, record: Any) -> Cell:
        person = person_of(ctx.facts, kind, record)
        value = getattr(person, name, "") if person is not None else ""
        return (value, labels.get(value, value)) if value else NOT_KNOWN

    return cell


def _age(ctx: MeasureContext, kind: str, record: Any) -> Cell:
    person = person_of(ctx.facts, kind, record)
    if person is None or person.date_of_birth is None:
        return NOT_KNOWN
    age = age_on(person.date_of_birth, moment_of(ctx.facts, kind, record, ctx.period.start).date())
    for low, high, label in AGE_BANDS:
        if low <= age <= high:
            return label, label
    return NOT_KNOWN


def _race(ctx: MeasureContext, kind: str, record: Any) -> Cell:
    person = person_of(ctx.facts, kind, record)
    value = person.ethnicity if person is not None else ""
    if not value:
        return NOT_KNOWN
    if value == PREFER_NOT:
        return PREFER_NOT, "Prefer not to say"
    group = choices.ETHNICITY_GROUP_OF.get(value, "Other ethnic group")
    return group, group


def _referral_field(
    name: str, labels: dict[str, str] | None = None
) -> Callable[[MeasureContext, str, Any], Cell]:
    def cell(ctx: MeasureContext, kind: str, record: Any) -> Cell:
        referral = referral_of(ctx.facts, kind, record)
        value = getattr(referral, name, "") if referral is not None else ""
        return (value, (labels or {}).get(value, value)) if value else NOT_KNOWN

    return cell


def _route(ctx: MeasureContext, kind: str, record: Any) -> Cell:
    referral = referral_of(ctx.facts, kind, record)
    if referral is None or not referral.route:
        return NOT_KNOWN
    return referral.route, ctx.route_labels.get(referral.route, referral.route)


def _record_field(
    name: str, options: list[tuple[str, str]]
) -> Callable[[MeasureContext, str, Any], Cell]:
    """A field of the counted record itself (e.g. a waiting-list entry's reason)."""
    labels = _choice(options)

    def cell(ctx: MeasureContext, kind: str, record: Any) -> Cell:
        value = getattr(record, name, "") or ""
        return (value, labels.get(value, value)) if value else NOT_KNOWN

    return cell


def _case_field(
    name: str, options: list[tuple[str, str]]
) -> Callable[[MeasureContext, str, Any], Cell]:
    labels = _choice(options)

    def cell(ctx: MeasureContext, kind: str, record: Any) -> Cell:
        case = case_of(ctx.facts, kind, record)
        value = getattr(case, name, "") if case is not None else ""
        return (value, labels.get(value, value)) if value else NOT_KNOWN

    return cell


def _risk(ctx: MeasureContext, kind: str, record: Any) -> Cell:
    if kind == "risk_assessment":
        return record.level, dict(RISK_LEVEL_CHOICES).get(record.level, record.level)
    case = case_of(ctx.facts, kind, record)
    value = case.risk_level if case is not None and case.risk_level else ""
    if not value:
        referral = referral_of(ctx.facts, kind, record)
        value = referral.referrer_risk_level if referral is not None else ""
    return (value, dict(RISK_LEVEL_CHOICES).get(value, value)) if value else NOT_KNOWN


def _child_or_adult(ctx: MeasureContext, kind: str, record: Any) -> Cell:
    from haven.reporting.measures.referrals import is_child

    person = person_of(ctx.facts, kind, record)
    if person is None:
        return NOT_KNOWN
    at = moment_of(ctx.facts, kind, record, ctx.period.start)
    return ("child", "Child (under 18)") if is_child(person, at) else ("adult", "Adult")


def _rule(ctx: MeasureContext, kind: str, record: Any) -> Cell:
    key = getattr(record, "rule_key", "")
    return (key, ctx.rule_labels.get(key, key)) if key else NOT_KNOWN


def _decline_reason(ctx: MeasureContext, kind: str, record: Any) -> Cell:
    referral = referral_of(ctx.facts, kind, record)
    if referral is None or referral.decision != "declined":
        return NOT_KNOWN
    reason = ctx.facts.decline_reasons.get(referral.id, "")
    if not reason:
        return NO_DECLINE_CATEGORY
    return reason, dict(DeclineCategory.choices).get(reason, reason)


NO_DECLINE_CATEGORY = ("not_given", "No reason category recorded")


def _extension_reason(ctx: MeasureContext, kind: str, record: Any) -> Cell:
    """seed 004 s10 A8: why a refuge stay went past its limit."""
    from haven.refuge.models import ExtensionReason

    reason = getattr(record, "extension_reason", "") if kind == "stay" else ""
    if not reason:
        return NO_EXTENSION_REASON
    return reason, dict(ExtensionReason.choices).get(reason, reason)


def _extension_reasons(ctx: MeasureContext) -> list[Cell]:
    from haven.refuge.models import ExtensionReason

    return [*ExtensionReason.choices, NO_EXTENSION_REASON]


NO_EXTENSION_REASON = ("not_recorded", "No extension recorded")
REFUGE_AREAS = [("in_area", "In area"), ("out_of_area", "Out of area")]


def _refuge_area(ctx: MeasureContext, kind: str, record: Any) -> Cell:
    """seed 003 s13: residents into refuge in the commissioner's area and out of it."""
    if kind != "stay":
        return NOT_KNOWN
    return REFUGE_AREAS[0] if record.in_commissioner_area else REFUGE_AREAS[1]


def _tenure(name: str) -> Callable[[MeasureContext, str, Any], Cell]:
    """A case's housing tenure at entry or exit (haven/housing; seed 001 Lot 2 s14)."""
    labels = _choice(Tenure.choices)

    def cell(ctx: MeasureContext, kind: str, record: Any) -> Cell:
        if kind == "housing_situation":
            situation = record
        else:
            case = case_of(ctx.facts, kind, record)
            situation = ctx.facts.housing_by_case.get(case.id) if case is not None else None
        value = getattr(situation, name, "") if situation is not None else ""
        return (value, labels.get(value, value)) if value else NOT_KNOWN

    return cell


def _safe_home_outcome_kind(ctx: MeasureContext, kind: str, record: Any) -> Cell:
    value = getattr(record, "kind", "") if kind == "safe_home_outcome" else ""
    return (value, dict(SafeHomeOutcomeKind.choices).get(value, value)) if value else NOT_KNOWN


def _agency_type(ctx: MeasureContext, kind: str, record: Any) -> Cell:
    value = getattr(record, "agency_type", "")
    return (value, ctx.facts.labels.get(("agency_type", value), value)) if value else NOT_KNOWN


def _exit_form_type(ctx: MeasureContext, kind: str, record: Any) -> Cell:
    value = getattr(record, "exit_form_type", "")
    return (value, ctx.facts.labels.get(("exit_form_type", value), value)) if value else NOT_KNOWN


def _local_authority(ctx: MeasureContext, kind: str, record: Any) -> Cell:
    person = person_of(ctx.facts, kind, record)
    value = person.local_authority if person is not None else ""
    return (value, value) if value else NOT_KNOWN


WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _received_local(ctx: MeasureContext, kind: str, record: Any) -> datetime | None:
    referral = referral_of(ctx.facts, kind, record)
    return referral.received_at.astimezone(ctx.period.timezone) if referral is not None else None


def _month_received(ctx: MeasureContext, kind: str, record: Any) -> Cell:
    """seed 000 s6 frequency / pattern of referrals: the local month the referral arrived in."""
    at = _received_local(ctx, kind, record)
    if at is None:
        return NOT_KNOWN
    return f"{at:%Y-%m}", f"{MONTH_NAMES[at.month - 1]} {at.year}"


# seed 002 Lot 2 s3.1: the service levels the Home Security Assessment sets
SERVICE_LEVELS = [
    ("1", "Level 1: crime prevention advice"),
    ("2", "Level 2: advice and items the victim fits"),
    ("3", "Level 3: advice, self-fitted and specialist-fitted items"),
]


def _service_level(ctx: MeasureContext, kind: str, record: Any) -> Cell:
    level = getattr(record, "service_level", None)
    return next((cell for cell in SERVICE_LEVELS if cell[0] == str(level)), NOT_KNOWN)


def _period_months(ctx: MeasureContext) -> list[Cell]:
    """Every month the period touches, in calendar order, then "Not known"."""
    cells: list[Cell] = []
    year, month = ctx.period.first.year, ctx.period.first.month
    while (year, month) <= (ctx.period.last.year, ctx.period.last.month):
        cells.append((f"{year:04d}-{month:02d}", f"{MONTH_NAMES[month - 1]} {year}"))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return [*cells, NOT_KNOWN]


def _weekday_received(ctx: MeasureContext, kind: str, record: Any) -> Cell:
    """seed 000 s6 pattern of referrals: the local day of the week the referral arrived on."""
    at = _received_local(ctx, kind, record)
    if at is None:
        return NOT_KNOWN
    day = WEEKDAYS[at.weekday()]
    return day.lower(), day


def _person_dimension(
    key: str, label: str, field: str, options: list[tuple[str, str]]
) -> Dimension:
    """A breakdown by one of the person's equality answers, in the answer list's order."""
    return Dimension(key, label, _person_field(field, options), _fixed(options))


def _fixed(options: list[tuple[str, str]]) -> Callable[[MeasureContext], list[Cell]]:
    return lambda ctx: [*options, NOT_KNOWN]


def _routes(ctx: MeasureContext) -> list[Cell]:
    return [*ctx.route_labels.items(), NOT_KNOWN]


DIMENSIONS: dict[str, Dimension] = {
    d.key: d
    for d in [
        Dimension("age", "Age", _age, _fixed([(label, label) for _, _, label in AGE_BANDS])),
        _person_dimension("disability", "Disability", "disability", choices.YesNoPreferNot.choices),
        _person_dimension(
            "gender_reassignment",
            "Gender reassignment (gender the same as sex registered at birth)",
            "gender_same_as_birth",
            choices.GenderSameAsBirth.choices,
        ),
        _person_dimension(
            "marriage_civil_partnership",
            "Marriage and civil partnership",
            "marital_status",
            choices.MaritalStatus.choices,
        ),
        _person_dimension(
            "pregnancy_maternity",
            "Pregnancy and maternity",
            "pregnancy_maternity",
            choices.PregnancyMaternity.choices,
        ),
        Dimension(
            "race",
            "Race (ethnic group)",
            _race,
            _fixed([(g, g) for g in choices.ETHNIC_GROUPS] + [(PREFER_NOT, "Prefer not to say")]),
        ),
        _person_dimension(
            "religion_belief", "Religion or belief", "religion", choices.Religion.choices
        ),
        Dimension(
            "sex", "Sex", _person_field("sex", choices.Sex.choices), _fixed(choices.Sex.choices)
        ),
        _person_dimension(
            "sexual_orientation",
            "Sexual orientation",
            "sexual_orientation",
            choices.SexualOrientation.choices,
        ),
        Dimension("referral_source", "Referral source", _route, _routes),
        Dimension("referral_route", "Referral route", _route, _routes),
        Dimension(
            "source_organisation", "Referring agency", _referral_field("source_organisation")
        ),
        Dimension("risk_level", "Risk level", _risk, _fixed(list(RISK_LEVEL_CHOICES))),
        Dimension(
            "primary_support_need",
            "Primary support need",
            _referral_field("primary_support_need", dict(SupportNeed.choices)),
            _fixed(SupportNeed.choices),
        ),
        Dimension(
            "contact_method",
            "Chosen contact method",
            _referral_field("contact_method", dict(ContactMethod.choices)),
            _fixed(ContactMethod.choices),
        ),
        Dimension(
            "decline_reason",
            "Reason declined",
            _decline_reason,
            lambda ctx: [*DeclineCategory.choices, NO_DECLINE_CATEGORY, NOT_KNOWN],
        ),
        Dimension(
            "exit_type",
            "Exit type",
            _case_field("exit_type", ExitType.choices),
            _fixed(ExitType.choices),
        ),
        Dimension(
            "not_contactable_reason",
            "Reason not contactable",
            _case_field("not_contactable_reason", NotContactableReason.choices),
            _fixed(NotContactableReason.choices),
        ),
        Dimension(
            "exit_reason",
            "Exit reason",
            _case_field("exit_reason", ExitReason.choices),
            _fixed(ExitReason.choices),
        ),
        Dimension("agency_type", "Agency referred to", _agency_type),
        # the waiting list's reasons (issue 13; seed 003 s13 "Reasons for waitlist")
        Dimension(
            "waiting_reason",
            "Reason for waiting",
            _record_field("reason", WaitingReason.choices),
            _fixed(WaitingReason.choices),
        ),
        Dimension(
            "tenure_at_entry",
            "Housing tenure at entry",
            _tenure("entry_tenure"),
            _fixed(Tenure.choices),
        ),
        Dimension(
            "tenure_at_exit",
            "Housing tenure at exit",
            _tenure("exit_tenure"),
            _fixed(Tenure.choices),
        ),
        Dimension(
            "safe_home_outcome_kind",
            "Safe Home outcome",
            _safe_home_outcome_kind,
            _fixed(SafeHomeOutcomeKind.choices),
        ),
        Dimension("exit_form_type", "Exit form type", _exit_form_type),
        Dimension("local_authority", "Local authority area", _local_authority),
        Dimension(
            "child_or_adult",
            "Child or adult",
            _child_or_adult,
            _fixed([("child", "Child (under 18)"), ("adult", "Adult")]),
        ),
        Dimension("rule", "Deadline rule", _rule),
        Dimension(
            "extension_reason", "Reason for extension", _extension_reason, _extension_reasons
        ),
        Dimension("refuge_area", "Refuge in or out of area", _refuge_area, _fixed(REFUGE_AREAS)),
        Dimension("month_received", "Month received", _month_received, _period_months),
        Dimension(
            "weekday_received",
            "Day of the week received",
            _weekday_received,
            _fixed([(d.lower(), d) for d in WEEKDAYS]),
        ),
        Dimension("service_level", "Service level", _service_level, _fixed(SERVICE_LEVELS)),
        # events (issue 16 item 2): seed 001 Lot 1 s8 "(and locations such as schools)", Lot 4
        # s8 "practitioners or public (specify)"
        Dimension(
            "event_location_type",
            "Type of location",
            _record_field("location_type", LocationType.choices),
            _fixed(LocationType.choices),
        ),
        Dimension(
            "event_audience",
            "Who it was for",
            _record_field("audience", Audience.choices),
            _fixed(Audience.choices),
        ),
    ]
}

computations.register_dimensions(frozenset(DIMENSIONS))
