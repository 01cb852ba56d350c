"""The facts a return counts, as plain rows: one tuple per referral, case, task, attempt, risk
assessment, exit interview, onward referral, needs assessment, support session and legal proceeding of one
contract, and the people they are about (with their flags and household links).

Pure: no Django. `haven.reporting.loaders` fills a `Facts` with a fixed number of queries,
whatever the number of cases; the measures are then plain Python over these rows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import Any, NamedTuple

from haven.workforce import figures as workforce_rows

# workforce (issue 16): the rows haven/workforce/figures.py counts, one home for each
SicknessAbsenceFact = workforce_rows.AbsenceRow
TrainingCompletionFact = workforce_rows.CompletionRow
TrainingCourseFact = workforce_rows.CourseRow
EstablishmentPostFact = workforce_rows.PostRow
TrainingSessionFact = workforce_rows.SessionRow
StaffMemberFact = workforce_rows.StaffRow
SupervisionFact = workforce_rows.SupervisionRow


class PersonFact(NamedTuple):
    id: Any
    reference_code: str
    date_of_birth: date | None
    is_child: bool
    local_authority: str
    sex: str
    gender_same_as_birth: str
    sexual_orientation: str
    disability: str
    ethnicity: str
    religion: str
    marital_status: str
    pregnancy_maternity: str
    # seed 001 s6: "those whose preferred language may not be English" (defaults keep the
    # positional tuples other tests build valid)
    preferred_language: str = ""
    interpreter_needed: bool = False
    # issue 16 (people equality data): seed 001 s6 refugee communities (people.choices.
    # ImmigrationStatus) and seed 004 appendix 1 E10-E13 the types of disability ticked
    # (people.choices.DisabilityType keys, in the list's order)
    immigration_status: str = ""
    disability_types: tuple[str, ...] = ()


class PersonFlagFact(NamedTuple):
    """A flag on a person (people.choices.FlagKind: disability, nrpf, mental_health, ...), current
    from `started_on` to `ended_on` (None: still current)."""

    id: Any
    person_id: Any
    kind: str
    started_on: date
    ended_on: date | None


class HouseholdFact(NamedTuple):
    """A child (`member_id`, a person with their own reference code) in `person_id`'s household."""

    id: Any
    person_id: Any
    member_id: Any
    relationship: str
    lives_with_person: bool


class ReferralFact(NamedTuple):
    id: Any
    person_id: Any
    received_at: datetime
    route: str
    received_via: str
    source: str
    source_organisation: str
    contact_method: str
    priority: str
    primary_support_need: str
    referrer_risk_level: str
    decision: str
    decided_at: datetime | None


class CaseFact(NamedTuple):
    id: Any
    person_id: Any
    referral_id: Any
    state: str
    risk_level: str
    opened_at: datetime
    first_contact_at: datetime | None
    closed_at: datetime | None
    exit_type: str
    allocated_to_id: Any
    team_id: Any
    exit_reason: str = ""  # casework ExitReason: why the case ended (issue 11 exits)
    not_contactable_reason: str = ""  # seed 002 s7: why the person could not be contacted


class TaskFact(NamedTuple):
    id: Any
    case_id: Any
    rule_key: str
    action: str
    due_at: datetime
    status: str
    met_at: datetime | None
    completed_at: datetime | None


class AttemptFact(NamedTuple):
    id: Any
    case_id: Any
    channel: str
    outcome: str
    attempted_at: datetime
    is_final_letter: bool


class RiskFact(NamedTuple):
    id: Any
    case_id: Any
    stage: str
    score: int
    level: str
    completed_at: datetime
    marac_referral_required: bool


class ExitInterviewFact(NamedTuple):
    id: Any
    case_id: Any
    held_at: datetime
    outcome: str  # held | declined


class OnwardReferralFact(NamedTuple):
    id: Any
    case_id: Any
    made_at: datetime
    agency_type: str
    kind: str = "referral"  # referral | passed_on (seed 002 Lot 1 s7)
    need_area: str = ""  # a key of the profile's needs areas ("" when none was given)
    outcome: str = "awaiting"  # awaiting | accepted | declined | no_reply
    outcome_at: datetime | None = None


