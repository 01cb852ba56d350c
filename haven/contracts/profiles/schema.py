"""The pydantic schema of a contract profile (docs/profile-format.md), convertible to deadlines.

Pure: no Django. Unknown keys are errors everywhere so a typo cannot silently switch a rule off.
"""

from __future__ import annotations

import itertools
import re
from datetime import date
from decimal import Decimal
from typing import Annotated, Literal, Self
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays
from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from haven.contracts.profiles.front_door import FrontDoorSpec
from haven.contracts.profiles.measures import MeasureSpec, duplicate_measure_ids
from haven.contracts.profiles.rule_specs import (
    Citation,
    ConditionSpec,
    DeadlineRuleSpec,
    DurationSpec,
    Key,
    Loc,
    RepeatSpec,
    ScheduleSpec,
    Section,
    Text,
    invalid,
)
from haven.contracts.profiles.sections import (
    CommissionerSpec,
    DocumentSpec,
    EligibilitySpec,
    ExitSpec,
    FirstContactSpec,
    NeedsAssessmentSpec,
    OutcomesSpec,
    PeriodSpec,
    ReferralRouteSpec,
    ReportingSpec,
    RiskSpec,
    StayLimitSpec,
    WaitingListSpec,
    WorkbookSpec,
)
from haven.contracts.profiles.target_hardening import TargetHardeningSpec
from haven.deadlines import (
    BankHolidayHours,
    ContactMethod,
    DeadlineRule,
    OpeningHours,
    OpeningWindow,
    ServiceClock,
    WorkingDayCalendar,
    weekday_number,
)
from haven.deadlines.opening_hours import parse_clock

__all__ = [
    "CalendarSpec",
    "CommissionerSpec",
    "ConditionSpec",
    "DeadlineRuleSpec",
    "DocumentSpec",
    "DurationSpec",
    "EligibilitySpec",
    "ExitSpec",
    "FirstContactSpec",
    "MeasureSpec",
    "OpeningHoursSpec",
    "PeriodSpec",
    "Profile",
    "ReferralRouteSpec",
    "RepeatSpec",
    "ReportingSpec",
    "RiskSpec",
    "ScheduleSpec",
    "StayLimitSpec",
    "WaitingListSpec",
    "WorkbookSpec",
]


def _slug(value: str) -> str:
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", value):
        raise ValueError(
            "use lower-case letters, digits and single hyphens, e.g. victim-first-2018"
        )
    return value


def _clock(value: object) -> object:
    if isinstance(value, int) and not isinstance(value, bool):
        raise ValueError(
            'write times in quotes, e.g. "18:00" (YAML reads 18:00 unquoted as a number)'
        )
    if isinstance(value, str):
        parse_clock(value)
    return value


def _month_day(value: str) -> str:
    try:
        date.fromisoformat(f"2001-{value}")  # a non-leap year: "02-29" is not a contract year start
    except ValueError:
        raise ValueError('use "MM-DD", e.g. "04-01" for 1 April') from None
    return value


def _window(value: tuple[str, str]) -> tuple[str, str]:
    OpeningWindow.parse(*value)  # raises "an opening window must open before it closes"
    return value


def _day_windows(value: list[tuple[str, str]]) -> list[tuple[str, str]]:
    windows = sorted((OpeningWindow.parse(*pair) for pair in value), key=lambda w: w.opens)
    for earlier, later in itertools.pairwise(windows):
        if earlier.closes > later.opens:
            raise ValueError(f"opening windows {earlier} and {later} overlap")
    return value


Slug = Annotated[str, AfterValidator(_slug)]
Clock = Annotated[str, BeforeValidator(_clock)]
Window = Annotated[tuple[Clock, Clock], AfterValidator(_window)]
DayWindows = Annotated[list[Window], AfterValidator(_day_windows)]
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
ServiceType = Literal[
    "helpline",
    "outreach",
    "secondary_responder",
    "idva",
    "refuge",
    "target_hardening",
    "perpetrator_programme",
    "children_service",
    "accommodation",
    "restorative_justice",
]


