"""Build the demo caseload: referrals over the two years before `now`, cases played to `now`."""

from __future__ import annotations

import random
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.db import connection, models, transaction
from django.utils import timezone

from haven.casework.models import (
    BreakGlassGrant,
    Case,
    CaseAccess,
    CaseEvent,
    CaseNote,
    CaseNoteVersion,
    ContactAttempt,
    Exclusion,
    ExitInterview,
    NeedsAssessment,
    NeedsAssessmentArea,
    OnwardReferral,
    ReengagementAttempt,
    Task,
)
from haven.contracts.models import Contract
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.core.table_writer import Writer
from haven.demodata.appraisal import build_demo_appraisal, demo_appraisal_reset
from haven.demodata.consent import build_demo_consent, demo_consent_reset
from haven.demodata.contracts import CASELOADS, PRESENTING, SOURCES, STAFF_DECLINES, CaseloadSpec
from haven.demodata.directory import demo_directory
from haven.demodata.events import build_demo_events, demo_events_reset
from haven.demodata.exits import ExitsPlan, exits_plan
from haven.demodata.finance import build_demo_finance, demo_finance_reset
from haven.demodata.hardship import build_demo_hardship, demo_hardship_reset
from haven.demodata.helpline import build_demo_helpline, demo_helpline_reset
from haven.demodata.housing import build_demo_housing, demo_housing_reset
from haven.demodata.identities import PeopleFactory, Pools
from haven.demodata.incidents import build_demo_incidents, demo_incidents_reset
from haven.demodata.journey import Journey, RiskTools, Staff
from haven.demodata.marac import MaracDemo, demo_area, demo_meetings
from haven.demodata.outbox import build_demo_outbox, demo_outbox_reset
from haven.demodata.partners import demo_partners_reset
from haven.demodata.plans import ChildLink
from haven.demodata.portal import build_demo_portal, demo_portal_reset
from haven.demodata.programmes import build_demo_programmes, demo_programmes_reset
from haven.demodata.recorder import CaseRecorder
from haven.demodata.referralimports import build_demo_referral_imports, demo_referral_imports_reset
from haven.demodata.refuge import build_demo_refuge, demo_refuge_reset
from haven.demodata.restorative import build_demo_restorative, demo_restorative_reset
from haven.demodata.retention import build_demo_retention, demo_retention_reset
from haven.demodata.returns import demo_returns_reset
from haven.demodata.sexual_violence import build_demo_sexual_violence
from haven.demodata.staff import TeamStaff, staff_profiles_build, team_staff
from haven.demodata.subjectaccess import build_demo_subject_access, demo_subject_access_reset
from haven.demodata.targethardening import (
    build_demo_target_hardening,
    demo_target_hardening_reset,
)
from haven.demodata.waiting_list import build_demo_waiting_list, demo_waiting_list_reset
from haven.demodata.webchat import build_demo_webchat, demo_webchat_reset
from haven.demodata.workforce import build_demo_workforce, demo_workforce_reset
from haven.followups.models import FollowUpContact, Survey, SurveyAnswer, SurveyTeamHandOff
from haven.marac.models import MaracAction, MaracArea, MaracHearing, MaracMeeting, MaracReferral
from haven.outcomes.models import OutcomeAnswer, OutcomeAssessment
from haven.people.models import (
    EqualityData,
    HarmLink,
    HouseholdLink,
    Person,
    PersonAlias,
    PersonCausingHarm,
    PersonFlag,
    SafeContact,
)
from haven.people.safe_contact import SafeContactPreferences
from haven.plans.models import (
    ActionStatusChange,
    PlanAction,
    PlanGoal,
    PlanReview,
    SafetyPlan,
    SupportPlan,
)
from haven.proceedings.models import Proceeding
from haven.referrals.eligibility import ReferralFacts, assess
from haven.referrals.models import Decision, Referral
from haven.risk.models import RiskAssessment, RiskChange, Screening
from haven.risk.selectors import checklist_for, risk_settings_for
from haven.safeguarding.models import (
    ChildRecord,
    SafeguardingAlert,
    SafeguardingEvent,
    ThinkFamilyCheck,
)
from haven.support.models import SupportSession