class NeedsAssessmentFact(NamedTuple):
    id: Any
    case_id: Any
    stage: str  # initial | review | exit
    assessed_at: datetime


class SupportSessionFact(NamedTuple):
    """A support session delivered in the loaded window (support.SupportSession)."""

    id: Any
    case_id: Any
    delivered_at: datetime
    mode: str  # telephone | face_to_face | video | web_chat | group | court
    duration_minutes: int
    court_session: bool
    specialist_dv_court: bool
    vps_enabled: bool
    legal_proceedings_supported: bool
    # who it was with: survivor | parent_carer | child (the default keeps positional tuples valid)
    session_with: str = "survivor"


class ProceedingFact(NamedTuple):
    """A legal proceeding on one of the window's cases, whenever it started
    (proceedings.Proceeding)."""

    id: Any
    case_id: Any
    kind: str  # criminal_prosecution | restraining_order | non_molestation_order | ...
    court_type: str
    specialist_dv_court: bool
    started_on: date
    status: str  # ongoing | concluded
    outcome: str  # "" until recorded; charged | guilty_plea | found_guilty | granted | ...
    outcome_on: date | None


class HousingSituationFact(NamedTuple):
    """A Safe Home case's housing at entry and exit (housing.HousingSituation)."""

    id: Any
    case_id: Any
    entry_tenure: str  # housing.Tenure
    left_home_on: date | None  # seed 001 Lot 2 s8 "disruption to own home"
    exit_tenure: str  # "" until recorded
    exit_destination: str  # "" until recorded; housing.Destination
    settled_on: date | None  # moved into (or kept) the home they had at exit


class SafeHomeOutcomeFact(NamedTuple):
    """A Safe Home outcome of one of the window's cases, whenever achieved
    (housing.SafeHomeOutcome)."""

    id: Any
    case_id: Any
    kind: str  # housing.SafeHomeOutcomeKind
    achieved_on: date


class SupportPlanFact(NamedTuple):
    """A support plan agreed before the loaded window ends, on a case of the window (plans
    app), for the case's survivor or a child of their household (`person_id`)."""

    id: Any
    case_id: Any
    person_id: Any
    agreed_at: datetime
    reintegration: bool  # has a goal of a return to universal services (seed 001 Lot 1 s8)


class SafetyPlanFact(NamedTuple):
    """A safety plan completed before the loaded window ends, on a case of the window."""

    id: Any
    case_id: Any
    person_id: Any
    completed_at: datetime


class SurveyFact(NamedTuple):
    """A satisfaction and outcome survey asked in the loaded window (followups.Survey)."""

    id: Any
    case_id: Any
    occasion: str  # follow_up | end_of_visit | exit | survey_team
    schedule_key: str  # the follow-up rule it answers (follow_up_1_month ...), "" otherwise
    asked_at: datetime
    declined: bool


class SurveyAnswerFact(NamedTuple):
    """One answer of a survey above (followups.SurveyAnswer): yes | no | not_sure."""

    survey_id: Any
    question: str
    answer: str


class FollowUpDueFact(NamedTuple):
    """A follow-up duty (a rule starting at closure) due in the loaded window, whatever the
    window of its case, with its case's contact and closure and when it was passed to a police
    survey team (followups.SurveyTeamHandOff), if it was."""

    id: Any  # the task's
    case_id: Any
    rule_key: str
    due_at: datetime
    status: str
    case_first_contact_at: datetime | None
    case_closed_at: datetime | None
    passed_at: datetime | None


class NeedsAreaFact(NamedTuple):
    """One area's level of need at one needs assessment (casework NeedsAssessmentArea)."""

    assessment_id: Any
    case_id: Any
    stage: str  # the assessment's: initial | review | exit
    area: str  # a key of the profile's needs_assessment areas
    level: int  # Haven's level of need, 0 (none) to 3 (high)


class OutcomeAssessmentFact(NamedTuple):
    """An outcome instrument asked on a case (outcomes.OutcomeAssessment)."""

    id: Any
    case_id: Any
    instrument: str
    stage: str  # intake | review | exit
    asked_at: datetime
    declined: bool
    exit_form_type: str


class OutcomeAnswerFact(NamedTuple):
    """One question's score in an outcome assessment, with its assessment's stage and time."""

    assessment_id: Any
    case_id: Any
    instrument: str
    stage: str
    asked_at: datetime
    question: str
    domain: str
    score: int
    higher_is_better: bool


