"""Reads of cases, scoped to the user (views call these, never the models)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from haven.access.break_glass import active_grant, is_named
from haven.access.errors import ReasonRequiredError
from haven.access.scope import (
    TEAM_ROLES,
    can_change_case,
    can_manage_case,
    named_cases_of,
    reaches_whole_organisation,
    teams_of,
    visible_q,
)
from haven.accounts.models import Membership, Team, User
from haven.accounts.roles import Role
from haven.accounts.selectors import active_staff_in
from haven.accounts.signed_in import Viewer
from haven.casework.allocation_hooks import new_case_refusals
from haven.casework.models import (
    BreakGlassGrant,
    Case,
    CaseEvent,
    CaseNote,
    CaseQuerySet,
    ContactAttempt,
    Task,
)

WORKLIST_PAGE_SIZE = 50
WORKLIST_SCOPES = ("mine", "team", "all")


@dataclass(frozen=True)
class VisibleCase:
    """A case this user may open, what they may do, and the break-glass grant if one was used."""

    case: Case
    can_change: bool
    can_manage: bool
    grant: BreakGlassGrant | None = None


def _require_case_role(user: Viewer) -> None:
    if not user.has_perm("casework.view_cases"):
        raise PermissionDenied


def cases_visible_to(user: Viewer) -> CaseQuerySet:
    _require_case_role(user)
    return Case.objects.visible_to(user)


def _case_in_scope(user: Viewer, case_id: Any) -> Case:
    _require_case_role(user)
    case = (
        Case.objects.in_scope_of(user)
        .select_related(
            "person", "contract", "contract__provider", "referral", "allocated_to", "team"
        )
        .filter(pk=case_id)
        .first()
    )
    if case is None:
        raise Http404("No such case")
    return case


def case_for_user(user: Viewer, case_id: Any) -> VisibleCase:
    """The case and what the user may do; 404 outside their scope; ReasonRequiredError
    when it is restricted, they are not named and have no current break-glass reason."""
    case = _case_in_scope(user, case_id)
    grant = None
    named = case.is_restricted and is_named(user, case)
    if case.is_restricted and not named:
        grant = active_grant(user, case)
        if grant is None:
            raise ReasonRequiredError(case.pk)
    return VisibleCase(
        case, can_change_case(user, case, named=named), can_manage_case(user, case), grant
    )


def case_for_break_glass(user: Viewer, case_id: Any) -> Case:
    """A restricted case in the user's scope that they could open with a reason (else 404)."""
    case = _case_in_scope(user, case_id)
    if not case.is_restricted:
        raise Http404("No such case")
    return case


def timeline_for(case: Case) -> QuerySet[CaseEvent]:
    return case.events.select_related("actor").order_by("-occurred_at", "-created_at")


def tasks_for(case: Case) -> QuerySet[Task]:
    return case.tasks.order_by("due_at")


def task_of_case(case: Case, task_id: Any) -> Task:
    """One of this case's tasks (the case already checked for the user), else 404."""
    task = case.tasks.filter(pk=task_id).first()
    if task is None:
        raise Http404("No such task")
    return task


def attempts_for(case: Case) -> QuerySet[ContactAttempt]:
    return case.attempts.select_related("recorded_by")


def notes_for(case: Case) -> QuerySet[CaseNote]:
    """Original notes with their corrections and earlier versions (constant queries)."""
    return (
        case.notes.filter(corrects__isnull=True)
        .select_related("author")
        .prefetch_related(
            Prefetch(
                "corrections",
                queryset=CaseNote.objects.select_related("author").order_by("recorded_at"),
            ),
            "versions",
        )
    )


def attempt_notes_for(case: Case) -> QuerySet[ContactAttempt]:
    """The case's contact attempts that have notes, newest first (the notes page lists them)."""
    return case.attempts.exclude(notes="").select_related("recorded_by").order_by("-attempted_at")


def note_for_user(user: Viewer, note_id: Any) -> tuple[VisibleCase, CaseNote]:
    note = CaseNote.objects.select_related("case", "author").filter(pk=note_id).first()
    if note is None:
        raise Http404("No such note")
    visible = case_for_user(user, note.case_id)
    return visible, note


def next_deadline(case: Case) -> Task | None:
    return case.tasks.filter(is_outstanding=True).order_by("due_at").first()


