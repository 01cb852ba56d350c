"""Support and safety plans as the plans services write them: the plan, its goals and actions,
reviews with their action status changes, safety plans, and the timeline entries pointing at
them, unsaved for `bulk_create`. The demo's plans are made in `PlanJourney` (its own random
stream, so the rest of the demo is unchanged)."""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from uuid import UUID

from django.utils import timezone

from haven.accounts.models import User
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import Case, Task
from haven.casework.services.needs_area_levels import needs_areas
from haven.plans.models import (
    ActionOwner,
    ActionStatus,
    ActionStatusChange,
    PlanAction,
    PlanGoal,
    PlanReview,
    SafetyPlan,
    SupportPlan,
)
from haven.plans.selectors import SUPPORT_PLAN_ACTION, is_plan_review_rule
from haven.plans.services import review_summary, safety_plan_summary, support_plan_summary

# Contracts whose profiles ask for plans: Cornwall (seed 004 s4.2: every service user, each
# child), Wokingham (seed 003 s6.6, s13: support and safety plans for each child), Leicester
# Family (seed 001 Lot 1 s8: children's re-integration) and Leicester Victim and Survivor
# (seed 001 Lot 3 s8: safety plans completed). Other services make plans less often.
CHILD_PLANS = {"cornwall-mens-refuge-2021", "wokingham-da-2017", "leicester-family-2012"}
SAFETY_FIRST = {"leicester-victim-survivor-2012", "wokingham-da-2017", "cornwall-mens-refuge-2021"}
REINTEGRATION = {"leicester-family-2012", "wokingham-da-2017"}
NO_PLANS = {"leicester-perpetrator-2012"}  # a programme for people causing harm, not survivors
ADULT_GOALS = [
    ("Housing", "A safe, settled home"),
    ("Money", "Claim the benefits due and manage debts"),
    ("Health", "Register with a GP and get counselling"),
    ("Safety", "Know how to get help quickly"),
    ("Legal", "Apply for a non-molestation order"),
]
CHILD_GOALS = [
    ("Education", "Back into school with support from the school", True),
    ("Emotional wellbeing", "Talk about what happened with the children's worker", False),
    ("Health", "Registered with a GP and health visitor", True),
    ("Play and friendships", "Join a youth club", True),
]
# The profile's needs-area keys a goal of that kind is for, in order of preference; a contract
# whose profile scores no areas keeps the words (the service takes free text then).
AREA_KEYS = {
    "Housing": ("accommodation", "long_term_housing", "family_environment"),
    "Money": ("finance", "employment_finance", "household_needs"),
    "Health": ("physical_health", "health_development", "mental_health"),
    "Safety": ("personal_safety", "safety", "safety_at_home"),
    "Legal": ("legal", "perpetrator_alternative"),
    "Education": ("education", "education_employment"),
    "Emotional wellbeing": ("emotional_wellbeing", "mental_health", "outlook"),
    "Play and friendships": ("relationships", "social_interactions", "community"),
}


def goal_area(label: str, keys: list[str]) -> str:
    """The area a goal is recorded under: the first of its kind's keys the profile has, else
    the profile's first area; the words themselves when the profile scores no areas."""
    if not keys:
        return label
    return next((key for key in AREA_KEYS.get(label, ()) if key in keys), keys[0])


ACTIONS = [
    ("Call the housing options team", ActionOwner.PERSON, ""),
    ("Refer to the counselling service", ActionOwner.WORKER, ""),
    ("Arrange a school place", ActionOwner.AGENCY, "Local authority admissions"),
    ("Benefits check", ActionOwner.AGENCY, "Citizens Advice"),
    ("Safety planning session", ActionOwner.WORKER, ""),
]
SAFETY_TEXT = {
    "safe_contacts": "Sister and a neighbour, on the safe number",
    "safe_places": "Leave by the back door to the neighbour's; bag kept at work",
    "emergency": "Call 999 and press 55 if unable to speak",
    "online_safety": "Location sharing turned off; new email account",
    "children_safety": "School knows who may collect the children",
    "code_word": "Agreed with the sister",
}


@dataclass(frozen=True)
class ChildLink:
    person_id: UUID
    lives_with_person: bool