class MaracReferralFact(NamedTuple):
    """A MARAC referral of one of the window's cases, made in the window (marac.MaracReferral)."""

    id: Any
    case_id: Any
    area_id: Any
    referred_on: date
    referring_agency: str  # marac.MaracAgency: police | idva | housing | ...
    is_repeat: bool  # reference.md s1.4: within 12 months of the person's last referral
    criteria: list[str]


class MaracIncidentFact(NamedTuple):
    """A new incident recorded on one of the window's cases, occurring in the window
    (marac.Incident: reported after the referral, so a further incident of abuse)."""

    id: Any
    case_id: Any
    occurred_on: date
    repeat_marac: bool


class MaracHearingFact(NamedTuple):
    """One of the window's cases heard at a MARAC meeting in the window (marac.MaracHearing),
    with its meeting and referral."""

    id: Any
    case_id: Any
    referral_id: Any
    meeting_id: Any
    area_id: Any
    held_on: date
    is_repeat: bool  # the referral's
    referring_agency: str  # the referral's
    idva_represented: bool
    idva_attended: bool  # the meeting's


class TargetHardeningJobFact(NamedTuple):
    """A target hardening job (targethardening.TargetHardeningJob): the home visit and the
    service level its assessment set (seed 002 Lot 2 s3.1)."""

    id: Any
    case_id: Any
    received_on: date  # the referral's received day (local), or the day the case opened
    service_level: int
    visited_at: datetime


class TargetHardeningFittingFact(NamedTuple):
    """Items fitted at a job's property: quantity × the unit price at the time."""

    id: Any
    job_id: Any
    fitted_on: date
    cost: float
    case_id: Any = None  # the job's case (drill-down opens it)


# finance (issue 16 item 7): spend, income and the profile of spend of the contract


class FinanceSpendFact(NamedTuple):
    """Money spent on the contract (finance.Spend, a hardship grant paid or target hardening
    items fitted), in pounds; `source`: recorded | imported | hardship | target_hardening."""

    id: Any
    spent_on: date
    amount: float
    category: str
    source: str
    case_id: Any = None  # a hardship grant's or fitting's case (drill-down opens it)


class FinanceIncomeFact(NamedTuple):
    """Income received for the contract (finance.Income), in pounds."""

    id: Any
    received_on: date
    amount: float
    kind: str


class FinanceProfileFact(NamedTuple):
    """One month's planned spend of a budget line (finance.ProfileMonth), in pounds."""

    id: Any
    month: date  # the month's first day
    amount: float
    category: str


class QuickQuestionFact(NamedTuple):
    """A quick question asked online (portal.QuickQuestion; seed 002 s3.6: not formal support).
    Nobody is recorded with it."""

    id: Any
    asked_at: datetime
    answered_at: datetime | None


class RestorativeProcessFact(NamedTuple):
    """A restorative justice process on a case (restorative.RestorativeProcess; seed 002
    s3.10): found suitable when `suitable_at` is set, ended (closed, withdrawn, unsuitable) at
    `ended_at`."""

    id: Any
    case_id: Any
    stage: str
    referred_at: datetime
    suitable_at: datetime | None
    ended_at: datetime | None


class AppraisalResponseFact(NamedTuple):
    """One anonymous response to the 360-degree appraisal (appraisal.AppraisalResponse; seed
    001 s14): its respondent group and when it was given."""

    id: Any
    group: str  # stakeholder | staff | service_user
    submitted_at: datetime


class AppraisalAnswerFact(NamedTuple):
    """One answer of a response: the measure its statement evidences and the 1-5 score."""

    response_id: Any
    measure: str
    score: int


class FeedbackItemFact(NamedTuple):
    """ "You said, we did" (appraisal.FeedbackItem): received, and acted on when done."""

    id: Any
    received_on: date
    acted_on: date | None


class LoneChatBookingFact(NamedTuple):
    """A web chat booked without a referral (portal.ChatBooking with no referral)."""

    id: Any
    booked_at: datetime
    starts_at: datetime


