"""Caseloads (issue 10 s5): each worker's open cases with risk, state, last contact and next
deadline, and the per-worker counts team leaders and service managers run a service with.

A caseload lists open cases, not deadlines: an engaged case with no outstanding task is on it
as much as one due today. Scope is the worklist's: only cases the viewer may open without a
reason (`visible_q`), so a restricted case is listed and counted for the staff named on it
only. A team leader oversees the cases of the teams they lead; a service manager (and a
superuser) the cases of their organisations. Every read here makes the same number of queries
however many cases there are (subqueries and grouped counts, never a query per case).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.db.models import (
    Count,
    DateTimeField,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from haven.access.scope import TEAM_ROLES, reaches_whole_organisation
from haven.accounts.models import Membership, Team, User
from haven.accounts.roles import Role
from haven.accounts.signed_in import Viewer
from haven.casework.models import (
    Case,
    CaseNote,
    CaseQuerySet,
    CaseState,
    ContactAttempt,
    NoteType,
    Task,
)

CASELOAD_PAGE_SIZE = 50
HIGH_RISK = "high"
UK = ZoneInfo("Europe/London")
# The "worker" a caseload is for, besides a user's id (team leaders and service managers only).
EVERYONE = "all"
UNALLOCATED = "unallocated"

OPEN = ~Q(state=CaseState.CLOSED)


def week_start(now: datetime) -> datetime:
    """Monday 00:00 UK time of the week `now` falls in ("contacts this week" count from it)."""
    local = now.astimezone(UK)
    monday = local.date() - timedelta(days=local.weekday())
    return datetime.combine(monday, time.min, tzinfo=UK)


def may_oversee(user: Viewer) -> bool:
    """Team leaders and service managers see other workers' caseloads and the counts."""
    return bool(user.has_perm("casework.oversee_caseloads"))


def _require_caseload(user: Viewer) -> None:
    if not user.has_perm("casework.view_caseload"):
        raise PermissionDenied


def _require_oversight(user: Viewer) -> None:
    if not may_oversee(user):
        raise PermissionDenied


def _roles_held(user: Viewer, role: Role) -> QuerySet[Membership]:
    user_id: Any = user.pk  # signed in: the views require it
    return Membership.objects.filter(user_id=user_id, role=role)


def _led_teams(user: Viewer) -> QuerySet[Membership]:
    return _roles_held(user, Role.TEAM_LEADER).filter(team__isnull=False)


def _whole_organisations(user: Viewer) -> bool:
    """Service managers (and superusers) oversee whole organisations; team leaders their teams."""
    return bool(user.is_superuser) or (
        reaches_whole_organisation(user) and _roles_held(user, Role.SERVICE_MANAGER).exists()
    )


def overseen_teams(user: Viewer) -> QuerySet[Team]:
    """The teams whose caseloads this user oversees, by name."""
    _require_oversight(user)
    if user.is_superuser:
        return Team.objects.order_by("organisation__name", "name")
    organisations = _roles_held(user, Role.SERVICE_MANAGER).values("organisation_id")
    return Team.objects.filter(
        Q(organisation_id__in=organisations) | Q(pk__in=_led_teams(user).values("team_id"))
    ).order_by("organisation__name", "name")


def _overseen_cases(user: Viewer) -> CaseQuerySet:
    """Open cases this user oversees: visible to them, and in a team they lead (team leaders)
    or anywhere in their organisations (service managers)."""
    cases = Case.objects.visible_to(user).filter(OPEN)
    if _whole_organisations(user):
        return cases
    return cases.filter(team_id__in=_led_teams(user).values("team_id"))


def _worker_cases(user: Viewer, worker: str) -> CaseQuerySet:
    """The open cases of one caseload: "" the user's own, "all" everyone's they oversee,
    "unallocated" the queue of cases with no worker, or a worker's id."""
    _require_caseload(user)
    if not worker:
        return Case.objects.visible_to(user).filter(OPEN, allocated_to_id=user.pk)
    _require_oversight(user)
    cases = _overseen_cases(user)
    if worker == EVERYONE:
        return cases
    if worker == UNALLOCATED:
        return cases.filter(allocated_to__isnull=True)
    worker_id: Any = worker  # a user's id (the filter form offers only those)
    return cases.filter(allocated_to_id=worker_id)