class PlansRecorder:
    """Mixed into `CaseRecorder`, which gives the case, the timeline (`event`) and the tasks."""

    case: Case
    event: Callable[..., None]
    tasks: list[Task]
    complete: Callable[..., None]

    def __init__(self) -> None:
        self.support_plans: list[SupportPlan] = []
        self.plan_goals: list[PlanGoal] = []
        self.plan_actions: list[PlanAction] = []
        self.plan_reviews: list[PlanReview] = []
        self.status_changes: list[ActionStatusChange] = []
        self.safety_plans: list[SafetyPlan] = []

    def support_plan(
        self,
        *,
        actor: User,
        person_id: UUID,
        at: datetime,
        goals: list[tuple[str, str, bool]],
        actions: Sequence[tuple[str, str, str, date | None]],
        withdrawal_on: date | None,
        new_id: Callable[[], UUID],
    ) -> SupportPlan:
        """`support_plan_agree` then `plan_action_add` for each action."""
        plan = SupportPlan(
            id=new_id(),
            case=self.case,
            person_id=person_id,
            agreed_at=at,
            withdrawal_note="Weekly contact, then fortnightly, then a last call"
            if withdrawal_on
            else "",
            withdrawal_on=withdrawal_on,
            recorded_by=actor,
        )
        self.support_plans.append(plan)
        rows = [
            PlanGoal(id=new_id(), plan=plan, area=area, description=text, reintegration=back)
            for area, text, back in goals
        ]
        self.plan_goals += rows
        for description, owner, agency, due_on in actions:
            self.plan_actions.append(
                PlanAction(
                    id=new_id(),
                    plan=plan,
                    goal=rows[0],
                    description=description,
                    owner=owner,
                    agency=agency,
                    due_on=due_on,
                    status=ActionStatus.NOT_STARTED,
                    status_changed_at=at,
                )
            )
        self.event(
            kind=CaseEventKind.SUPPORT_PLAN,
            actor=actor,
            target=plan,
            summary=support_plan_summary(
                for_survivor=person_id == self.case.person_id, goals=len(goals)
            ),
            at=at,
            event_id=new_id(),
        )
        return plan

    def support_plan_deadline(self, *, actor: User, due_people: set[UUID]) -> None:
        """The support-plan task is met once everyone due a plan has one (as the service)."""
        agreed = {p.person_id: p.agreed_at for p in self.support_plans}
        if not due_people <= set(agreed):
            return
        for task in self.tasks:
            if task.action == SUPPORT_PLAN_ACTION and task.is_outstanding:
                self.complete(task, done_at=max(agreed.values()), actor=actor, how="recorded")
                return

    def plan_review(
        self,
        *,
        actor: User,
        plan: SupportPlan,
        at: datetime,
        statuses: dict[UUID, str],
        next_review_on: date | None,
        new_id: Callable[[], UUID],
    ) -> None:
        """`plan_review_record`: the review, its action status changes, the review deadline."""
        task = next(
            (
                t
                for t in sorted(self.tasks, key=lambda t: t.due_at)
                if t.is_outstanding and is_plan_review_rule(t.rule_key, t.action)
            ),
            None,
        )
        if task is not None:
            self.complete(task, done_at=at, actor=actor, how="recorded")
        review = PlanReview(
            id=new_id(),
            plan=plan,
            reviewed_at=at,
            what_changed="Progress on the goals reviewed; actions updated",
            next_review_on=next_review_on,
            task=task,
            recorded_by=actor,
        )
        self.plan_reviews.append(review)
        changed = 0
        for action in self.plan_actions:
            status = statuses.get(action.id)
            if action.plan is plan and status and status != action.status:
                self.status_changes.append(
                    ActionStatusChange(
                        id=new_id(),
                        action=action,
                        review=review,
                        before=action.status,
                        after=status,
                        changed_at=at,
                        changed_by=actor,
                    )
                )
                action.status, action.status_changed_at = status, at
                changed += 1
        self.event(
            kind=CaseEventKind.SUPPORT_PLAN_REVIEW,
            actor=actor,
            target=review,
            summary=review_summary(changed),
            at=at,
            event_id=new_id(),
        )

    def safety_plan(
        self, *, actor: User, person_id: UUID, at: datetime, new_id: Callable[[], UUID]
    ) -> None:
        """`safety_plan_record`, most sections filled in."""
        for_survivor = person_id == self.case.person_id
        sections = {
            name: text
            for name, text in SAFETY_TEXT.items()
            if for_survivor or name not in {"children_safety", "online_safety"}
        }
        plan = SafetyPlan(
            id=new_id(),
            case=self.case,
            person_id=person_id,
            completed_at=at,
            recorded_by=actor,
            **sections,
        )
        self.safety_plans.append(plan)
        self.event(
            kind=CaseEventKind.SAFETY_PLAN,
            actor=actor,
            target=plan,
            summary=safety_plan_summary(for_survivor=for_survivor),
            at=at,
            event_id=new_id(),
        )

    def plan_rows(self) -> list[object]:
        return [
            *self.support_plans,
            *self.plan_goals,
            *self.plan_actions,
            *self.plan_reviews,
            *self.status_changes,
            *self.safety_plans,
        ]