# --- events (issue 16 item 2): training, awareness sessions and community events ---------------
class EventFact(NamedTuple):
    """A delivered event of the contract (events.Event), placed in a period by `starts_at`."""

    id: Any
    kind: str
    starts_at: datetime
    location_type: str
    audience: str
    attended: int
    feedback_forms: int
    awareness_increased: int
    more_confident: int


class EventFeedbackFact(NamedTuple):
    """One feedback form's answer to one question at a delivered event: `question` awareness
    (awareness or knowledge increased) or confidence (more confident to act). Built by the loader
    from the event's counts (one row per form returned); the id is derived, not stored."""

    id: Any
    event_id: Any
    starts_at: datetime
    question: str
    said_yes: bool
    location_type: str
    audience: str


# helpline (haven/helpline; issue 16 item 4)
class HelplineCallFact(NamedTuple):
    """A call to or from the helpline (helpline.HelplineCall). Nobody is recorded with it."""

    id: Any
    started_at: datetime
    direction: str  # in | out
    out_of_hours: bool  # outside the contract's opening hours (without them, not 9am-5pm)
    kind: str  # support | counselling
    duration_minutes: int
    answered_at: datetime | None
    answer_due_at: datetime  # 2 working days after it started (seed 003 s6.1)


class CallBackFact(NamedTuple):
    """A call-back booked on a helpline call (helpline.CallBack): due, done, missed, cancelled."""

    id: Any
    call_id: Any
    status: str
    due_at: datetime
    closed_at: datetime | None


class InitialRequestFact(NamedTuple):
    """One initial request for service (seed 004 s10 A0): a referral received, a quick question
    asked or a web chat booked on its own; `via` says which."""

    id: Any
    via: str  # referral | quick_question | web_chat
    at: datetime


class NotLoaded:
    """An optional fact the loader skipped (no computation of the contract declared it): any
    read is refused, so a computation that reads a fact without declaring it fails loudly
    instead of counting nothing."""

    def __init__(self, name: str) -> None:
        self.name = name

    def _refuse(self, *args: Any, **kwargs: Any) -> Any:
        raise LookupError(
            f"the optional fact {self.name!r} was not loaded: declare it in the computation's "
            "needs= (reporting.measures.base.OPTIONAL_FIELDS)"
        )

    __iter__ = __len__ = __bool__ = __getitem__ = __contains__ = _refuse
    get = items = keys = values = _refuse

    def __repr__(self) -> str:
        return f"NotLoaded({self.name!r})"


