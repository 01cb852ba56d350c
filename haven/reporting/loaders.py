"""Load the facts of one contract for a window of time, in a fixed number of queries.

Scope (ADR 0010): a return counts every record of the contract, whoever asks for it, so these
reads are deliberately not scoped to the viewer; they return bare values, never a person's name,
and only the reporting services call them. Drill-down pages re-scope each record to the viewer.
"""

from __future__ import annotations

import functools
import gc
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from django.db import connection
from django.db.models import Exists, F, Min, OuterRef, Q
from django.utils import timezone

from haven.casework.models import (
    AgencyType,
    Case,
    ContactAttempt,
    ExitInterview,
    NeedsAssessment,
    NeedsAssessmentArea,
    OnwardReferral,
    Task,
    WaitingListEntry,
)
from haven.contracts.models import Contract
from haven.contracts.profiles.stored import profile_of
from haven.deadlines import StartEvent
from haven.finance.models import Income, ProfileMonth, Spend
from haven.followups.models import Survey, SurveyAnswer
from haven.hardship.models import GrantStatus, HardshipGrant
from haven.housing.models import HousingSituation, SafeHomeOutcome
from haven.incidents.models import Complaint, Compliment, SeriousIncident
from haven.marac.models import Incident, MaracHearing, MaracReferral
from haven.outcomes.instrument import instruments
from haven.outcomes.models import OutcomeAnswer, OutcomeAssessment
from haven.people.choices import DisabilityType
from haven.people.models import HouseholdLink, Person, PersonFlag
from haven.plans.models import PlanGoal, SafetyPlan, SupportPlan
from haven.proceedings.models import Proceeding
from haven.referrals.models import Referral
from haven.reporting.facts import (
    AttemptFact,
    CaseFact,
    ChildRecordFact,
    ComplaintFact,
    ComplimentFact,
    EstablishmentPostFact,
    ExitInterviewFact,
    Facts,
    FinanceIncomeFact,
    FinanceProfileFact,
    FinanceSpendFact,
    FollowUpDueFact,
    HouseholdFact,
    HousingSituationFact,
    MaracHearingFact,
    MaracIncidentFact,
    MaracReferralFact,
    NeedsAreaFact,
    NeedsAssessmentFact,
    NotLoaded,
    OnwardReferralFact,
    OutcomeAnswerFact,
    OutcomeAssessmentFact,
    PersonFact,
    PersonFlagFact,
    ProceedingFact,
    ReferralFact,
    RiskFact,
    SafeguardingAlertFact,
    SafeguardingEventFact,
    SafeHomeOutcomeFact,
    SafetyPlanFact,
    SeriousIncidentFact,
    SicknessAbsenceFact,
    StaffMemberFact,
    SupervisionFact,
    SupportPlanFact,
    SupportSessionFact,
    SurveyAnswerFact,
    SurveyFact,
    TargetHardeningFittingFact,
    TargetHardeningJobFact,
    TaskFact,
    TrainingCompletionFact,
    TrainingCourseFact,
    TrainingSessionFact,
    WaitingListEntryFact,
)
from haven.reporting.measures.base import OPTIONAL_FACTS, OPTIONAL_FIELDS
from haven.risk.models import RiskAssessment
from haven.safeguarding.models import ChildRecord, SafeguardingAlert, SafeguardingEvent
from haven.support.models import SupportSession
from haven.targethardening.models import FittedItem, TargetHardeningJob
from haven.workforce.models import (
    Course,
    EstablishmentPost,
    SicknessAbsence,
    StaffMember,
    Supervision,
    TrainingCompletion,
    TrainingSession,
)


def gc_paused[**P, R](fn: Callable[P, R]) -> Callable[P, R]:
    """Run `fn` with Python's cyclic garbage collector paused. A return builds hundreds of
    thousands of small tuples (facts, breakdown cells) and no reference cycles; the collector's
    full passes over them were more than half a 50,000-case return's time
    (benchmarks/returns.py). Reference counting still frees everything; the collector runs again
    afterwards as usual, and a collector paused by the caller stays paused."""

    @functools.wraps(fn)
    def paused(*args: P.args, **kwargs: P.kwargs) -> R:
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            if was_enabled:
                gc.enable()

    return paused


# Repeats look back 12 months (reference.md §2), so referrals load from a year before the window.
LOOKBACK = timedelta(days=366)
CHUNK = 5000


def _rows(queryset: Any, fields: tuple[str, ...], factory: Any) -> list[Any]:
    """The rows as `factory` tuples, read through the database driver without Django's per-value
    converters (a UUID object and an aware datetime built in Python for every value were most of
    a return's time). Ids are `uuid.UUID`s and times aware UTC datetimes on every database, as
    Django gives them; SQLite's text is turned into them by the quick constructors below."""
    sql, params = queryset.values_list(*fields).query.sql_with_params()
    make = factory._make
    converters = _converters(fields, connection.vendor)
    rows: list[Any] = []
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        while batch := cursor.fetchmany(CHUNK):
            rows += [make(_convert(row, converters)) for row in batch]
    return rows


def _is_id(name: str) -> bool:
    return name == "id" or name.endswith("_id")


