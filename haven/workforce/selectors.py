"""Reads of workforce records, scoped to the viewer: a worker's own record; the staff and
volunteers of the organisations a team leader or service manager manages. Status rows (next
supervision, vetting, training) for any number of workers in a fixed number of queries."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db.models import F, Max, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from haven.accounts.models import User
from haven.accounts.roles import MANAGER_ROLES, Role
from haven.accounts.signed_in import Viewer
from haven.contracts.models import Organisation
from haven.workforce import figures
from haven.workforce.models import (
    Course,
    EstablishmentPost,
    SicknessAbsence,
    StaffMember,
    Supervision,
    TrainingCompletion,
    TrainingSession,
    Vetting,
)

DUE_SOON = timedelta(weeks=2)  # supervisions listed on the home page from two weeks ahead
VETTING_REFUSALS = {
    "lapsed": "their vetting has lapsed",
    "none": "they have no vetting on record",
}


def vetting_refusals(user_ids: list[Any]) -> dict[Any, str]:
    """The allocation check (casework.allocation_hooks; seed 002 Lot 1 s12, s15): workers in
    post whose vetting is required and lapsed or missing, with why. One query."""
    today = timezone.localdate()
    rows = (
        StaffMember.objects.filter(user_id__in=user_ids, vetting_required=True)
        .filter(Q(left_on__isnull=True) | Q(left_on__gte=today))
        .annotate(latest=Max("vettings__expires_on"))
        .values_list("user_id", "latest")
    )
    found: dict[Any, str] = {}
    for user_id, latest in rows:
        status = figures.vetting_status(latest, True, today)
        if status in VETTING_REFUSALS:
            found[user_id] = VETTING_REFUSALS[status]
    return found


def _managed_organisation_ids(user: Viewer) -> list[Any]:
    if not isinstance(user, User):
        return []
    if user.is_superuser:
        return list(Organisation.objects.values_list("pk", flat=True))
    return [m.organisation_id for m in user.memberships.all() if m.role in MANAGER_ROLES]


def managed_organisations(user: Viewer) -> list[Organisation]:
    """The organisations whose workforce the viewer keeps (team leaders and service managers),
    whether or not they have a staff record yet: a new service adds its first worker here."""
    return list(
        Organisation.objects.filter(pk__in=_managed_organisation_ids(user)).order_by("name")
    )


def figures_organisations(user: Viewer) -> list[Organisation]:
    """The organisations whose workforce figures the viewer may see (service managers)."""
    if not isinstance(user, User):
        return []
    if user.is_superuser:
        return list(Organisation.objects.order_by("name"))
    ids = [
        m.organisation_id
        for m in user.memberships.all()
        if m.role == Role.SERVICE_MANAGER and m.organisation_id is not None
    ]
    return list(Organisation.objects.filter(pk__in=ids).order_by("name"))


def organisation_for_figures(user: Viewer, organisation_id: Any) -> Organisation:
    for organisation in figures_organisations(user):
        if organisation.pk == organisation_id:
            return organisation
    raise Http404


def organisation_for_records(user: Viewer, organisation_id: Any) -> Organisation:
    """An organisation whose staff records the viewer keeps (its team leaders and managers)."""
    if organisation_id in _managed_organisation_ids(user):
        return Organisation.objects.get(pk=organisation_id)
    raise Http404


def managed_staff(user: Viewer) -> QuerySet[StaffMember]:
    """Staff and volunteers of the organisations the viewer manages, current ones first."""
    return (
        StaffMember.objects.filter(organisation_id__in=_managed_organisation_ids(user))
        .select_related("organisation", "team")
        .order_by("left_on", "full_name")
    )


def staff_for(user: Viewer, staff_id: Any) -> StaffMember:
    """One staff record the viewer may open (their own, or as a manager of its organisation);
    anything else is a 404, so a guessed id learns nothing."""
    staff = (
        StaffMember.objects.select_related("organisation", "team", "user", "post")
        .filter(pk=staff_id)
        .first()
    )
    if (
        staff is None
        or not isinstance(user, User)
        or not user.has_perm("workforce.view_record", staff)
    ):
        raise Http404
    return staff


def own_record(user: Viewer) -> StaffMember | None:
    if not isinstance(user, User):
        return None
    return StaffMember.objects.select_related("organisation", "team").filter(user=user).first()


def staff_of_record(user: Viewer, model: type[Any], record_id: Any) -> StaffMember:
    """The staff record a supervision, absence, completion or vetting belongs to (the returns'
    drill-down links to it), if the viewer may open it."""
    staff_id = model.objects.filter(pk=record_id).values_list("staff_member_id", flat=True).first()
    if staff_id is None:
        raise Http404
    return staff_for(user, staff_id)


def courses_of(organisation_id: Any) -> QuerySet[Course]:
    return Course.objects.filter(organisation_id=organisation_id).order_by("name")


def session_for(user: Viewer, session_id: Any) -> TrainingSession:
    session = TrainingSession.objects.select_related("course").filter(pk=session_id).first()
    if session is None or not isinstance(user, User):
        raise Http404
    if session.course.organisation_id not in _managed_organisation_ids(user):
        raise Http404
    return session


def post_for(user: Viewer, post_id: Any) -> EstablishmentPost:
    post = EstablishmentPost.objects.filter(pk=post_id).first()
    if (
        post is None
        or not isinstance(user, User)
        or not user.has_perm("workforce.view_figures", post)
    ):
        raise Http404
    return post


def post_to_keep(user: Viewer, post_id: Any) -> EstablishmentPost:
    """A post of the plan the viewer may change (the organisation's team leaders and managers)."""
    post = EstablishmentPost.objects.select_related("organisation").filter(pk=post_id).first()
    if post is None or not isinstance(user, User) or not user.has_perm("workforce.record", post):
        raise Http404
    return post


@dataclass(frozen=True)
class PlanLine:
    """A post of the workforce plan with who holds it on the day and since when it is vacant."""

    post: EstablishmentPost
    holders: list[StaffMember]
    filled_fte: Decimal
    vacant_since: date | None  # None when filled or not in force
    in_force: bool

    @property
    def vacant_fte(self) -> Decimal:
        return max(self.post.fte - self.filled_fte, Decimal("0")) if self.in_force else Decimal(0)


def plan_lines(organisation_id: Any, today: date) -> list[PlanLine]:
    """The organisation's posts, in force first, with their holders in post today (two
    queries). Vacant since: the day the last holder left, or the post's start if never held."""
    posts = list(
        EstablishmentPost.objects.filter(organisation_id=organisation_id).order_by(
            F("valid_to").desc(nulls_first=True), "title"
        )
    )
    holders: dict[Any, list[StaffMember]] = defaultdict(list)
    for member in StaffMember.objects.filter(post__in=posts, kind="staff").order_by("full_name"):
        holders[member.post_id].append(member)
    lines = []
    for post in posts:
        in_force = post.valid_from <= today and (post.valid_to is None or post.valid_to >= today)
        current = [
            m
            for m in holders[post.pk]
            if m.started_on <= today and (m.left_on is None or m.left_on >= today)
        ]
        filled = sum((m.fte for m in current), Decimal("0"))
        left = [m.left_on for m in holders[post.pk] if m.left_on and m.left_on < today]
        vacant = in_force and filled < post.fte
        lines.append(
            PlanLine(
                post=post,
                holders=current,
                filled_fte=filled,
                vacant_since=(max(left) if left else post.valid_from) if vacant else None,
                in_force=in_force,
            )
        )
    return lines


def posts_in_force(organisation_id: Any, today: date) -> QuerySet[EstablishmentPost]:
    return EstablishmentPost.objects.filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=today),
        organisation_id=organisation_id,
    ).order_by("title")