@dataclass
class Facts:
    """Every row one return needs, for one contract and one window of time."""

    persons: dict[Any, PersonFact] = field(default_factory=dict)
    referrals: list[ReferralFact] = field(default_factory=list)
    cases: list[CaseFact] = field(default_factory=list)
    tasks: list[TaskFact] = field(default_factory=list)  # due inside the loaded window
    attempts: list[AttemptFact] = field(default_factory=list)  # final letters (all a figure counts)
    risks: list[RiskFact] = field(default_factory=list)
    exit_interviews: list[ExitInterviewFact] = field(default_factory=list)
    onward_referrals: list[OnwardReferralFact] = field(default_factory=list)
    needs_assessments: list[NeedsAssessmentFact] = field(default_factory=list)
    sessions: list[SupportSessionFact] = field(default_factory=list)  # delivered in the window
    proceedings: list[ProceedingFact] = field(default_factory=list)  # of the window's cases
    support_plans: list[SupportPlanFact] = field(default_factory=list)  # agreed by the window's end
    safety_plans: list[SafetyPlanFact] = field(default_factory=list)  # completed by its end
    needs_areas: list[NeedsAreaFact] = field(default_factory=list)  # of the assessments above
    surveys: list[SurveyFact] = field(default_factory=list)  # asked in the window
    survey_answers: list[SurveyAnswerFact] = field(default_factory=list)  # of the surveys above
    follow_ups_due: list[FollowUpDueFact] = field(default_factory=list)  # due in the window
    # optional "outcomes": every outcome assessment and answer of the window's cases, any time
    outcome_assessments: list[OutcomeAssessmentFact] = field(default_factory=list)
    outcome_answers: list[OutcomeAnswerFact] = field(default_factory=list)
    flags: list[PersonFlagFact] = field(default_factory=list)  # of the persons above
    households: list[HouseholdFact] = field(default_factory=list)  # links touching the persons
    decline_reasons: dict[Any, str] = field(default_factory=dict)  # referral id: reason category
    # person id: when their first case of this contract opened, at any time (known before)
    first_case_opened: dict[Any, datetime] = field(default_factory=dict)
    labels: dict[tuple[str, str], str] = field(default_factory=dict)  # (dimension, value): label
    memo: dict[Any, Any] = field(default_factory=dict)  # dimensions' lookups, per record
    # optional "incidents": the contract's serious incidents, complaints and compliments (not
    # only the window's cases': most are about the service), occurring, received or resolved
    # in the window
    serious_incidents: list[SeriousIncidentFact] = field(default_factory=list)
    complaints: list[ComplaintFact] = field(default_factory=list)
    compliments: list[ComplimentFact] = field(default_factory=list)
    # optional "safeguarding": every child record, referral or meeting and adults alert of the
    # window's cases, whenever recorded (measures/safeguarding.py)
    child_records: list[ChildRecordFact] = field(default_factory=list)
    safeguarding_events: list[SafeguardingEventFact] = field(default_factory=list)
    safeguarding_alerts: list[SafeguardingAlertFact] = field(default_factory=list)
    # optional "marac": referrals made and cases heard in the window, of the window's cases
    marac_referrals: list[MaracReferralFact] = field(default_factory=list)
    marac_hearings: list[MaracHearingFact] = field(default_factory=list)
    marac_incidents: list[MaracIncidentFact] = field(default_factory=list)  # occurring in it
    # optional "risk_history": every checklist of the window's cases completed before the window
    risks_before: list[RiskFact] = field(default_factory=list)
    # optional "waiting_list": the contract's waiting-list entries on the list at any time in
    # the window (joined before its end, not left before its start; issue 13, seed 003 s13)
    waiting_list_entries: list[WaitingListEntryFact] = field(default_factory=list)
    # optional "stays": refuge stays of the contract's cases lived in any part of the window, and
    # the household members who moved in with them (measures/refuge.py; issue 13)
    stays: list[StayFact] = field(default_factory=list)
    stay_members: list[StayMemberFact] = field(default_factory=list)
    # optional "housing": the housing situation and Safe Home outcomes of the window's cases
    housing_situations: list[HousingSituationFact] = field(default_factory=list)
    safe_home_outcomes: list[SafeHomeOutcomeFact] = field(default_factory=list)
    # optional "target_hardening": every job of the contract and every item fitted, any time
    # (spend to date runs from the contract year's start: measures/target_hardening.py)
    target_hardening_jobs: list[TargetHardeningJobFact] = field(default_factory=list)
    target_hardening_fittings: list[TargetHardeningFittingFact] = field(default_factory=list)
    # optional "quick_questions": quick questions asked and web chats booked without a referral
    # in the window (haven/portal; seed 002 s3.6, seed 004 s10 A0)
    quick_questions: list[QuickQuestionFact] = field(default_factory=list)
    lone_chat_bookings: list[LoneChatBookingFact] = field(default_factory=list)
    # issue 16 (leftovers): optional "incident_history": every new incident (marac.Incident) of
    # the cases closed in the window, whenever it occurred (measures/victimisation.py)
    closed_case_incidents: list[MaracIncidentFact] = field(default_factory=list)
    # optional "events" (haven/events): the contract's delivered events starting in the window,
    # and their feedback forms' answers (measures/events.py)
    events: list[EventFact] = field(default_factory=list)
    event_feedback: list[EventFeedbackFact] = field(default_factory=list)
    # finance (issue 16 item 7), optional "finance": the contract's spend, income and profile of
    # spend from a year before the window to its end (spend to date runs from the year's start)
    finance_spend: list[FinanceSpendFact] = field(default_factory=list)
    finance_income: list[FinanceIncomeFact] = field(default_factory=list)
    finance_profile: list[FinanceProfileFact] = field(default_factory=list)
    # workforce (issue 16, haven/workforce) — optional "workforce": the provider's staff and
    # volunteers, its workforce plan, sickness, supervision and training, any time
    # (measures/workforce.py); staff_equality: each staff member's equality answers as a
    # PersonFact (no name, no reference code) for the protected-characteristic breakdowns
    staff_members: list[StaffMemberFact] = field(default_factory=list)
    establishment_posts: list[EstablishmentPostFact] = field(default_factory=list)
    sickness_absences: list[SicknessAbsenceFact] = field(default_factory=list)
    supervisions: list[SupervisionFact] = field(default_factory=list)
    training_completions: list[TrainingCompletionFact] = field(default_factory=list)
    training_courses: list[TrainingCourseFact] = field(default_factory=list)
    training_sessions: list[TrainingSessionFact] = field(default_factory=list)
    staff_equality: dict[Any, PersonFact] = field(default_factory=dict)
    # optional "restorative" (haven/restorative): every restorative justice process of the
    # window's cases, whenever referred (measures/restorative.py)
    restorative_processes: list[RestorativeProcessFact] = field(default_factory=list)
    # optional "appraisal" (haven/appraisal): responses given in the window with their answers,
    # and the feedback log's items received in it (measures/appraisal.py)
    appraisal_responses: list[AppraisalResponseFact] = field(default_factory=list)
    appraisal_answers: list[AppraisalAnswerFact] = field(default_factory=list)
    feedback_items: list[FeedbackItemFact] = field(default_factory=list)
    # programmes (issue 16 item 1): optional "programmes": every group (run) and place of the
    # contract's programmes, whenever; sessions, marks, pre-group contacts and crèches in the
    # window (measures/programmes.py)
    programme_runs: list[ProgrammeRunFact] = field(default_factory=list)
    programme_enrolments: list[ProgrammeEnrolmentFact] = field(default_factory=list)
    programme_sessions: list[ProgrammeSessionFact] = field(default_factory=list)
    programme_attendance: list[ProgrammeAttendanceFact] = field(default_factory=list)
    pre_group_contacts: list[PreGroupContactFact] = field(default_factory=list)
    creche_sessions: list[CrecheSessionFact] = field(default_factory=list)
    # optional "helpline" (haven/helpline): calls started in the window and call-backs closed or
    # due in it (measures/helpline.py)
    helpline_calls: list[HelplineCallFact] = field(default_factory=list)
    call_backs: list[CallBackFact] = field(default_factory=list)

    @cached_property
    def initial_requests(self) -> list[InitialRequestFact]:
        """Referrals, quick questions and lone web chat bookings as initial requests for service
        (seed 004 s10 A0); needs the optional "quick_questions" facts."""
        return [
            *(InitialRequestFact(r.id, "referral", r.received_at) for r in self.referrals),
            *(InitialRequestFact(q.id, "quick_question", q.asked_at) for q in self.quick_questions),
            *(InitialRequestFact(b.id, "web_chat", b.booked_at) for b in self.lone_chat_bookings),
        ]

    @cached_property
    def referral_by_id(self) -> dict[Any, ReferralFact]:
        return {r.id: r for r in self.referrals}

    @cached_property
    def case_by_id(self) -> dict[Any, CaseFact]:
        return {c.id: c for c in self.cases}

    @cached_property
    def case_by_referral(self) -> dict[Any, CaseFact]:
        return {c.referral_id: c for c in self.cases if c.referral_id is not None}

    @cached_property
    def risks_by_case(self) -> dict[Any, list[RiskFact]]:
        return _grouped(self.risks, "case_id", "completed_at")

    @cached_property
    def attempts_by_case(self) -> dict[Any, list[AttemptFact]]:
        return _grouped(self.attempts, "case_id", "attempted_at")

    @cached_property
    def tasks_by_case(self) -> dict[Any, list[TaskFact]]:
        return _grouped(self.tasks, "case_id", "due_at")

    @cached_property
    def answers_by_survey(self) -> dict[Any, dict[str, str]]:
        answers: dict[Any, dict[str, str]] = defaultdict(dict)
        for row in self.survey_answers:
            answers[row.survey_id][row.question] = row.answer
        return dict(answers)

    @cached_property
    def flags_by_person(self) -> dict[Any, list[PersonFlagFact]]:
        return _grouped(self.flags, "person_id", "started_on")

    @cached_property
    def housing_by_case(self) -> dict[Any, HousingSituationFact]:
        return {h.case_id: h for h in self.housing_situations}

    @cached_property
    def referrals_by_person(self) -> dict[Any, list[ReferralFact]]:
        return _grouped(self.referrals, "person_id", "received_at")

    def record(self, kind: str, record_id: Any) -> Any:
        """The row of a record named by kind and id (for breakdowns and drill-down)."""
        if kind == "person":
            return self.persons.get(record_id)
        return self.index(kind).get(record_id)

    def index(self, kind: str) -> dict[Any, Any]:
        """Rows of one kind by id, built once."""
        if kind not in self._indexes:
            self._indexes[kind] = {row.id: row for row in getattr(self, KINDS[kind])}
        return self._indexes[kind]

    @cached_property
    def _indexes(self) -> dict[str, dict[Any, Any]]:
        return {}