def _converters(fields: tuple[str, ...], vendor: str) -> dict[int, Any]:
    """Per column, on SQLite: ids stored as hex text become UUIDs; times (naive, or text) become
    aware UTC datetimes; dates stored as text become dates. PostgreSQL's driver gives all three."""
    converters: dict[int, Any] = {}
    if vendor != "sqlite":
        return converters
    for index, name in enumerate(fields):
        if _is_id(name):
            converters[index] = _uuid
        elif name.endswith("_at"):
            converters[index] = _sqlite_datetime
        elif name.endswith(("date_of_birth", "_on")):
            converters[index] = _sqlite_date
    return converters


_new, _set, _UNKNOWN = object.__new__, object.__setattr__, uuid.SafeUUID.unknown


def _uuid(value: Any) -> uuid.UUID:
    """`uuid.UUID(hex)` without its argument checks (a third of the time): SQLite's column holds
    the 32 hex digits Django wrote."""
    if isinstance(value, uuid.UUID):
        return value
    made = _new(uuid.UUID)
    _set(made, "int", int(value, 16))
    _set(made, "is_safe", _UNKNOWN)
    return made


def _convert(row: tuple[Any, ...], converters: dict[int, Any]) -> tuple[Any, ...]:
    if not converters:
        return row
    values = list(row)
    for index, convert in converters.items():
        if values[index] is not None:
            values[index] = convert(values[index])
    return tuple(values)


def _sqlite_datetime(value: str | datetime) -> datetime:
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    return moment.replace(tzinfo=UTC)


def _sqlite_date(value: str | date) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


def case_window_q(contract: Contract, start: datetime, end: datetime, prefix: str = "") -> Q:
    """Cases of the contract open at any moment of [start, end)."""
    return Q(**{f"{prefix}contract": contract, f"{prefix}opened_at__lt": end}) & (
        Q(**{f"{prefix}closed_at__isnull": True}) | Q(**{f"{prefix}closed_at__gte": start})
    )


def _follow_up_keys(contract: Contract) -> list[str]:
    """The contract's rules whose clock starts at closure (casework.rules.follow_up_keys)."""
    try:
        rules = profile_of(contract).rules()
    except ValueError:
        return []
    return sorted(rule.key for rule in rules if rule.start is StartEvent.CLOSED)


def _optional_surveys(facts: Facts, contract: Contract, start: datetime, end: datetime) -> None:
    """Surveys asked in the window and their answers, and the follow-ups due in it (of any case:
    a 12-month follow-up is due long after its case's window), one query each."""
    asked = Q(case__contract=contract, asked_at__gte=start, asked_at__lt=end)
    facts.surveys = _rows(Survey.objects.filter(asked).order_by(), SurveyFact._fields, SurveyFact)
    facts.survey_answers = _rows(
        SurveyAnswer.objects.filter(
            survey__in=Survey.objects.filter(asked).values("id")
        ).order_by(),
        ("survey_id", "question", "answer"),
        SurveyAnswerFact,
    )
    keys = _follow_up_keys(contract)
    if not keys:
        facts.follow_ups_due = []
        return
    facts.follow_ups_due = _rows(
        Task.objects.filter(
            case__contract=contract, rule_key__in=keys, due_at__gte=start, due_at__lt=end
        ).order_by(),
        (
            "id",
            "case_id",
            "rule_key",
            "due_at",
            "status",
            "case__first_contact_at",
            "case__closed_at",
            "survey_team_hand_off__passed_at",
        ),
        FollowUpDueFact,
    )