class CalendarSpec(Section):
    """The working-day calendar: holidays.country_holidays(country, subdiv) and the weekend."""

    country: str = "GB"
    subdiv: str | None = "ENG"
    weekend: list[Weekday] = ["sat", "sun"]

    @model_validator(mode="after")
    def _known_to_holidays(self) -> Self:
        supported = holidays.list_supported_countries()
        if self.country not in supported:
            message = "not a country the holidays package knows (use an ISO code such as GB)"
            raise invalid("calendar", [(("country",), message, self.country)])
        if self.subdiv is not None and self.subdiv not in supported[self.country]:
            known = ", ".join(supported[self.country]) or "none"
            message = f"not a subdivision of {self.country}; choose from {known}"
            raise invalid("calendar", [(("subdiv",), message, self.subdiv)])
        if len(set(self.weekend)) == 7:
            raise invalid("calendar", [(("weekend",), "leaves no working days", self.weekend)])
        return self

    def to_calendar(self) -> WorkingDayCalendar:
        weekend = tuple(dict.fromkeys(weekday_number(day) for day in self.weekend))
        return WorkingDayCalendar(self.country, self.subdiv, weekend)


class WeeklyHoursSpec(Section):
    """Opening windows per weekday; [] = closed all day. All seven days must be given."""

    mon: DayWindows
    tue: DayWindows
    wed: DayWindows
    thu: DayWindows
    fri: DayWindows
    sat: DayWindows
    sun: DayWindows

    def to_weekly(self) -> tuple[tuple[OpeningWindow, ...], ...]:
        days = (self.mon, self.tue, self.wed, self.thu, self.fri, self.sat, self.sun)
        return tuple(tuple(OpeningWindow.parse(*pair) for pair in day) for day in days)


class OpeningHoursSpec(Section):
    citation: Citation
    weekly: WeeklyHoursSpec
    bank_holidays: BankHolidayHours = BankHolidayHours.CLOSED
    note: str | None = None


class ComplaintStageSpec(Section):
    """One stage of the provider's complaints procedure and its response time."""

    key: Key
    label: Text
    working_days: Annotated[int, Field(strict=True, ge=1, le=60)]


# A sane default when a profile sets no complaints policy (seed 002 s9: "considered and
# investigated in line with the organisations complaints procedure"): an informal stage, then
# two formal stages, answered within 5, 10 and 20 working days.
DEFAULT_COMPLAINT_STAGES = (
    ComplaintStageSpec(key="informal", label="Informal", working_days=5),
    ComplaintStageSpec(key="stage_1", label="Formal stage 1", working_days=10),
    ComplaintStageSpec(key="stage_2", label="Formal stage 2", working_days=20),
)


class ComplaintsSpec(Section):
    """The provider's complaints procedure: its stages in order, each with the working days
    the provider gives itself to respond (issue 12 item 11)."""

    citation: Citation | None = None
    stages: Annotated[list[ComplaintStageSpec], Field(min_length=1)] = list(
        DEFAULT_COMPLAINT_STAGES
    )
    note: str | None = None

    @model_validator(mode="after")
    def _stage_keys_unique(self) -> Self:
        problems = _duplicates([("stages", i, s.key) for i, s in enumerate(self.stages)])
        if problems:
            raise invalid("ComplaintsSpec", problems)
        return self


class HardshipFundSpec(Section):
    """A small hardship fund the provider grants from (seed 002 s3.8: "practical support via a
    small hardship fund (currently £5k pa)"): the yearly amount in pounds, the default budget of
    each financial year (haven/hardship; service managers set the year's budget)."""

    annual_amount: Annotated[Decimal, Field(gt=0, le=10_000_000, decimal_places=2)]
    citation: Citation
    note: str | None = None


class ConfidentialityAgreementSpec(Section):
    """Service users sign a confidentiality agreement at intake (seed 004 s11.1: "Service users
    will be provided with a confidentiality agreement to sign ..."): haven/consent prompts on a
    case while none is recorded for its person."""

    citation: Citation
    note: str | None = None