# The record kinds a figure can count, and the Facts list each lives in.
KINDS = {
    "referral": "referrals",
    "case": "cases",
    "task": "tasks",
    "attempt": "attempts",
    "risk_assessment": "risks",
    "exit_interview": "exit_interviews",
    "onward_referral": "onward_referrals",
    "needs_assessment": "needs_assessments",
    "support_session": "sessions",
    "proceeding": "proceedings",
    "support_plan": "support_plans",
    "safety_plan": "safety_plans",
    "survey": "surveys",
    "follow_up_due": "follow_ups_due",
    "outcome_assessment": "outcome_assessments",
    "serious_incident": "serious_incidents",
    "complaint": "complaints",
    "compliment": "compliments",
    "child_record": "child_records",
    "safeguarding_event": "safeguarding_events",
    "safeguarding_alert": "safeguarding_alerts",
    "marac_referral": "marac_referrals",
    "marac_hearing": "marac_hearings",
    "incident": "marac_incidents",
    "waiting_list_entry": "waiting_list_entries",
    "stay": "stays",
    "stay_member": "stay_members",
    "housing_situation": "housing_situations",
    "safe_home_outcome": "safe_home_outcomes",
    "target_hardening_job": "target_hardening_jobs",
    "target_hardening_fitting": "target_hardening_fittings",
    "quick_question": "quick_questions",
    "lone_chat_booking": "lone_chat_bookings",
    "initial_request": "initial_requests",
    "event": "events",
    "event_feedback": "event_feedback",
    # finance (issue 16 item 7)
    "finance_spend": "finance_spend",
    "finance_income": "finance_income",
    "finance_profile": "finance_profile",
    # workforce (issue 16)
    "staff_member": "staff_members",
    "establishment_post": "establishment_posts",
    "sickness_absence": "sickness_absences",
    "supervision": "supervisions",
    "training_session": "training_sessions",
    "restorative_process": "restorative_processes",
    "appraisal_response": "appraisal_responses",
    "feedback_item": "feedback_items",
    # programmes (issue 16 item 1)
    "programme_run": "programme_runs",
    "programme_enrolment": "programme_enrolments",
    "programme_session": "programme_sessions",
    "programme_attendance": "programme_attendance",
    "pre_group_contact": "pre_group_contacts",
    "creche_session": "creche_sessions",
    "helpline_call": "helpline_calls",
    "call_back": "call_backs",
}