def load_facts(
    contract: Contract, start: datetime, end: datetime, *, needs: frozenset[str] | None = None
) -> Facts:
    """Every row the measures need for periods inside [start, end). `needs` names the optional
    facts (measures.base.OPTIONAL_FACTS) to read; None reads them all."""
    wanted = OPTIONAL_FACTS if needs is None else needs
    referral_q = Q(contract=contract, received_at__gte=start - LOOKBACK, received_at__lt=end)
    cases_q = case_window_q(contract, start, end)
    facts = Facts()
    facts.referrals = _rows(
        Referral.objects.filter(referral_q).order_by(),
        ReferralFact._fields,
        ReferralFact,
    )
    facts.cases = _rows(
        Case.objects.filter(cases_q).order_by(),
        (
            "id",
            "person_id",
            "referral_id",
            "state",
            "risk_level",
            "opened_at",
            "first_contact_at",
            "closed_at",
            "exit_type",
            "allocated_to_id",
            "team_id",
            "exit_reason",
            "not_contactable_reason",
        ),
        CaseFact,
    )
    # seed 004 s10 A3: declines are counted by their reason category (the decline_reason breakdown)
    facts.decline_reasons = dict(
        Referral.objects.filter(referral_q, decision="declined")
        .exclude(decline_category="")
        .order_by()
        .values_list("id", "decline_category")
    )
    in_cases = {"case__in": Case.objects.filter(cases_q).values("id")}
    facts.tasks = _rows(
        # deadline figures place a task by its due time, so only tasks due in the window count
        Task.objects.filter(**in_cases, due_at__gte=start, due_at__lt=end).order_by(),
        ("id", "case_id", "rule_key", "action", "due_at", "status", "met_at", "completed_at"),
        TaskFact,
    )
    facts.attempts = _rows(
        # the only attempts a figure counts are final letters (seed 002 s3.7, not contactable)
        ContactAttempt.objects.filter(**in_cases, is_final_letter=True).order_by(),
        ("id", "case_id", "channel", "outcome", "attempted_at", "is_final_letter"),
        AttemptFact,
    )
    facts.risks = _rows(
        # completed in the window; every checklist of a case closing in it (first against last
        # at closure); any completed before its case opened (a data-quality exception)
        RiskAssessment.objects.filter(**in_cases)
        .filter(
            Q(completed_at__gte=start, completed_at__lt=end)
            | Q(case__closed_at__gte=start, case__closed_at__lt=end)
            | Q(completed_at__lt=F("case__opened_at"))
        )
        .order_by(),
        ("id", "case_id", "stage", "score", "level", "completed_at", "marac_referral_required"),
        RiskFact,
    )
    facts.exit_interviews = _rows(
        ExitInterview.objects.filter(**in_cases).order_by(),
        ExitInterviewFact._fields,
        ExitInterviewFact,
    )
    facts.onward_referrals = _rows(
        OnwardReferral.objects.filter(**in_cases).order_by(),
        OnwardReferralFact._fields,
        OnwardReferralFact,
    )
    facts.needs_assessments = _rows(
        NeedsAssessment.objects.filter(**in_cases).order_by(),
        NeedsAssessmentFact._fields,
        NeedsAssessmentFact,
    )
    facts.sessions = _rows(
        # support sessions place themselves in the period by `delivered_at` (measures/sessions.py)
        SupportSession.objects.filter(
            **in_cases, delivered_at__gte=start, delivered_at__lt=end
        ).order_by(),
        SupportSessionFact._fields,
        SupportSessionFact,
    )
    # plans in place by the window's end on its cases (issue 11; measures/plans.py)
    if "plans" in wanted:
        _optional_plans(facts, in_cases, end)
    if "surveys" in wanted:
        _optional_surveys(facts, contract, start, end)
    if "needs_areas" in wanted:
        facts.needs_areas = _rows(
            # one query: the area levels of the window's cases' assessments (distance travelled)
            NeedsAssessmentArea.objects.filter(
                assessment__case__in=Case.objects.filter(cases_q).values("id")
            ).order_by(),
            ("assessment_id", "assessment__case_id", "assessment__stage", "area", "level"),
            NeedsAreaFact,
        )
    facts.labels.update({("agency_type", k): str(v) for k, v in AgencyType.choices})
    # people of the window's referrals and cases (the year before only serves repeat counts)
    in_window = Q(contract=contract, received_at__gte=start, received_at__lt=end)
    people = Person.objects.filter(
        Q(id__in=Referral.objects.filter(in_window).values("person_id"))
        | Q(id__in=Case.objects.filter(cases_q).values("person_id"))
    )
    persons = _rows(
        people.order_by(),
        (
            "id",
            "reference_code",
            "date_of_birth",
            "is_child",
            "local_authority",
            "equality__sex",
            "equality__gender_same_as_birth",
            "equality__sexual_orientation",
            "equality__disability",
            "equality__ethnicity",
            "equality__religion",
            "equality__marital_status",
            "equality__pregnancy_maternity",
            "preferred_language",
            "interpreter_needed",
            "equality__immigration_status",
            *(f"equality__disability_{key}" for key in DisabilityType.values),
        ),
        _PersonRows,
    )
    facts.persons = {p.id: p._replace(**_blank_equality(p)) for p in persons}
    people_ids = people.order_by().values("id")
    for name in OPTIONAL_FACTS - wanted:
        for field_name in OPTIONAL_FIELDS[name]:
            setattr(facts, field_name, NotLoaded(name))
    if "flags" in wanted:
        facts.flags = _optional_flags(people_ids)
    if "households" in wanted:
        facts.households = _optional_households(people_ids)
    if "first_case_opened" in wanted:
        facts.first_case_opened = _optional_first_cases(contract, people_ids)
    if "proceedings" in wanted:
        # every proceeding of the window's cases, whenever it started (one that started before
        # the window may still be going on in it: measures/proceedings.py)
        facts.proceedings = _rows(
            Proceeding.objects.filter(**in_cases).order_by(),
            ProceedingFact._fields,
            ProceedingFact,
        )
    if "outcomes" in wanted:
        _optional_outcomes(facts, Case.objects.filter(cases_q).values("id"))
    if "incidents" in wanted:
        _optional_incidents(facts, contract, start, end)
    if "stays" in wanted:
        _optional_stays(facts, contract, start, end)
    if "safeguarding" in wanted:
        _optional_safeguarding(facts, in_cases)
    if "marac" in wanted:
        _optional_marac(facts, in_cases, start, end)
    if "housing" in wanted:
        # the housing and every Safe Home outcome of the window's cases, whenever recorded
        # (measures/housing.py places them in the period)
        facts.housing_situations = _rows(
            HousingSituation.objects.filter(**in_cases).order_by(),
            HousingSituationFact._fields,
            HousingSituationFact,
        )
        facts.safe_home_outcomes = _rows(
            SafeHomeOutcome.objects.filter(**in_cases).order_by(),
            SafeHomeOutcomeFact._fields,
            SafeHomeOutcomeFact,
        )
    if "risk_history" in wanted:
        # the checklists before the window: a level rising in it compares with the one before
        facts.risks_before = _rows(
            RiskAssessment.objects.filter(**in_cases, completed_at__lt=start).order_by(),
            ("id", "case_id", "stage", "score", "level", "completed_at", "marac_referral_required"),
            RiskFact,
        )
    if "waiting_list" in wanted:
        _optional_waiting_list(facts, contract, start, end)
    if "target_hardening" in wanted:
        _optional_target_hardening(facts, contract)
    if "quick_questions" in wanted:
        _optional_quick_questions(facts, contract, start, end)
    if "incident_history" in wanted:
        _optional_incident_history(facts, contract, start, end)
    if "events" in wanted:
        _optional_events(facts, contract, start, end)
    if "finance" in wanted:
        _optional_finance(facts, contract, start, end)
    if "workforce" in wanted:
        _optional_workforce(facts, contract)
    if "restorative" in wanted:
        _optional_restorative(facts, in_cases)
    if "appraisal" in wanted:
        _optional_appraisal(facts, contract, start, end)
    if "programmes" in wanted:
        _optional_programmes(facts, contract, start, end)
    if "helpline" in wanted:
        _optional_helpline(facts, contract, start, end)
    return facts