class PlanJourney:
    """The plans of one engaged case: agreed within two weeks of first contact, a safety plan,
    a review around week 8-10 for longer support, actions moving on."""

    def __init__(self, recorder: PlansRecorder, *, worker: User, now: datetime) -> None:
        self.r, self.worker, self.now = recorder, worker, now
        self.rng = random.Random(recorder.case.id.int ^ 0x504C414E)  # its own stream: "PLAN"

    def new_id(self) -> UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def play(self, contacted_at: datetime, end: datetime, children: list[ChildLink]) -> None:
        rng, slug = self.rng, self.r.case.contract.slug
        stop = min(end, self.now)
        planned = slug in CHILD_PLANS or slug in SAFETY_FIRST
        if slug in NO_PLANS or rng.random() > (0.95 if planned else 0.35):
            return
        agreed = contacted_at + timedelta(days=rng.uniform(1, 12))
        if agreed >= stop:
            return
        living = [c for c in children if c.lives_with_person]
        people = [(self.r.case.person_id, False)]
        if slug in CHILD_PLANS:
            people += [(c.person_id, True) for c in living if rng.random() < 0.85]
        plans = []
        for person_id, child in people:
            at = agreed + timedelta(minutes=rng.randrange(0, 90))
            if at >= stop:
                continue
            plans.append(self._plan(person_id, child, at, end, slug))
        self.r.support_plan_deadline(
            actor=self.worker, due_people={self.r.case.person_id, *(c.person_id for c in living)}
        )
        safety_people = (
            [self.r.case.person_id] if slug in SAFETY_FIRST or rng.random() < 0.4 else []
        )
        if slug == "wokingham-da-2017" or (slug in CHILD_PLANS and rng.random() < 0.5):
            safety_people += [c.person_id for c in living if rng.random() < 0.8]
        for person_id in safety_people:
            at = agreed + timedelta(hours=rng.uniform(0, 72))
            if at < stop:
                self.r.safety_plan(
                    actor=self.worker, person_id=person_id, at=at, new_id=self.new_id
                )
        review_at = agreed + timedelta(weeks=rng.uniform(7, 10))
        for plan in plans:
            if review_at >= stop:
                break
            actions = [a for a in self.r.plan_actions if a.plan is plan]
            statuses = {
                a.id: rng.choices(list(ActionStatus.values), weights=[2, 4, 5, 1])[0]
                for a in actions
            }
            next_on = timezone.localdate(review_at) + timedelta(weeks=6)
            self.r.plan_review(
                actor=self.worker,
                plan=plan,
                at=review_at,
                statuses=statuses,
                next_review_on=next_on,
                new_id=self.new_id,
            )

    def _plan(
        self, person_id: UUID, child: bool, at: datetime, end: datetime, slug: str
    ) -> SupportPlan:
        rng = self.rng
        keys = [area.key for area in needs_areas(self.r.case)]
        if child:
            chosen = rng.sample(CHILD_GOALS, 2)
            goals = [
                (goal_area(a, keys), t, back and slug in REINTEGRATION) for a, t, back in chosen
            ]
        else:
            goals = [
                (goal_area(a, keys), t, False)
                for a, t in rng.sample(ADULT_GOALS, rng.choice([2, 3]))
            ]
        actions = [
            (text, owner, agency, timezone.localdate(at) + timedelta(days=rng.randrange(7, 60)))
            for text, owner, agency in rng.sample(ACTIONS, rng.choice([2, 3]))
        ]
        return self.r.support_plan(
            actor=self.worker,
            person_id=person_id,
            at=at,
            goals=goals,
            actions=actions,
            withdrawal_on=timezone.localdate(end) if rng.random() < 0.6 else None,
            new_id=self.new_id,
        )