def _filtered(cases: CaseQuerySet, filters: dict[str, Any], now: datetime) -> CaseQuerySet:
    if filters.get("contract"):
        cases = cases.filter(contract_id=filters["contract"])
    if filters.get("risk_level"):
        cases = cases.filter(risk_level=filters["risk_level"])
    if filters.get("state"):
        cases = cases.filter(state=filters["state"])
    if filters.get("overdue"):
        cases = cases.filter(
            Exists(Task.objects.filter(case_id=OuterRef("pk"), is_outstanding=True, due_at__lt=now))
        )
    return cases


def _with_contact_and_deadline(cases: CaseQuerySet) -> CaseQuerySet:
    """Each case with `last_contact_at` (its latest contact attempt or contact note) and its
    next deadline (`next_due_at`, `next_due_label`: the earliest outstanding task)."""
    attempts = ContactAttempt.objects.filter(case_id=OuterRef("pk")).order_by("-attempted_at")
    notes = CaseNote.objects.filter(
        case_id=OuterRef("pk"), note_type=NoteType.CONTACT, corrects__isnull=True
    ).order_by("-happened_at")
    tasks = Task.objects.filter(case_id=OuterRef("pk"), is_outstanding=True).order_by(
        "due_at", "pk"
    )
    return cases.annotate(
        last_attempt_at=Subquery(attempts.values("attempted_at")[:1]),
        last_note_at=Subquery(notes.values("happened_at")[:1]),
        next_due_at=Subquery(tasks.values("due_at")[:1]),
        next_due_label=Subquery(tasks.values("label")[:1]),
    ).annotate(
        # GREATEST is NULL on SQLite when either is: each side falls back to the other
        last_contact_at=Greatest(
            Coalesce("last_attempt_at", "last_note_at"),
            Coalesce("last_note_at", "last_attempt_at"),
            output_field=DateTimeField(),
        )
    )


def caseload_cases(
    user: Viewer, *, worker: str = "", filters: dict[str, Any] | None = None
) -> CaseQuerySet:
    """A caseload's open cases, soonest deadline first; those with no deadline after them,
    the longest without contact first (never left out for having no task)."""
    now = timezone.now()
    cases = _filtered(_worker_cases(user, worker), filters or {}, now)
    return (
        _with_contact_and_deadline(cases)
        .select_related("person", "contract", "allocated_to", "team")
        # the profile is a large JSON document (as on the worklist)
        .defer("contract__profile")
        .order_by(
            F("next_due_at").asc(nulls_last=True),
            F("last_contact_at").asc(nulls_first=True),
            "opened_at",
            "pk",
        )
    )


@dataclass
class WorkerCounts:
    """One worker's (or the unallocated queue's) figures; `worker` None for the queue."""

    worker: User | None = None
    open_cases: int = 0
    high_risk: int = 0
    overdue: int = 0
    contacts_this_week: int = 0

    def add(self, other: WorkerCounts) -> None:
        self.open_cases += other.open_cases
        self.high_risk += other.high_risk
        self.overdue += other.overdue
        self.contacts_this_week += other.contacts_this_week


Key = tuple[Any, Any]  # (team id, worker id) of the case


def _counts_by_team_and_worker(cases: CaseQuerySet, now: datetime) -> dict[Key, WorkerCounts]:
    """Open cases, high-risk cases, overdue outstanding tasks and contacts since Monday (attempts
    and contact notes) per (team, worker) of the cases: four grouped queries."""
    counts: dict[Key, WorkerCounts] = defaultdict(WorkerCounts)
    for row in (
        cases.order_by()
        .values("team_id", "allocated_to_id")
        .annotate(n=Count("pk"), high=Count("pk", filter=Q(risk_level=HIGH_RISK)))
    ):
        found = counts[(row["team_id"], row["allocated_to_id"])]
        found.open_cases, found.high_risk = row["n"], row["high"]
    ids = cases.values("pk")
    by_case = ("case__team_id", "case__allocated_to_id")
    since = week_start(now)
    grouped = (
        ("overdue", Task.objects.filter(case_id__in=ids, is_outstanding=True, due_at__lt=now)),
        (
            "contacts_this_week",
            ContactAttempt.objects.filter(case_id__in=ids, attempted_at__gte=since),
        ),
        (
            "contacts_this_week",
            CaseNote.objects.filter(
                case_id__in=ids,
                note_type=NoteType.CONTACT,
                corrects__isnull=True,
                happened_at__gte=since,
            ),
        ),
    )
    for name, rows in grouped:
        for row in rows.order_by().values(*by_case).annotate(n=Count("pk")):
            found = counts[(row["case__team_id"], row["case__allocated_to_id"])]
            setattr(found, name, getattr(found, name) + row["n"])
    return counts