def _optional_incident_history(
    facts: Facts, contract: Contract, start: datetime, end: datetime
) -> None:
    """Every new incident (marac.Incident) of the contract's cases closed in the window, whenever
    it occurred (issue 16; measures/victimisation.py): one query."""
    facts.closed_case_incidents = _rows(
        Incident.objects.filter(
            case__contract=contract, case__closed_at__gte=start, case__closed_at__lt=end
        ).order_by(),
        MaracIncidentFact._fields,
        MaracIncidentFact,
    )


def _optional_finance(facts: Facts, contract: Contract, start: datetime, end: datetime) -> None:
    """The contract's spend (recorded, imported, hardship grants paid, target hardening items
    fitted), income and profile of spend from 366 days before the window (spend to date runs
    from the contract year's start) to its end: five queries (issue 16 item 7)."""
    first = timezone.localdate(start) - LOOKBACK
    last = timezone.localdate(end - timedelta(microseconds=1))
    days = (first, last)
    facts.finance_spend = [
        FinanceSpendFact(pk, day, pence / 100, category, "imported" if ref else "recorded")
        for pk, day, pence, category, ref in Spend.objects.filter(
            contract=contract, spent_on__range=days
        )
        .order_by()
        .values_list("pk", "spent_on", "amount_pence", "category", "transaction_ref")
    ]
    facts.finance_spend += [
        FinanceSpendFact(pk, day, pence / 100, "hardship_fund", "hardship", case_id)
        for pk, day, pence, case_id in HardshipGrant.objects.filter(
            fund__contract=contract, status=GrantStatus.APPROVED, paid_on__range=days
        )
        .order_by()
        .values_list("pk", "paid_on", "amount_pence", "case_id")
        if day is not None
    ]
    facts.finance_spend += [
        FinanceSpendFact(
            pk, day, float(price * quantity), "target_hardening", "target_hardening", case_id
        )
        for pk, day, quantity, price, case_id in FittedItem.objects.filter(
            job__case__contract=contract, fitted_on__range=days
        )
        .order_by()
        .values_list("pk", "fitted_on", "quantity", "unit_price", "job__case_id")
    ]
    facts.finance_income = [
        FinanceIncomeFact(pk, day, pence / 100, kind)
        for pk, day, pence, kind in Income.objects.filter(
            contract=contract, received_on__range=days
        )
        .order_by()
        .values_list("pk", "received_on", "amount_pence", "kind")
    ]
    facts.finance_profile = [
        FinanceProfileFact(pk, month, pence / 100, category)
        for pk, month, pence, category in ProfileMonth.objects.filter(
            line__contract=contract, month__range=(first, last + timedelta(days=100))
        )
        .order_by()
        .values_list("pk", "month", "amount_pence", "line__category")
    ]