def linkable_users(staff: StaffMember) -> QuerySet[User]:
    """Active users of the record's organisation not linked to another staff record."""
    return (
        User.objects.filter(is_active=True, memberships__organisation_id=staff.organisation_id)
        .exclude(staff_record__isnull=False)
        .distinct()
        .order_by("full_name", "email")
    )


# --- status rows -------------------------------------------------------------------------------


@dataclass(frozen=True)
class StatusRow:
    """A worker's supervision, vetting and training status today."""

    staff: StaffMember
    last_supervision: date | None
    supervision_due: date
    vetting_expires: date | None
    vetting_status: str  # figures.vetting_status
    training_compliant: bool
    today: date

    @property
    def supervision_overdue(self) -> bool:
        return self.supervision_due < self.today

    @property
    def may_take_new_cases(self) -> bool:
        return self.vetting_status in {"valid", "expiring", "not_required"}


def status_rows(staff: Iterable[StaffMember], today: date | None = None) -> list[StatusRow]:
    """Status of each worker (four queries whatever their number)."""
    today = today or timezone.localdate()
    members = list(staff)
    ids = [s.pk for s in members]
    last_held = dict(
        Supervision.objects.filter(staff_member_id__in=ids)
        .values("staff_member_id")
        .annotate(last=Max("held_on"))
        .values_list("staff_member_id", "last")
    )
    expires = dict(
        Vetting.objects.filter(staff_member_id__in=ids)
        .values("staff_member_id")
        .annotate(last=Max("expires_on"))
        .values_list("staff_member_id", "last")
    )
    completions: dict[Any, list[figures.CompletionRow]] = defaultdict(list)
    for row in TrainingCompletion.objects.filter(staff_member_id__in=ids).values_list(
        "id", "staff_member_id", "course_id", "session_id", "completed_on", "expires_on"
    ):
        completions[row[1]].append(figures.CompletionRow(*row))
    organisations = {s.organisation_id for s in members}
    courses: dict[Any, list[figures.CourseRow]] = defaultdict(list)
    for organisation_id, course_id, for_staff, for_volunteers in Course.objects.filter(
        organisation_id__in=organisations
    ).values_list("organisation_id", "id", "mandatory_for_staff", "mandatory_for_volunteers"):
        courses[organisation_id].append(figures.CourseRow(course_id, for_staff, for_volunteers))
    return [
        StatusRow(
            staff=s,
            last_supervision=last_held.get(s.pk),
            supervision_due=figures.supervision_due(last_held.get(s.pk), s.started_on),
            vetting_expires=expires.get(s.pk),
            vetting_status=figures.vetting_status(expires.get(s.pk), s.vetting_required, today),
            training_compliant=figures.is_compliant(
                s.kind, completions[s.pk], courses[s.organisation_id], today
            ),
            today=today,
        )
        for s in members
    ]