def named_staff(case: Case) -> list[User]:
    return [
        access.user for access in case.accesses.select_related("user").order_by("user__full_name")
    ]


def other_unrestricted_cases(case: Case) -> int:
    """How many of the person's other cases restricting this one would restrict too."""
    return (
        Case.objects.filter(person_id=case.person_id, is_restricted=False)
        .exclude(pk=case.pk)
        .count()
    )


def staff_for_case(case: Case) -> QuerySet[User]:
    """Caseworkers, team leaders and managers of the case's provider (for allocation and naming)."""
    if case.contract.provider_id is None:
        return User.objects.none()
    # Active staff only: a deactivated account keeps its roles (accounts.selectors).
    return active_staff_in(
        [case.contract.provider_id], [Role.CASEWORKER, Role.TEAM_LEADER, Role.SERVICE_MANAGER]
    )


@dataclass(frozen=True)
class AllocationChoice:
    """A team, or a worker with their team, that may take the case (one option of the form)."""

    team: Team | None
    worker: User | None

    @property
    def value(self) -> str:
        if self.team is None:
            return ""
        return f"{self.team.pk}:{self.worker.pk if self.worker else ''}"

    @property
    def label(self) -> str:
        if self.team is None:
            return "Nobody (no team)"
        if self.worker is None:
            return f"{self.team.name}: not allocated to a worker yet"
        return f"{self.worker.get_full_name()} ({self.team.name})"


def allocation_choices(case: Case) -> list[AllocationChoice]:
    """Only valid pairs: each team of the case's provider, and each active caseworker or team
    leader with their team (`services.allocation_refusal` refuses anything else)."""
    if case.contract.provider_id is None:
        return [AllocationChoice(None, None)]
    teams = list(teams_for_case(case))
    members = list(
        Membership.objects.filter(team__in=teams, role__in=TEAM_ROLES, user__is_active=True)
        .select_related("user", "team")
        .order_by("user__full_name", "team__name")
    )
    # seed 002 Lot 1 s12, s15: a worker who may not take new cases (lapsed vetting) is not
    # offered, unless the case is already theirs (allocation_hooks)
    refused = new_case_refusals({m.user_id for m in members} - {case.allocated_to_id})
    seen: set[tuple[Any, Any]] = set()
    workers = []
    for membership in members:
        if membership.user_id in refused:
            continue
        if (membership.user_id, membership.team_id) not in seen:
            seen.add((membership.user_id, membership.team_id))
            workers.append(AllocationChoice(membership.team, membership.user))
    return [
        AllocationChoice(None, None),
        *(AllocationChoice(team, None) for team in teams),
        *workers,
    ]


def may_still_open(user: Viewer, case_id: Any) -> bool:
    """Whether the user can open this case now (after an action that may have moved it out of
    their scope): in scope, and named or with a current reason when restricted."""
    try:
        case_for_user(user, case_id)
    except (Http404, PermissionDenied, ReasonRequiredError):
        return False
    return True


def teams_for_case(case: Case) -> QuerySet[Team]:
    if case.contract.provider_id is None:
        return Team.objects.none()
    return Team.objects.filter(organisation_id=case.contract.provider_id).order_by("name")


@dataclass(frozen=True)
class Worklist:
    page: Page[Task]
    overdue: int
    due_today: int
    scope: str


def _outstanding_tasks(user: Viewer, *, filters: dict[str, Any]) -> QuerySet[Task]:
    """Outstanding tasks on cases visible to the user (every scope)."""
    _require_case_role(user)
    tasks = Task.objects.filter(visible_q(user, "case__"), is_outstanding=True)
    if filters.get("contract"):
        tasks = tasks.filter(case__contract_id=filters["contract"])
    if filters.get("risk_level"):
        tasks = tasks.filter(case__risk_level=filters["risk_level"])
    if filters.get("state"):
        tasks = tasks.filter(case__state=filters["state"])
    return tasks


def _in_scope(user: Viewer, tasks: QuerySet[Task], scope: str) -> QuerySet[Task]:
    """Narrow to "mine" or "team" by the task's copy of the case's allocation."""
    if scope == "mine":
        return tasks.filter(allocated_to_id=user.pk)
    if scope == "team":
        return tasks.filter(team_id__in=teams_of(user))
    return tasks