def _optional_workforce(facts: Facts, contract: Contract) -> None:
    """The provider's staff and volunteers (with their equality answers), workforce plan,
    sickness, supervision and training, any time (issue 16; measures/workforce.py): seven
    queries, whatever the numbers. Workforce is small beside the caseload, so nothing is
    windowed (turnover and days lost look back 12 months from the period's end)."""
    organisation = contract.provider_id
    facts.staff_members = []
    facts.staff_equality = {}
    if organisation is None:
        return
    staff = StaffMember.objects.filter(organisation_id=organisation).order_by()
    equality = (
        "sex", "gender_same_as_birth", "sexual_orientation", "disability", "ethnicity",
        "religion", "marital_status", "pregnancy_maternity",
    )  # fmt: skip
    for row in staff.values_list(
        "id", "kind", "contract_type", "fte", "started_on", "left_on", "post_id",
        "volunteer_role", "date_of_birth", *equality,
    ):  # fmt: skip
        pk, kind, contract_type, fte, started_on, left_on, post, role, born = row[:9]
        facts.staff_members.append(
            StaffMemberFact(
                pk, organisation, kind, contract_type, float(fte), started_on, left_on, post, role
            )
        )
        answers = dict(zip(equality, row[9:], strict=True))
        facts.staff_equality[pk] = PersonFact(
            id=pk, reference_code="", date_of_birth=born, is_child=False, local_authority="",
            **answers,
        )  # fmt: skip
    facts.establishment_posts = [
        EstablishmentPostFact(pk, organisation, float(fte), valid_from, valid_to)
        for pk, fte, valid_from, valid_to in EstablishmentPost.objects.filter(
            organisation_id=organisation
        )
        .order_by()
        .values_list("id", "fte", "valid_from", "valid_to")
    ]
    of_staff = {"staff_member__organisation_id": organisation}
    facts.sickness_absences = [
        SicknessAbsenceFact(*row)
        for row in SicknessAbsence.objects.filter(**of_staff)
        .order_by()
        .values_list(*SicknessAbsenceFact._fields)
    ]
    facts.supervisions = [
        SupervisionFact(*row)
        for row in Supervision.objects.filter(**of_staff)
        .order_by()
        .values_list(*SupervisionFact._fields)
    ]
    facts.training_completions = [
        TrainingCompletionFact(*row)
        for row in TrainingCompletion.objects.filter(**of_staff)
        .order_by()
        .values_list(*TrainingCompletionFact._fields)
    ]
    facts.training_courses = [
        TrainingCourseFact(*row)
        for row in Course.objects.filter(organisation_id=organisation)
        .order_by()
        .values_list(*TrainingCourseFact._fields)
    ]
    facts.training_sessions = [
        TrainingSessionFact(*row)
        for row in TrainingSession.objects.filter(course__organisation_id=organisation)
        .order_by()
        .values_list(*TrainingSessionFact._fields)
    ]


def _optional_appraisal(facts: Facts, contract: Contract, start: datetime, end: datetime) -> None:
    """The contract's appraisal responses given in the window and their answers, and its
    feedback items received in it (three queries; seed 001 s14)."""
    from haven.appraisal.models import AppraisalAnswer, AppraisalResponse, FeedbackItem
    from haven.reporting.facts import AppraisalAnswerFact, AppraisalResponseFact, FeedbackItemFact

    responses = AppraisalResponse.objects.filter(
        round__contract=contract, submitted_at__gte=start, submitted_at__lt=end
    ).order_by()
    facts.appraisal_responses = _rows(
        responses, ("id", "group", "submitted_at"), AppraisalResponseFact
    )
    facts.appraisal_answers = [
        AppraisalAnswerFact(response_id, measure, score)
        for response_id, measure, score in AppraisalAnswer.objects.filter(
            response__in=responses.values("id")
        )
        .exclude(question__measure="")
        .order_by()
        .values_list("response_id", "question__measure", "score")
    ]
    first, last = timezone.localdate(start), timezone.localdate(end - timedelta(microseconds=1))
    facts.feedback_items = _rows(
        FeedbackItem.objects.filter(
            contract=contract, received_on__gte=first, received_on__lte=last
        ).order_by(),
        ("id", "received_on", "acted_on"),
        FeedbackItemFact,
    )


def _optional_restorative(facts: Facts, in_cases: dict[str, Any]) -> None:
    """Every restorative justice process of the window's cases, whenever referred (one query;
    seed 002 s3.10)."""
    from haven.reporting.facts import RestorativeProcessFact
    from haven.restorative.models import RestorativeProcess, Stage

    facts.restorative_processes = [
        RestorativeProcessFact(
            id=pk,
            case_id=case_id,
            stage=stage,
            referred_at=referred_at,
            suitable_at=None if stage == Stage.UNSUITABLE else assessed_at,
            ended_at=ended_at,
        )
        for pk, case_id, stage, referred_at, assessed_at, ended_at in (
            RestorativeProcess.objects.filter(**in_cases)
            .order_by()
            .values_list("id", "case_id", "stage", "referred_at", "assessed_at", "ended_at")
        )
    ]