def current_staff(queryset: QuerySet[StaffMember], today: date) -> QuerySet[StaffMember]:
    return queryset.filter(Q(left_on__isnull=True) | Q(left_on__gte=today))


@dataclass(frozen=True)
class HomeDuties:
    """The home page's workforce lists: the viewer's own status, the supervisions due of the
    workers they lead, and vetting about to lapse or lapsed."""

    own: StatusRow | None
    supervisions_due: list[StatusRow]
    vetting_reminders: list[StatusRow]


def home_duties(user: Viewer) -> HomeDuties:
    """seed 000 s12, seed 004 s13: supervision every 6 weeks on the worker's and their team
    leader's list; vetting reminders 60 days before expiry (seed 002 Lot 1 s12, s15)."""
    today = timezone.localdate()
    if not isinstance(user, User):
        return HomeDuties(None, [], [])
    own = own_record(user)
    own_row = status_rows([own], today)[0] if own is not None else None
    memberships = list(user.memberships.all())
    led_teams = [m.team_id for m in memberships if m.role == Role.TEAM_LEADER and m.team_id]
    managed = [m.organisation_id for m in memberships if m.role == Role.SERVICE_MANAGER]
    scope = Q(team_id__in=led_teams) | Q(organisation_id__in=managed)
    if not led_teams and not managed:
        return HomeDuties(own_row, [], [])
    led = current_staff(StaffMember.objects.filter(scope), today).exclude(user=user)
    rows = status_rows(led.select_related("team").order_by("full_name"), today)
    horizon = today + DUE_SOON
    due = sorted((r for r in rows if r.supervision_due <= horizon), key=lambda r: r.supervision_due)
    reminders = sorted(
        (r for r in rows if r.vetting_status in {"expiring", "lapsed", "none"}),
        key=lambda r: r.vetting_expires or date.min,
    )
    return HomeDuties(own_row, due, reminders)


# --- the workforce figures ----------------------------------------------------------------------


@dataclass(frozen=True)
class WorkforceRows:
    staff: list[figures.StaffRow]
    posts: list[figures.PostRow]
    absences: list[figures.AbsenceRow]
    completions: list[figures.CompletionRow]
    courses: list[figures.CourseRow]


def workforce_rows(organisation_id: Any) -> WorkforceRows:
    """Every row the figures count for one organisation (five queries)."""
    staff = [
        figures.StaffRow(i, o, k, c, float(f), s, left, p, r)
        for i, o, k, c, f, s, left, p, r in StaffMember.objects.filter(
            organisation_id=organisation_id
        ).values_list(
            "id",
            "organisation_id",
            "kind",
            "contract_type",
            "fte",
            "started_on",
            "left_on",
            "post_id",
            "volunteer_role",
        )
    ]
    posts = [
        figures.PostRow(i, o, float(f), a, b)
        for i, o, f, a, b in EstablishmentPost.objects.filter(
            organisation_id=organisation_id
        ).values_list("id", "organisation_id", "fte", "valid_from", "valid_to")
    ]
    absences = [
        figures.AbsenceRow(*row)
        for row in SicknessAbsence.objects.filter(
            staff_member__organisation_id=organisation_id
        ).values_list("id", "staff_member_id", "first_day", "last_day", "reason")
    ]
    completions = [
        figures.CompletionRow(*row)
        for row in TrainingCompletion.objects.filter(
            staff_member__organisation_id=organisation_id
        ).values_list(
            "id", "staff_member_id", "course_id", "session_id", "completed_on", "expires_on"
        )
    ]
    courses = [
        figures.CourseRow(*row)
        for row in Course.objects.filter(organisation_id=organisation_id).values_list(
            "id", "mandatory_for_staff", "mandatory_for_volunteers"
        )
    ]
    return WorkforceRows(staff, posts, absences, completions, courses)