@dataclass(frozen=True)
class Caseload:
    page: Page[Case]
    counts: WorkerCounts
    worker: str


def caseload_for(
    user: Viewer, *, worker: str = "", filters: dict[str, Any] | None = None, page: Any = 1
) -> Caseload:
    """One caseload, paginated, with the figures of the whole caseload (filters aside)."""
    now = timezone.now()
    totals = WorkerCounts()
    for found in _counts_by_team_and_worker(_worker_cases(user, worker), now).values():
        totals.add(found)
    paginator = Paginator(caseload_cases(user, worker=worker, filters=filters), CASELOAD_PAGE_SIZE)
    return Caseload(paginator.get_page(page), totals, worker)


@dataclass
class TeamCaseloads:
    """A team's workers with their figures, and its unallocated queue (team None: no team)."""

    team: Team | None
    workers: list[WorkerCounts] = field(default_factory=list)
    unallocated: WorkerCounts = field(default_factory=WorkerCounts)


def caseload_overview(user: Viewer, *, overdue_only: bool = False) -> list[TeamCaseloads]:
    """Per team, each worker's figures (members with no open case too) and the unallocated
    queue; with `overdue_only`, only workers with an overdue task. Teams by name, then cases
    held by no team (service managers)."""
    _require_oversight(user)
    counts = _counts_by_team_and_worker(_overseen_cases(user), timezone.now())
    groups = {team.pk: TeamCaseloads(team) for team in overseen_teams(user)}
    slots: set[Key] = {key for key in counts if key[1] is not None}
    users: dict[Any, User] = {}
    for membership in Membership.objects.filter(
        team_id__in=list(groups), role__in=TEAM_ROLES, user__is_active=True
    ).select_related("user"):
        slots.add((membership.team_id, membership.user_id))
        users[membership.user_id] = membership.user
    # workers allocated a case of a team without being its member (or no longer active)
    missing = {worker for (_, worker) in slots} - set(users)
    if missing:
        users |= User.objects.in_bulk(list(missing))
    unknown_teams = {team for (team, _) in counts if team is not None} - set(groups)
    if unknown_teams:  # a case held by a team of another organisation (named staff)
        groups |= {
            pk: TeamCaseloads(team) for pk, team in Team.objects.in_bulk(unknown_teams).items()
        }
    for team_id, worker_id in slots:
        found = counts.get((team_id, worker_id), WorkerCounts())
        if overdue_only and not found.overdue:
            continue
        found.worker = users[worker_id]
        groups.setdefault(team_id, TeamCaseloads(None)).workers.append(found)
    for (team_id, worker_id), found in counts.items():
        if worker_id is None:
            groups.setdefault(team_id, TeamCaseloads(None)).unallocated = found
    for group in groups.values():
        group.workers.sort(key=_by_name)
    return sorted(groups.values(), key=lambda g: (g.team is None, g.team.name if g.team else ""))


def _by_name(counts: WorkerCounts) -> tuple[str, str]:
    worker = counts.worker
    return (worker.get_full_name(), str(worker.pk)) if worker else ("", "")


def caseload_workers(user: Viewer) -> list[tuple[str, str]]:
    """The workers a team leader or service manager may pick (by name): members of the teams
    they oversee and anyone allocated one of the cases they oversee."""
    _require_oversight(user)
    allocated = _overseen_cases(user).filter(allocated_to__isnull=False).values("allocated_to_id")
    workers = (
        User.objects.filter(
            Q(pk__in=allocated)
            | Q(
                memberships__team__in=overseen_teams(user),
                memberships__role__in=TEAM_ROLES,
                is_active=True,
            )
        )
        .distinct()
        .order_by("full_name", "pk")
    )
    return [(str(worker.pk), worker.get_full_name()) for worker in workers]