class Profile(Section):
    """One commissioned service's rules, from haven/contracts/profiles/<slug>.yaml."""

    slug: Slug
    name: Text
    seed: Text
    document: DocumentSpec
    lot: str | None = None
    commissioner: CommissionerSpec
    area: Annotated[list[Text], Field(min_length=1)]
    service_types: Annotated[list[ServiceType], Field(min_length=1)]
    period: PeriodSpec = PeriodSpec()
    contract_year_start: Annotated[str, AfterValidator(_month_day)]
    reporting: ReportingSpec
    calendar: CalendarSpec = CalendarSpec()
    timezone: str = "Europe/London"
    opening_hours: OpeningHoursSpec | None = None
    clock_starts_at_opening: bool = False
    referral_routes: list[ReferralRouteSpec] = []
    contact_methods: list[ContactMethod] = []
    eligibility: EligibilitySpec
    deadlines: list[DeadlineRuleSpec] = []
    first_contact: FirstContactSpec | None = None
    schedules: list[ScheduleSpec] = []
    stay_limit: StayLimitSpec | None = None
    risk: RiskSpec | None = None
    waiting_list: WaitingListSpec | None = None
    exit: ExitSpec | None = None
    needs_assessment: NeedsAssessmentSpec | None = None
    workbook: WorkbookSpec | None = None
    outcome_tools: list[Key] = []
    outcomes: OutcomesSpec | None = None
    measures: list[MeasureSpec] = []
    complaints: ComplaintsSpec = Field(default_factory=lambda: ComplaintsSpec())
    # seed 004 s6.5: the Think Family questions are asked at every service user contact
    think_family: bool = False
    # seed 002 s3.8: a small hardship fund (haven/hardship); None = the contract has none
    hardship_fund: HardshipFundSpec | None = None
    # seed 002 Lot 2 s3.1: the home security assessment, its service levels and the budget
    target_hardening: TargetHardeningSpec | None = None
    # issue 14: the public information page and the online ways in (haven/portal)
    front_door: FrontDoorSpec | None = None
    # seed 004 s11.1: a confidentiality agreement signed at intake (haven/consent); None = no rule
    confidentiality_agreement: ConfidentialityAgreementSpec | None = None

    @field_validator("slug")
    @classmethod
    def _slug_is_file_name(cls, slug: str, info: ValidationInfo) -> str:
        stem = (info.context or {}).get("file_stem")
        if stem is not None and slug != stem:
            raise ValueError(f"must equal the file name: the file is {stem}.yaml")
        return slug

    @field_validator("timezone")
    @classmethod
    def _known_time_zone(cls, name: str) -> str:
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError("not an IANA time zone; use Europe/London") from None
        return name

    @model_validator(mode="after")
    def _rules_hang_together(self) -> Self:
        problems = [
            *self._duplicate_keys(),
            *self._broken_supersedes(),
            *self._methods_not_offered(),
            *_duplicates(
                [("referral_routes", i, r.key) for i, r in enumerate(self.referral_routes)]
            ),
            *duplicate_measure_ids(self.measures),
            *self._distance_domains_unknown(),
            *self._reassessment_windows_unknown(),
        ]
        if self.stay_limit is not None and not {"refuge", "accommodation"} & set(
            self.service_types
        ):
            message = (
                "only refuges and accommodation have a stay limit (add refuge to service_types)"
            )
            problems.append((("stay_limit",), message, None))
        if problems:
            raise invalid("Profile", problems)
        return self

    def _distance_domains_unknown(self) -> list[tuple[Loc, str, object]]:
        """A distance_travelled measure names a domain of the profile's needs assessment."""
        domains = self.needs_assessment.domains() if self.needs_assessment else []
        problems: list[tuple[Loc, str, object]] = []
        for index, measure in enumerate(self.measures):
            if measure.compute != "distance_travelled":
                continue
            domain = measure.params.get("domain")
            if domain not in domains:
                known = ", ".join(domains) or "none: add a needs_assessment section"
                message = f"names no domain of needs_assessment; domains are {known}"
                problems.append((("measures", index, "params", "domain"), message, domain))
        return problems

    def _reassessment_windows_unknown(self) -> list[tuple[Loc, str, object]]:
        """A reassessment window names a risk-assessment rule of this profile (seed 004 s4.2)."""
        windows = self.risk.reassessments.windows if self.risk and self.risk.reassessments else []
        rules: dict[str, DeadlineRuleSpec | ScheduleSpec] = {r.key: r for r in self.deadlines}
        rules |= {r.key: r for r in self.schedules}
        problems: list[tuple[Loc, str, object]] = []
        for index, window in enumerate(windows):
            loc: Loc = ("risk", "reassessments", "windows", index, "rule")
            rule = rules.get(window.rule)
            if rule is None or rule.action != "risk_assessment":
                known = sorted(k for k, r in rules.items() if r.action == "risk_assessment")
                message = f"names no risk_assessment rule; they are {', '.join(known) or 'none'}"
                problems.append((loc, message, window.rule))
            elif window.opens.to_duration() == rule.duration.to_duration():
                problems.append((loc, "a window must open before its rule is due", window.rule))
        return problems

    def _duplicate_keys(self) -> list[tuple[Loc, str, object]]:
        return _duplicates(
            [("deadlines", i, rule.key) for i, rule in enumerate(self.deadlines)]
            + [("schedules", i, rule.key) for i, rule in enumerate(self.schedules)]
        )

    def _broken_supersedes(self) -> list[tuple[Loc, str, object]]:
        keys = {rule.key for rule in self.deadlines} | {rule.key for rule in self.schedules}
        replaces = {rule.key: rule.supersedes for rule in self.deadlines if rule.supersedes}
        problems: list[tuple[Loc, str, object]] = []
        for index, rule in enumerate(self.deadlines):
            loc: Loc = ("deadlines", index, "supersedes")
            if rule.supersedes is None:
                continue
            if rule.supersedes == rule.key:
                problems.append((loc, "a rule cannot supersede itself", rule.supersedes))
            elif rule.supersedes not in keys:
                message = f"names no rule in this profile; rule keys are {', '.join(sorted(keys))}"
                problems.append((loc, message, rule.supersedes))
            elif _in_cycle(rule.key, replaces):
                problems.append((loc, "rules supersede each other in a loop", rule.supersedes))
        return problems

    def _methods_not_offered(self) -> list[tuple[Loc, str, object]]:
        offered = set(self.contact_methods)
        problems: list[tuple[Loc, str, object]] = []
        conditions = [("deadlines", i, rule.when) for i, rule in enumerate(self.deadlines)]
        conditions += [("schedules", i, rule.when) for i, rule in enumerate(self.schedules)]
        for section, index, when in conditions:
            methods = when.method if when else None
            missing = sorted(set(methods or ()) - offered)
            if offered and missing:
                loc: Loc = (section, index, "when", "method")
                message = f"{', '.join(missing)} not in contact_methods, so it never applies"
                problems.append((loc, message, methods))
        return problems

    def measure(self, measure_id: str) -> MeasureSpec | None:
        return next((m for m in self.measures if m.id == measure_id), None)

    def working_day_calendar(self) -> WorkingDayCalendar:
        return self.calendar.to_calendar()

    def service_clock(self) -> ServiceClock:
        """The calendar, opening hours and clock-start setting the profile's deadlines run on."""
        calendar, zone = self.working_day_calendar(), ZoneInfo(self.timezone)
        hours = None
        if self.opening_hours is not None:
            spec = self.opening_hours
            hours = OpeningHours(spec.weekly.to_weekly(), spec.bank_holidays, calendar, zone)
        return ServiceClock(
            calendar=calendar,
            opening_hours=hours,
            clock_starts_at_opening=self.clock_starts_at_opening,
            timezone=zone,
        )

    def deadline_rules(self) -> tuple[DeadlineRule, ...]:
        """The `deadlines:` section as rules (first contact and other clocked duties)."""
        return tuple(rule.to_rule() for rule in self.deadlines)

    def schedule_rules(self) -> tuple[DeadlineRule, ...]:
        """The `schedules:` section as rules (milestones and recurring duties after acceptance)."""
        return tuple(rule.to_rule() for rule in self.schedules)

    def stay_limit_rules(self) -> tuple[DeadlineRule, ...]:
        """The `stay_limit:` section as a rule from moving in (seed 004 s7.3), or none."""
        return (self.stay_limit.to_rule(),) if self.stay_limit is not None else ()

    def rules(self) -> tuple[DeadlineRule, ...]:
        """Every clocked duty in the profile: deadlines, schedules, then the stay limit."""
        return self.deadline_rules() + self.schedule_rules() + self.stay_limit_rules()


def _duplicates(keyed: list[tuple[str, int, str]]) -> list[tuple[Loc, str, object]]:
    """One problem per repeated key, pointing at the repeat and naming the first use."""
    first: dict[str, str] = {}
    problems: list[tuple[Loc, str, object]] = []
    for section, index, key in keyed:
        if key in first:
            problems.append(
                ((section, index, "key"), f"duplicate key; first used at {first[key]}", key)
            )
        else:
            first[key] = f"{section}[{index}]"
    return problems


def _in_cycle(key: str, replaces: dict[str, str]) -> bool:
    """Whether following `supersedes` from `key` comes back to it."""
    seen, current = set(), replaces.get(key)
    while current is not None and current not in seen:
        if current == key:
            return True
        seen.add(current)
        current = replaces.get(current)
    return False