def _optional_programmes(facts: Facts, contract: Contract, start: datetime, end: datetime) -> None:
    """Groups and places of the contract's programmes, whenever (a few hundred a year), and the
    sessions, marks, pre-group contacts and crèches dated in the window: six queries
    (haven/programmes; measures/programmes.py)."""
    from haven.programmes.models import (
        CrecheSession,
        Enrolment,
        PreGroupContact,
        ProgrammeRun,
        ProgrammeSession,
        SessionAttendance,
    )
    from haven.reporting.facts import (
        CrecheSessionFact,
        PreGroupContactFact,
        ProgrammeAttendanceFact,
        ProgrammeEnrolmentFact,
        ProgrammeRunFact,
        ProgrammeSessionFact,
    )

    first, last = timezone.localdate(start), timezone.localdate(end)
    facts.programme_runs = _rows(
        ProgrammeRun.objects.filter(programme__contract=contract)
        .annotate(first_session_on=Min("sessions__held_on", filter=Q(sessions__format="group")))
        .order_by(),
        ("id", "programme__kind", "starts_on", "completed_on", "first_session_on"),
        ProgrammeRunFact,
    )
    facts.programme_enrolments = _rows(
        Enrolment.objects.filter(run__programme__contract=contract).order_by(),
        (
            "id",
            "case_id",
            "run_id",
            "run__programme__kind",
            "status",
            "offered_on",
            "assessed_on",
            "started_on",
            "completed_on",
            "ended_on",
            "drop_out_reason",
        ),
        ProgrammeEnrolmentFact,
    )
    in_window = {"held_on__gte": first, "held_on__lt": last}
    facts.programme_sessions = _rows(
        ProgrammeSession.objects.filter(run__programme__contract=contract, **in_window).order_by(),
        ("id", "run_id", "run__programme__kind", "held_on", "format", "duration_minutes"),
        ProgrammeSessionFact,
    )
    facts.programme_attendance = _rows(
        SessionAttendance.objects.filter(
            session__run__programme__contract=contract,
            session__held_on__gte=first,
            session__held_on__lt=last,
        ).order_by(),
        (
            "id",
            "session_id",
            "enrolment_id",
            "enrolment__case_id",
            "session__run__programme__kind",
            "session__held_on",
            "session__format",
            "mark",
        ),
        ProgrammeAttendanceFact,
    )
    facts.pre_group_contacts = _rows(
        PreGroupContact.objects.filter(
            enrolment__run__programme__contract=contract,
            contacted_on__gte=first,
            contacted_on__lt=last,
        ).order_by(),
        (
            "id",
            "enrolment_id",
            "enrolment__case_id",
            "enrolment__run__programme__kind",
            "contacted_on",
        ),
        PreGroupContactFact,
    )
    facts.creche_sessions = _rows(
        CrecheSession.objects.filter(contract=contract, **in_window).order_by(),
        CrecheSessionFact._fields,
        CrecheSessionFact,
    )


def _optional_helpline(facts: Facts, contract: Contract, start: datetime, end: datetime) -> None:
    """The contract's helpline calls started in the window, and its call-backs closed or due in
    it (haven/helpline; issue 16 item 4): two queries."""
    from haven.helpline.models import CallBack, HelplineCall
    from haven.reporting.facts import CallBackFact, HelplineCallFact

    facts.helpline_calls = _rows(
        HelplineCall.objects.filter(
            contract=contract, started_at__gte=start, started_at__lt=end
        ).order_by(),
        HelplineCallFact._fields,
        HelplineCallFact,
    )
    facts.call_backs = _rows(
        CallBack.objects.filter(call__contract=contract)
        .filter(Q(closed_at__gte=start, closed_at__lt=end) | Q(due_at__gte=start, due_at__lt=end))
        .order_by(),
        CallBackFact._fields,
        CallBackFact,
    )


def _optional_quick_questions(
    facts: Facts, contract: Contract, start: datetime, end: datetime
) -> None:
    """Quick questions asked and web chats booked without a referral in the window (haven/portal;
    seed 002 s3.6)."""
    from haven.portal.models import ChatBooking, QuickQuestion
    from haven.reporting.facts import LoneChatBookingFact, QuickQuestionFact

    facts.quick_questions = _rows(
        QuickQuestion.objects.filter(
            contract=contract, asked_at__gte=start, asked_at__lt=end
        ).order_by(),
        ("id", "asked_at", "answered_at"),
        QuickQuestionFact,
    )
    facts.lone_chat_bookings = _rows(
        ChatBooking.objects.filter(
            contract=contract, referral__isnull=True, created_at__gte=start, created_at__lt=end
        ).order_by(),
        ("id", "created_at", "starts_at"),
        LoneChatBookingFact,
    )


def _optional_events(facts: Facts, contract: Contract, start: datetime, end: datetime) -> None:
    """The contract's delivered events starting in the window (one query), and one answer row
    per feedback form and question, built from the events' counts (issue 16 item 2)."""
    from haven.events.models import Event, EventStatus
    from haven.reporting.facts import EventFact, EventFeedbackFact

    facts.events = _rows(
        Event.objects.filter(
            contracts=contract,
            status=EventStatus.DELIVERED,
            starts_at__gte=start,
            starts_at__lt=end,
        ).order_by(),
        EventFact._fields,
        EventFact,
    )
    answers = []
    for event in facts.events:
        said = {"awareness": event.awareness_increased, "confidence": event.more_confident}
        for question, yes in said.items():
            for number in range(event.feedback_forms):
                answers.append(
                    EventFeedbackFact(
                        uuid.uuid5(uuid.UUID(str(event.id)), f"{question}:{number}"),
                        event.id,
                        event.starts_at,
                        question,
                        number < yes,
                        event.location_type,
                        event.audience,
                    )
                )
    facts.event_feedback = answers