DEFAULT_SEED = 20261123
CASES_AT_SCALE_1 = 10_000
HISTORY = timedelta(days=730)
REPEAT_WINDOW = timedelta(days=365)
FLUSH_EVERY = 1000
# Insert order: a row's foreign keys point to rows of earlier models.
WRITE_ORDER: list[type[models.Model]] = [
    Person,
    PersonCausingHarm,
    SafeContact,
    EqualityData,
    PersonFlag,
    PersonAlias,
    HouseholdLink,
    HarmLink,
    Referral,
    Case,
    CaseAccess,
    Task,
    ContactAttempt,
    CaseNote,
    RiskAssessment,
    RiskChange,
    Screening,
    ExitInterview,
    OnwardReferral,
    NeedsAssessment,
    SupportSession,
    Proceeding,
    SupportPlan,
    PlanGoal,
    PlanAction,
    PlanReview,
    ActionStatusChange,
    SafetyPlan,
    NeedsAssessmentArea,
    FollowUpContact,
    Survey,
    SurveyAnswer,
    SurveyTeamHandOff,
    ReengagementAttempt,
    Exclusion,
    OutcomeAssessment,
    OutcomeAnswer,
    ChildRecord,
    SafeguardingEvent,
    SafeguardingAlert,
    ThinkFamilyCheck,
    MaracReferral,
    MaracMeeting,
    MaracHearing,
    MaracAction,
    CaseEvent,
]
# Delete order for --reset (children first).
RESET_ORDER: list[type[models.Model]] = [
    CaseEvent,
    ThinkFamilyCheck,
    SafeguardingAlert,
    SafeguardingEvent,
    ChildRecord,
    SafetyPlan,
    SupportPlan,  # its goals, actions, reviews and status changes go first (reset)
    SurveyTeamHandOff,
    Survey,  # its answers go first (reset)
    FollowUpContact,
    Exclusion,
    ReengagementAttempt,
    OutcomeAssessment,
    SupportSession,
    Proceeding,
    NeedsAssessment,
    OnwardReferral,
    ExitInterview,
    Screening,
    RiskChange,
    RiskAssessment,
    CaseNote,
    ContactAttempt,
    Task,
    CaseAccess,
    BreakGlassGrant,
]


class DemoDataExistsError(Exception):
    """The provider already has casework; pass reset=True to rebuild it."""


@dataclass(frozen=True)
class Known:
    """Enough about an already-written person to refer them again."""

    person_id: uuid.UUID
    preferences: SafeContactPreferences
    age: int | None
    area: str
    gender: str


@dataclass
class BuildReport:
    referrals: int = 0
    cases: int = 0
    declined: int = 0
    pending: int = 0
    rows: int = 0
    seconds: float = 0.0
    by_contract_state: dict[tuple[str, str], int] = field(default_factory=dict)


def reset(organisation: Any) -> None:
    """Delete the organisation's casework, referrals and people (raw deletes: no per-row cascade)."""
    cases = Case.objects.filter(contract__provider=organisation).values("id")
    notes = CaseNote.objects.filter(case_id__in=cases).values("id")
    _raw_delete(CaseNoteVersion.objects.filter(note_id__in=notes))
    _raw_delete(NeedsAssessmentArea.objects.filter(assessment__case_id__in=cases))
    plans = SupportPlan.objects.filter(case_id__in=cases).values("id")
    _raw_delete(ActionStatusChange.objects.filter(action__plan_id__in=plans))
    _raw_delete(PlanReview.objects.filter(plan_id__in=plans))
    _raw_delete(PlanAction.objects.filter(plan_id__in=plans))
    _raw_delete(PlanGoal.objects.filter(plan_id__in=plans))
    _raw_delete(SurveyAnswer.objects.filter(survey__case_id__in=cases))
    _raw_delete(OutcomeAnswer.objects.filter(assessment__case_id__in=cases))
    areas = MaracArea.objects.filter(organisation=organisation).values("id")
    _raw_delete(MaracAction.objects.filter(hearing__meeting__area_id__in=areas))
    _raw_delete(MaracHearing.objects.filter(meeting__area_id__in=areas))
    _raw_delete(MaracMeeting.objects.filter(area_id__in=areas))
    _raw_delete(MaracReferral.objects.filter(case_id__in=cases))
    demo_target_hardening_reset(cases)
    for model in RESET_ORDER:
        _raw_delete(model._default_manager.filter(case_id__in=cases))
    _raw_delete(Case.objects.filter(contract__provider=organisation))
    _raw_delete(Referral.objects.filter(contract__provider=organisation))
    people = Person.objects.filter(organisation=organisation).values("id")
    for model in (SafeContact, EqualityData, PersonFlag, PersonAlias, HarmLink):
        _raw_delete(model.objects.filter(person_id__in=people))
    _raw_delete(HouseholdLink.objects.filter(person_id__in=people))
    _raw_delete(Person.objects.filter(organisation=organisation))
    _raw_delete(PersonCausingHarm.objects.filter(organisation=organisation))