def _grouped(rows: Iterable[Any], key: str, order: str) -> dict[Any, list[Any]]:
    groups: dict[Any, list[Any]] = defaultdict(list)
    for row in rows:
        groups[getattr(row, key)].append(row)
    for items in groups.values():
        items.sort(key=lambda row: getattr(row, order))
    return dict(groups)


class SeriousIncidentFact(NamedTuple):
    """A serious incident of the contract, against a case or the service (case_id None)
    (incidents.SeriousIncident)."""

    id: Any
    case_id: Any
    kind: str  # domestic_homicide | near_miss | serious_case_review | ...
    occurred_at: datetime
    notification_due_at: datetime | None
    notified_at: datetime | None


class ComplaintFact(NamedTuple):
    """A complaint about the contract's service (incidents.Complaint); resolved when it has an
    outcome."""

    id: Any
    case_id: Any
    received_on: date
    complainant: str
    subject: str
    outcome: str  # "" while open; upheld | partly_upheld | not_upheld | withdrawn
    resolved_on: date | None


class ComplimentFact(NamedTuple):
    """A compliment about the contract's service (incidents.Compliment)."""

    id: Any
    case_id: Any
    received_on: date
    complimenter: str


class ChildRecordFact(NamedTuple):
    """A household child's safeguarding record on one of the window's cases: the child
    protection plan, child in need and looked-after periods (safeguarding.ChildRecord; an end
    of None: still in force)."""

    id: Any
    case_id: Any
    person_id: Any  # the child
    cp_plan_started_on: date | None
    cp_plan_ended_on: date | None
    cin_started_on: date | None
    cin_ended_on: date | None
    looked_after_started_on: date | None
    looked_after_ended_on: date | None
    voice_on: date | None = None  # when the child's voice (what they said) was last recorded