def _optional_target_hardening(facts: Facts, contract: Contract) -> None:
    """Every target hardening job of the contract and every item fitted, whenever (spend to date
    runs from the contract year's start; a few hundred jobs a year): two queries."""
    jobs = TargetHardeningJob.objects.filter(case__contract=contract).order_by()
    facts.target_hardening_jobs = [
        TargetHardeningJobFact(
            id=job_id,
            case_id=case_id,
            received_on=timezone.localdate(received or opened),
            service_level=level,
            visited_at=visited,
        )
        for job_id, case_id, received, opened, level, visited in jobs.values_list(
            "id",
            "case_id",
            "case__referral__received_at",
            "case__opened_at",
            "service_level",
            "visited_at",
        )
    ]
    facts.target_hardening_fittings = [
        TargetHardeningFittingFact(
            id=row_id,
            job_id=job_id,
            fitted_on=fitted_on,
            cost=float(price * quantity),
            case_id=case_id,
        )
        for row_id, job_id, fitted_on, quantity, price, case_id in FittedItem.objects.filter(
            job__case__contract=contract
        )
        .order_by()
        .values_list("id", "job_id", "fitted_on", "quantity", "unit_price", "job__case_id")
    ]


def _optional_incidents(facts: Facts, contract: Contract, start: datetime, end: datetime) -> None:
    """The contract's serious incidents that occurred in the window, and its complaints and
    compliments received (or, for complaints, resolved) on its days (issue 12 items 10-11)."""
    first = timezone.localtime(start).date()
    last = timezone.localtime(end - timedelta(microseconds=1)).date()
    facts.serious_incidents = _rows(
        SeriousIncident.objects.filter(
            contract=contract, occurred_at__gte=start, occurred_at__lt=end
        ).order_by(),
        SeriousIncidentFact._fields,
        SeriousIncidentFact,
    )
    in_days = Q(received_on__range=(first, last)) | Q(resolved_on__range=(first, last))
    facts.complaints = _rows(
        Complaint.objects.filter(in_days, contract=contract).order_by(),
        ComplaintFact._fields,
        ComplaintFact,
    )
    facts.compliments = _rows(
        Compliment.objects.filter(contract=contract, received_on__range=(first, last)).order_by(),
        ComplimentFact._fields,
        ComplimentFact,
    )


def _optional_stays(facts: Facts, contract: Contract, start: datetime, end: datetime) -> None:
    """Refuge stays of the contract's cases lived in any part of the window (moved in before its
    end, not moved out before its start), and who moved in with them (issue 13)."""
    from django.db.models import Subquery, Value
    from django.db.models.functions import Coalesce

    from haven.refuge.models import Stay, StayExtension, StayMember
    from haven.reporting.facts import StayFact, StayMemberFact

    stays = Stay.objects.filter(case__contract=contract, moved_in_at__lt=end).filter(
        Q(moved_out_at__isnull=True) | Q(moved_out_at__gte=start)
    )
    first_reason = (
        StayExtension.objects.filter(stay=OuterRef("pk")).order_by("recorded_at").values("reason")
    )
    facts.stays = _rows(
        stays.annotate(extension_reason=Coalesce(Subquery(first_reason[:1]), Value(""))).order_by(),
        (
            "id",
            "case_id",
            "case__person_id",
            "moved_in_at",
            "moved_out_at",
            "destination",
            "planned_exit",
            "room__property__kind",
            "room__property__in_commissioner_area",
            "extension_reason",
        ),
        StayFact,
    )
    facts.stay_members = _rows(
        StayMember.objects.filter(stay__in=stays.values("id")).order_by(),
        (
            "id",
            "stay_id",
            "person_id",
            "person__date_of_birth",
            "person__is_child",
            "stay__moved_in_at",
        ),
        StayMemberFact,
    )


def _optional_safeguarding(facts: Facts, in_cases: dict[str, Any]) -> None:
    """Every child record, safeguarding referral or meeting and adults alert of the window's
    cases, whenever recorded (a plan that started years ago may be in force in the period), in
    one query each (issue 12; measures/safeguarding.py)."""
    facts.child_records = _rows(
        ChildRecord.objects.filter(**in_cases).order_by(),
        ("id", "case_id", "child_id", *ChildRecordFact._fields[3:]),
        ChildRecordFact,
    )
    facts.safeguarding_events = _rows(
        SafeguardingEvent.objects.filter(**in_cases).order_by(),
        ("id", "case_id", "child_id", "kind", "occurred_on", "attended"),
        SafeguardingEventFact,
    )
    facts.safeguarding_alerts = _rows(
        SafeguardingAlert.objects.filter(**in_cases).order_by(),
        SafeguardingAlertFact._fields,
        SafeguardingAlertFact,
    )


def _optional_plans(facts: Facts, in_cases: dict[str, Any], end: datetime) -> None:
    """Support plans agreed and safety plans completed by the window's end on its cases
    (issue 11; measures/plans.py)."""
    facts.support_plans = _rows(
        SupportPlan.objects.filter(**in_cases, agreed_at__lt=end)
        .annotate(
            reintegration=Exists(PlanGoal.objects.filter(plan=OuterRef("pk"), reintegration=True))
        )
        .order_by(),
        SupportPlanFact._fields,
        SupportPlanFact,
    )
    facts.safety_plans = _rows(
        SafetyPlan.objects.filter(**in_cases, completed_at__lt=end).order_by(),
        SafetyPlanFact._fields,
        SafetyPlanFact,
    )