def _scope_parts(user: Viewer, tasks: QuerySet[Task], scope: str) -> list[QuerySet[Task]]:
    """The scope's tasks as disjoint querysets whose counts add up, each read from one of the
    worklist indexes (a partial index cannot serve an OR, so "mine OR my team's" is split)."""
    if scope != "all" or reaches_whole_organisation(user):
        return [_in_scope(user, tasks, scope)]
    # a caseworker or team leader sees their teams' tasks, the tasks allocated to them in
    # other teams, and those of cases they are named on (visible_q)
    teams = teams_of(user)
    outside_teams = tasks.exclude(team_id__in=teams) if teams else tasks
    return [
        *([tasks.filter(team_id__in=teams)] if teams else []),
        outside_teams.filter(allocated_to_id=user.pk),
        outside_teams.filter(case_id__in=named_cases_of(user)).exclude(allocated_to_id=user.pk),
    ]


def _due_filters() -> tuple[Q, Q]:
    """Overdue and due-today conditions, as of now (UK day)."""
    now = timezone.now()
    end_of_today = timezone.make_aware(datetime.combine(timezone.localdate(now), time.max))
    return Q(due_at__lt=now), Q(due_at__gte=now, due_at__lte=end_of_today)


def _due_counts(parts: list[QuerySet[Task]], scopes: dict[str, Q]) -> dict[str, dict[str, int]]:
    """Outstanding, overdue and due-today counts of each (sub)scope, one query per part."""
    overdue, due_today = _due_filters()
    totals = {scope: {"total": 0, "overdue": 0, "due_today": 0} for scope in scopes}
    for part in parts:
        aggregates = {}
        for scope, condition in scopes.items():
            aggregates[f"{scope}.total"] = (
                Count("pk", filter=condition) if condition else Count("pk")
            )
            aggregates[f"{scope}.overdue"] = Count("pk", filter=condition & overdue)
            aggregates[f"{scope}.due_today"] = Count("pk", filter=condition & due_today)
        for key, value in part.aggregate(**aggregates).items():
            scope, name = key.split(".")
            totals[scope][name] += value
    return totals


def _ordered(tasks: QuerySet[Task]) -> QuerySet[Task]:
    return (
        tasks.select_related(
            "case", "case__person", "case__contract", "case__allocated_to", "case__team"
        )
        # the profile is a large JSON document: decoding it for every row cost more than the SQL
        .defer("case__contract__profile")
        .order_by("due_at", "pk")
    )


def worklist_tasks(user: Viewer, *, scope: str, filters: dict[str, Any]) -> QuerySet[Task]:
    """Every row of a worklist, in its order (the export: the page is `worklist_for`)."""
    return _ordered(_in_scope(user, _outstanding_tasks(user, filters=filters), scope))


def worklist_for(user: Viewer, *, scope: str, filters: dict[str, Any], page: Any = 1) -> Worklist:
    """Outstanding tasks on visible cases, soonest due first (overdue first), paginated."""
    tasks = _outstanding_tasks(user, filters=filters)
    counts = _due_counts(_scope_parts(user, tasks, scope), {scope: Q()})[scope]
    paginator = Paginator(_ordered(_in_scope(user, tasks, scope)), WORKLIST_PAGE_SIZE)
    paginator.__dict__["count"] = counts["total"]  # already counted above: fewer queries
    return Worklist(paginator.get_page(page), counts["overdue"], counts["due_today"], scope)


@dataclass(frozen=True)
class WorklistSummary:
    outstanding: int
    overdue: int
    due_today: int


def worklist_summaries(user: Viewer) -> dict[str, WorklistSummary]:
    """The counts of every worklist the user has (for the home page): "mine" and "team" are
    counted alongside "all" (they are subsets of it); "team" only for a user in a team."""
    teams = teams_of(user)
    scopes = {"mine": Q(allocated_to_id=user.pk), "all": Q()}
    if teams:
        scopes["team"] = Q(team_id__in=teams)
    parts = _scope_parts(user, _outstanding_tasks(user, filters={}), "all")
    counts = _due_counts(parts, scopes)
    return {
        scope: WorklistSummary(found["total"], found["overdue"], found["due_today"])
        for scope, found in counts.items()
    }