def _raw_delete(queryset: models.QuerySet[Any]) -> None:
    # QuerySet.delete() collects every related row in Python first: minutes at demo scale.
    queryset._raw_delete(queryset.db)


class DemoBuilder:
    def __init__(self, *, organisation: Any, seed: int, scale: float, now: datetime) -> None:
        self.organisation, self.now = organisation, now
        self.rng = random.Random(seed)
        self.total = max(len(CASELOADS), round(CASES_AT_SCALE_1 * scale))
        self.people = PeopleFactory(
            rng=self.rng, pools=Pools.draw(seed), organisation=organisation, new_id=self.new_id
        )
        self.writer = Writer(WRITE_ORDER)
        # the provider's agency directory, which onward referrals pick from (issue 11 item 4)
        self.directory = demo_directory(organisation, seed)
        # a restriction protects the person (casework.services.access): decided at their first
        # case, it holds for every case of theirs, each naming its worker and the earlier ones
        self.restricted: dict[Any, bool] = {}
        self.named: dict[Any, set[Any]] = defaultdict(set)
        self.report = BuildReport()
        self.known: dict[str, list[tuple[datetime, Known]]] = defaultdict(list)
        self.referred_at: dict[uuid.UUID, list[datetime]] = defaultdict(list)
        self.children: dict[uuid.UUID, tuple[ChildLink, ...]] = {}  # person: household children
        # MARAC (issue 12): the provider's area, and each referral with its case's team
        self.seed = seed
        self.marac = MaracDemo(demo_area(organisation, seed), now)
        self.marac_referrals: list[tuple[MaracReferral, Any]] = []
        self.leader_of: dict[Any, Any] = {}

    def new_id(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    exits: ExitsPlan | None = None

    def received_times(self, count: int) -> list[datetime]:
        """Spread over two years, with a denser last week so worklists have fresh cases."""
        times = []
        for _ in range(count):
            if self.rng.random() < 0.03:
                back = timedelta(hours=self.rng.uniform(0, 24 * 7))
            else:
                back = HISTORY * self.rng.random()
            at = self.now - back
            local = timezone.localtime(at)
            if local.hour < 7 and self.rng.random() < 0.8:
                at += timedelta(hours=8)
            times.append(min(at, self.now - timedelta(minutes=5)))
        return times

    def build(self) -> BuildReport:
        contracts = {c.slug: c for c in Contract.objects.filter(provider=self.organisation)}
        plan: list[tuple[datetime, str]] = []
        cases_by_team: dict[str, int] = defaultdict(int)
        for slug, spec in CASELOADS.items():
            if slug not in contracts:
                continue
            count = max(1, round(self.total * spec.weight / 100 * 1.1))  # ~9% are declined
            plan += [(at, slug) for at in self.received_times(count)]
            cases_by_team[spec.team] += round(count / 1.1)
        plan.sort()
        staff = team_staff(self.organisation, cases_by_team)
        staff_profiles_build(staff)  # issue 13 item 11: specialisms, languages, capacity
        checklists: dict[str, Any] = {}
        risk_tools = {}
        for slug, contract in contracts.items():
            settings = risk_settings_for(contract)
            if settings.checklist_key not in checklists:
                checklists[settings.checklist_key] = checklist_for(contract)
            risk_tools[slug] = RiskTools(checklists[settings.checklist_key], settings)
        self.exits = exits_plan(self.organisation, contracts)
        for index, (received_at, slug) in enumerate(plan, start=1):
            self.referral(
                contracts[slug],
                CASELOADS[slug],
                received_at,
                staff[CASELOADS[slug].team],
                risk_tools[slug],
            )
            if index % FLUSH_EVERY == 0:
                self.writer.flush()
        self.writer.flush()
        meetings = demo_meetings(
            area=self.marac.area,
            referrals=self.marac_referrals,
            leader_of=self.leader_of,
            now=self.now,
            seed=self.seed,
        )
        self.writer.add(*meetings)
        self.writer.flush()
        self.report.rows = self.writer.written
        return self.report

    def person_for(
        self, contract: Contract, spec: CaseloadSpec, received_at: datetime
    ) -> tuple[Known, bool]:
        """A new synthetic person, or (sometimes) someone the contract saw in the last year."""
        rng = self.rng
        earlier = [
            k for at, k in self.known[contract.slug][-200:] if received_at - at < REPEAT_WINDOW
        ]
        if earlier and rng.random() < 0.08:
            return rng.choice(earlier), False
        sex = "female" if rng.random() < spec.female_share else "male"
        age = rng.randint(*spec.ages)
        area = rng.choice(spec.areas)
        if rng.random() < 0.03:
            area = "Outside the area"  # declined at referral by the eligibility rules
        built = self.people.referred_person(
            sex=sex,
            age=age,
            area=area if area in spec.areas else spec.areas[0],
            on=received_at.date(),
        )
        person = built.person
        if area not in spec.areas:
            person.local_authority = "Nottinghamshire"
        self.writer.add(person, *built.rows)
        self.children[person.id] = tuple(
            ChildLink(row.member_id, row.lives_with_person)
            for row in built.rows
            if isinstance(row, HouseholdLink)
        )
        known = Known(person.id, built.preferences, age, person.local_authority, person.gender)
        self.known[contract.slug].append((received_at, known))
        return known, True

    def referral(
        self,
        contract: Contract,
        spec: CaseloadSpec,
        received_at: datetime,
        team: TeamStaff,
        risk: RiskTools,
    ) -> None:
        rng = self.rng
        profile = contract.profile
        known, _ = self.person_for(contract, spec, received_at)
        routes = [r["key"] for r in profile.get("referral_routes") or []]
        route = rng.choices(routes, weights=list(range(len(routes), 0, -1)))[0]
        methods = list(profile.get("contact_methods") or ["mobile_phone"])
        method = rng.choices(methods, weights=[6 if m.endswith("phone") else 1 for m in methods])[0]
        risk_choices = (
            ["standard", "medium"]
            if contract.slug == "opcc-dv360"
            else ["standard", "medium", "high"]
        )
        previous = self.referred_at[known.person_id]
        referral = Referral(
            id=self.new_id(),
            contract=contract,
            person_id=known.person_id,
            route=route,
            source_organisation=rng.choice(SOURCES.get(route, ("",))),
            referrer_name="" if route == "self_referral" else "Duty officer",
            received_at=received_at,
            incident_at=received_at - timedelta(hours=rng.uniform(1, 20))
            if contract.slug == "opcc-dv360"
            else None,
            contact_method=method,
            # DV 360 contact is proactive from police data; consent is asked at first contact
            consent_to_contact=rng.random() < 0.5 if contract.slug == "opcc-dv360" else True,
            referrer_risk_level=rng.choices(
                risk_choices, weights=[50, 30, 20][: len(risk_choices)]
            )[0],
            priority="emergency" if route == "emergency_phone" else "standard",
            presenting_need=rng.choice(PRESENTING),
            primary_support_need=rng.choice(spec.needs),
            cohorts=["child_protection_plan"]
            if contract.slug == "wokingham-da-2017" and rng.random() < 0.04
            else [],
            is_repeat=any(received_at - REPEAT_WINDOW <= at <= received_at for at in previous),
            entered_by=team.leader,
        )
        previous.append(received_at)
        decision = assess(
            profile.get("eligibility"),
            ReferralFacts(
                age=known.age,
                area=known.area or None,
                gender=known.gender or None,
                primary_support_need=referral.primary_support_need or None,
                consent_to_contact=referral.consent_to_contact,
            ),
        )
        referral.eligibility_reasons = decision.reasons + decision.checks
        self.report.referrals += 1
        if not decision.eligible:  # referral_create declines at once, with the reasons
            referral.decision = Decision.DECLINED
            referral.decision_reason = "; ".join(decision.reasons)
            referral.decline_category = decision.category or "outside_eligibility"
            referral.decided_at = received_at
            self.report.declined += 1
            self.writer.add(referral)
            return
        decided_at = received_at + timedelta(hours=rng.uniform(0.1, 6))
        if decided_at > self.now:
            self.report.pending += 1
            self.writer.add(referral)
            return
        referral.decided_at, referral.decided_by = decided_at, team.leader
        if rng.random() < 0.05:  # referral_decline by the team leader
            referral.decision = Decision.DECLINED
            referral.decision_reason, referral.decline_category = rng.choice(STAFF_DECLINES)
            self.report.declined += 1
            self.writer.add(referral)
            return
        referral.decision = Decision.ACCEPTED
        self.writer.add(referral)
        self.open_case(contract, spec, referral, known, team, risk)

    def open_case(
        self,
        contract: Contract,
        spec: CaseloadSpec,
        referral: Referral,
        known: Known,
        team: TeamStaff,
        risk: RiskTools,
    ) -> None:
        rng = self.rng
        assert referral.decided_at is not None
        workers, weights = zip(*team.workers, strict=True)
        worker = rng.choices(workers, weights=weights)[0]
        worker_team, leader = team.team_of(worker)
        case = Case(
            id=self.new_id(),
            person_id=known.person_id,
            contract=contract,
            referral=referral,
            team=worker_team,
            allocated_to=worker,
            risk_level=referral.referrer_risk_level,
            is_restricted=self.restricted.setdefault(known.person_id, rng.random() < 0.01),
            opened_at=referral.decided_at,
        )
        recorder = CaseRecorder(
            case=case, referral=referral, preferences=known.preferences, new_id=self.new_id
        )
        recorder.is_child = known.age is not None and known.age < 18  # children's questions
        recorder.marac_demo = self.marac
        Journey(
            recorder,
            rng=rng,
            now=self.now,
            staff=Staff(worker=worker, leader=leader),
            risk=risk,
            support_days=spec.support_days,
            first_risk_chance=spec.first_risk_chance,
            children=self.children.get(known.person_id, ()),
            directory=self.directory,
            exits=self.exits,
        ).play()
        self.writer.add(case, *recorder.tasks, *recorder.attempts, *recorder.notes)
        self.writer.add(*recorder.assessments, *recorder.exit_interviews)
        self.writer.add(*recorder.risk_changes, *recorder.screenings)
        self.writer.add(*recorder.onward_referrals, *recorder.needs_assessments)
        self.writer.add(*recorder.support_sessions, *recorder.proceedings)
        self.writer.add(*recorder.needs_areas, *recorder.plan_rows(), *recorder.events)
        self.writer.add(*recorder.follow_up_rows())
        self.writer.add(*recorder.reengagement_attempts, *recorder.exclusions)
        self.writer.add(*recorder.outcome_assessments, *recorder.outcome_answers)
        self.writer.add(*recorder.safeguarding_rows())
        self.writer.add(*recorder.marac_referrals)
        self.marac_referrals += [(r, worker_team.pk) for r in recorder.marac_referrals]
        self.leader_of.setdefault(worker_team.pk, leader)
        if case.is_restricted:
            named = self.named[known.person_id]
            named.add(worker)
            for user in sorted(named, key=lambda u: u.pk):
                self.writer.add(
                    CaseAccess(id=self.new_id(), case=case, user=user, granted_by=leader)
                )
        self.report.cases += 1


def build_demo_data(
    *,
    organisation: Any,
    seed: int = DEFAULT_SEED,
    scale: float = 1.0,
    now: datetime | None = None,
    reset_first: bool = False,
) -> BuildReport:
    """Synthetic referrals and cases for every demo contract; refuses to add to existing casework."""
    now = now or timezone.now()
    started = time.perf_counter()
    with transaction.atomic():
        if reset_first:
            demo_subject_access_reset(organisation)  # issue 15 item 3: before the people go
            demo_outbox_reset(organisation)
            demo_returns_reset(organisation)
            demo_incidents_reset(organisation)
            demo_events_reset(organisation)  # issue 16 item 2
            demo_waiting_list_reset(organisation)
            demo_refuge_reset(organisation)
            demo_finance_reset(organisation)  # issue 16 item 7
            demo_hardship_reset(organisation)
            demo_restorative_reset(organisation)  # issue 16 item 5
            demo_appraisal_reset(organisation)  # issue 16: the 360-degree appraisal
            demo_programmes_reset(organisation)  # issue 16 item 1
            demo_helpline_reset(organisation)  # issue 16 item 4
            demo_housing_reset(organisation)
            demo_referral_imports_reset(organisation)
            demo_partners_reset(organisation)  # partner referrals name the referrals (issue 14)
            demo_webchat_reset(organisation)
            demo_portal_reset(organisation)
            demo_retention_reset(organisation)  # issue 15 item 4
            demo_consent_reset(organisation)  # consents and shares name the people (issue 15)
            demo_workforce_reset(organisation)  # issue 16: staff records name the staff
            reset(organisation)
        elif Referral.objects.filter(contract__provider=organisation).exists():
            raise DemoDataExistsError("the demo provider already has referrals")
        report = DemoBuilder(organisation=organisation, seed=seed, scale=scale, now=now).build()
        # the service's complaints, compliments and serious incidents (issue 12)
        build_demo_incidents(organisation=organisation, seed=seed, now=now)
        # training, awareness sessions and community events (issue 16 item 2)
        build_demo_events(organisation=organisation, seed=seed, now=now)
        # the waiting list's entries of the stays the journeys played (issue 13)
        build_demo_waiting_list(organisation=organisation, seed=seed, now=now)
        # refuge rooms, voids and stays through the refuge services (issue 13)
        build_demo_refuge(organisation=organisation, seed=seed, now=now)
        # Safe Home housing (seed 001 Lot 2) and Victim First's hardship grants (seed 002 s3.8)
        build_demo_housing(organisation=organisation, seed=seed, now=now)
        build_demo_hardship(organisation=organisation, seed=seed, now=now)
        # seed 004 s10 SC10: clients also in a sexual violence service (issue 16)
        build_demo_sexual_violence(organisation=organisation, seed=seed, now=now)
        # restorative justice on Victim First cases (issue 16 item 5; seed 002 s3.10)
        build_demo_restorative(organisation=organisation, seed=seed, now=now)
        # the 360-degree appraisal of the Leicester contracts (issue 16; seed 001 s14)
        build_demo_appraisal(organisation=organisation, seed=seed, now=now)
        # groups and programmes with their registers, crèches and partner liaison (issue 16)
        build_demo_programmes(organisation=organisation, seed=seed, now=now)
        # target hardening jobs with items and costs within the budget (issue 13)
        build_demo_target_hardening(organisation=organisation, seed=seed, now=now)
        build_demo_referral_imports(
            organisation=organisation, seed=seed, now=now
        )  # issue 14 item 8
        build_demo_webchat(organisation=organisation, seed=seed, now=now)  # issue 14 item 4
        # the front door: self-referrals, web chats and quick questions (issue 14)
        build_demo_portal(organisation=organisation, seed=seed, now=now)
        build_demo_outbox(organisation=organisation, seed=seed, now=now)  # issue 14 item 9
        # issue 15: consents and shares first, so the demo's subject access requests gather them
        build_demo_consent(organisation=organisation, seed=seed, now=now)  # issue 15 items 1-2
        build_demo_subject_access(organisation=organisation, seed=seed, now=now)  # issue 15
        build_demo_retention(organisation=organisation, seed=seed, now=now)  # issue 15 item 4
        build_demo_finance(organisation=organisation, seed=seed, now=now)  # issue 16 item 7
        build_demo_workforce(organisation=organisation, seed=seed, now=now)  # issue 16
        # the helplines' calls, call-backs and rota (issue 16 item 4)
        build_demo_helpline(organisation=organisation, seed=seed, now=now, scale=scale)
        audit_event(
            actor=None,
            action=AuditAction.IMPORT,
            target=organisation,
            changes={"referrals": [None, report.referrals], "cases": [None, report.cases]},
            reason=f"haven demo: synthetic demo data (seed {seed}, scale {scale})",
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # planner statistics after a bulk load (SQLite and PostgreSQL)
    report.seconds = time.perf_counter() - started
    return report