def _optional_marac(facts: Facts, in_cases: dict[str, Any], start: datetime, end: datetime) -> None:
    """MARAC referrals made, cases heard and new incidents in the window, of its cases
    (measures/marac.py)."""
    first, last = timezone.localdate(start), timezone.localdate(end)
    facts.marac_referrals = _rows(
        MaracReferral.objects.filter(
            **in_cases, referred_on__gte=first, referred_on__lt=last
        ).order_by(),
        MaracReferralFact._fields,
        MaracReferralFact,
    )
    facts.marac_hearings = _rows(
        MaracHearing.objects.filter(
            referral__case__in=in_cases["case__in"],
            meeting__held_on__gte=first,
            meeting__held_on__lt=last,
        ).order_by(),
        (
            "id",
            "referral__case_id",
            "referral_id",
            "meeting_id",
            "meeting__area_id",
            "meeting__held_on",
            "referral__is_repeat",
            "referral__referring_agency",
            "idva_represented",
            "meeting__idva_attended",
        ),
        MaracHearingFact,
    )
    facts.marac_incidents = _rows(
        Incident.objects.filter(
            **in_cases, occurred_on__gte=first, occurred_on__lt=last
        ).order_by(),
        MaracIncidentFact._fields,
        MaracIncidentFact,
    )


def _optional_outcomes(facts: Facts, case_ids: Any) -> None:
    """Every outcome assessment and answer of the window's cases, whenever asked (a baseline
    may be years before the period), in one query each; the exit form types' labels."""
    facts.outcome_assessments = _rows(
        OutcomeAssessment.objects.filter(case__in=case_ids).order_by(),
        OutcomeAssessmentFact._fields,
        OutcomeAssessmentFact,
    )
    facts.outcome_answers = _rows(
        OutcomeAnswer.objects.filter(assessment__case__in=case_ids).order_by(),
        (
            "assessment_id",
            "assessment__case_id",
            "assessment__instrument",
            "assessment__stage",
            "assessment__asked_at",
            "question",
            "domain",
            "score",
            "higher_is_better",
        ),
        OutcomeAnswerFact,
    )
    facts.labels.update(
        {
            ("exit_form_type", form_type.key): form_type.label
            for found in instruments().values()
            for form_type in found.exit_form_types
        }
    )


def _optional_flags(people_ids: Any) -> list[PersonFlagFact]:
    return _rows(
        PersonFlag.objects.filter(person__in=people_ids).order_by(),
        PersonFlagFact._fields,
        PersonFlagFact,
    )


def _optional_households(people_ids: Any) -> list[HouseholdFact]:
    # Links of the people, and of the parents they are children of (so a referred child's
    # siblings are found through their parent even when neither sibling nor parent was referred).
    parents = HouseholdLink.objects.filter(member__in=people_ids).values("person_id")
    return _rows(
        HouseholdLink.objects.filter(
            Q(person__in=people_ids) | Q(member__in=people_ids) | Q(person__in=parents)
        ).order_by(),
        HouseholdFact._fields,
        HouseholdFact,
    )


def _optional_first_cases(contract: Contract, people_ids: Any) -> dict[Any, datetime]:
    # seed 003 s13: service users known to the service before (a case of this contract, ever)
    return dict(
        Case.objects.filter(contract=contract, person__in=people_ids)
        .order_by()
        .values("person_id")
        .annotate(first=Min("opened_at"))
        .values_list("person_id", "first")
    )


def _blank_equality(person: PersonFact) -> dict[str, str]:
    """A person without equality data has None from the outer join; the facts use ''."""
    return {name: "" for name in EQUALITY_FIELDS if getattr(person, name) is None}


EQUALITY_FIELDS = (*PersonFact._fields[5:13], "immigration_status")


class _PersonRows:
    """PersonFact from a row whose last columns are the disability type booleans (one per
    people.choices.DisabilityType, in its order), folded into `disability_types`."""

    @staticmethod
    def _make(row: tuple[Any, ...]) -> PersonFact:
        width = len(DisabilityType.values)
        ticked = tuple(
            key for key, on in zip(DisabilityType.values, row[-width:], strict=True) if on
        )
        return PersonFact._make((*row[:-width], ticked))


def _optional_waiting_list(
    facts: Facts, contract: Contract, start: datetime, end: datetime
) -> None:
    """The contract's waiting-list entries on the list at any time in the window: joined
    before its end and not left before its start (issue 13; measures/waiting_list.py)."""
    facts.waiting_list_entries = _rows(
        WaitingListEntry.objects.filter(contract=contract, joined_at__lt=end)
        .filter(Q(left_at__isnull=True) | Q(left_at__gte=start))
        .order_by(),
        WaitingListEntryFact._fields,
        WaitingListEntryFact,
    )