class SafeguardingEventFact(NamedTuple):
    """A safeguarding referral, submission or meeting (safeguarding.SafeguardingEvent)."""

    id: Any
    case_id: Any
    person_id: Any  # the child, or None for the whole family
    kind: str  # referral_maru | caf_submitted | tac_meeting | cp_conference | tff_identified ...
    occurred_on: date
    attended: bool | None  # a meeting: whether the service attended; None for the rest


class SafeguardingAlertFact(NamedTuple):
    """A safeguarding adults alert (safeguarding.SafeguardingAlert)."""

    id: Any
    case_id: Any
    raised_on: date
    substantiation: str  # pending | fully | partially | not_substantiated
    referred_on: date | None  # to adult safeguarding
    harm_relationship: str  # people.choices.HarmRelationship, "" when not known


class WaitingListEntryFact(NamedTuple):
    """One stay on the contract's waiting list (casework.WaitingListEntry; issue 13)."""

    id: Any
    case_id: Any
    reason: str  # casework WaitingReason
    joined_at: datetime
    left_at: datetime | None
    left_how: str  # "" while waiting; support_started | closed | moved_back | declined


class StayFact(NamedTuple):
    """A refuge stay (refuge.Stay) of one of the contract's cases, with its property's area and
    the reason the stay first went past its limit ("" when none was recorded)."""

    id: Any
    case_id: Any
    person_id: Any
    moved_in_at: datetime
    moved_out_at: datetime | None
    destination: str
    planned_exit: bool | None
    property_kind: str
    in_commissioner_area: bool
    extension_reason: str


class StayMemberFact(NamedTuple):
    """A member of the household who moved in with the person (refuge.StayMember)."""

    id: Any
    stay_id: Any
    person_id: Any
    date_of_birth: date | None
    is_child: bool
    moved_in_at: datetime


# programmes (issue 16 item 1; haven/programmes)
class ProgrammeRunFact(NamedTuple):
    """A group (programmes.ProgrammeRun) of one of the contract's programmes; `first_session_on`
    is its first group session's day (None: none held yet)."""

    id: Any
    kind: str  # programmes.ProgrammeKind
    starts_on: date
    completed_on: date | None
    first_session_on: date | None


class ProgrammeEnrolmentFact(NamedTuple):
    """A person's place on a group (programmes.Enrolment), through their case."""

    id: Any
    case_id: Any
    run_id: Any
    kind: str
    status: str  # offered | assessed | started | completed | dropped_out | not_started
    offered_on: date
    assessed_on: date | None
    started_on: date | None
    completed_on: date | None
    ended_on: date | None  # dropped out or did not start
    drop_out_reason: str


class ProgrammeSessionFact(NamedTuple):
    """A session held (programmes.ProgrammeSession): group, or one-to-one with one place."""

    id: Any
    run_id: Any
    kind: str
    held_on: date
    format: str  # group | one_to_one
    duration_minutes: int


class ProgrammeAttendanceFact(NamedTuple):
    """One place's mark at one session (programmes.SessionAttendance)."""

    id: Any
    session_id: Any
    enrolment_id: Any
    case_id: Any
    kind: str
    held_on: date
    format: str
    mark: str  # attended | apologies | did_not_attend


class PreGroupContactFact(NamedTuple):
    id: Any
    enrolment_id: Any
    case_id: Any
    kind: str
    contacted_on: date


class CrecheSessionFact(NamedTuple):
    """A crèche provided (programmes.CrecheSession; seed 001 Lot 1 s8)."""

    id: Any
    held_on: date
    duration_minutes: int
    children_count: int
