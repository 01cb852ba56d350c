"""Demo workforce records (issue 16 items 3 and 6): a staff record for every demo member of
staff (haven/demodata/staff.py made them), volunteers without a login, the workforce plan,
two years of supervision, vetting (one worker's lapses soon, one colleague's has lapsed),
training sessions and completions, and sickness absence — from this part's own random stream.

Written in bulk (a few thousand rows at scale 1): these are the provider's own records, not a
case's, so the casework build and its same-seed snapshot are untouched. Synthetic names only.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from haven.accounts.models import Membership
from haven.accounts.roles import Role
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.demodata.staff import COLLEAGUES
from haven.people import choices
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
from haven.workforce.services import add_months

STREAM = 35  # this part's own random stream: seed + STREAM
HISTORY_DAYS = 730  # the demo's two years
VOLUNTEERS = (
    ("Alys Morgan", "mentor"),
    ("Bilal Hussain", "helpline"),
    ("Carys Jenkins", "helpline"),
    ("Dominic Shaw", "mentor"),
    ("Esme Thornton", "befriender"),
    ("Femi Adeyemi", "helpline"),
)
COURSES = (
    # name, mandatory for staff, for volunteers, renewal months
    ("Safeguarding adults and children", True, True, 24),
    ("DASH risk checklist", True, False, 12),
    ("Data protection and confidentiality", True, True, 12),
    ("Trauma-informed practice", False, False, None),
)
ROLES = (Role.CASEWORKER, Role.TEAM_LEADER, Role.SERVICE_MANAGER)
POSTS = {Role.CASEWORKER: "Caseworker", Role.TEAM_LEADER: "Team leader"}
REASONS = (("infection", 6), ("musculoskeletal", 2), ("stress", 2), ("injury", 1), ("other", 1))


def demo_workforce_reset(organisation: Any) -> None:
    """Delete the provider's workforce records."""
    staff = StaffMember.objects.filter(organisation=organisation)
    TrainingCompletion.objects.filter(staff_member__in=staff).delete()
    TrainingSession.objects.filter(course__organisation=organisation).delete()
    Course.objects.filter(organisation=organisation).delete()
    for model in (Supervision, Vetting, SicknessAbsence):
        model.objects.filter(staff_member__in=staff).delete()
    staff.delete()
    EstablishmentPost.objects.filter(organisation=organisation).delete()


def _equality(rng: random.Random) -> dict[str, Any]:
    """Synthetic equality answers from the people app's answer lists (some not asked)."""
    answers: dict[str, Any] = {}
    for name, options in (
        ("sex", choices.Sex.values),
        ("gender_same_as_birth", choices.GenderSameAsBirth.values),
        ("sexual_orientation", choices.SexualOrientation.values),
        ("disability", choices.YesNoPreferNot.values),
        ("ethnicity", [value for value, _ in choices.ETHNICITY_CHOICES]),
        ("religion", choices.Religion.values),
        ("marital_status", choices.MaritalStatus.values),
    ):
        answers[name] = "" if rng.random() < 0.1 else rng.choice(options)
    answers["date_of_birth"] = date(rng.randint(1960, 2002), rng.randint(1, 12), rng.randint(1, 28))
    return answers


def build_demo_workforce(*, organisation: Any, seed: int, now: datetime) -> int:
    """Staff records and their history for the demo provider; returns how many records."""
    rng = random.Random(seed + STREAM)
    today = timezone.localtime(now).date()
    start = today - timedelta(days=HISTORY_DAYS)
    memberships = (
        Membership.objects.filter(organisation=organisation, role__in=ROLES)
        .select_related("user", "team")
        .order_by("user__full_name", "role")
    )
    first_role: dict[Any, Membership] = {}
    for membership in memberships:
        held = first_role.get(membership.user_id)
        if held is None or ROLES.index(membership.role) > ROLES.index(held.role):
            first_role[membership.user_id] = membership
    if not first_role:
        return 0
    by_role = {role: sum(m.role == role for m in first_role.values()) for role in POSTS}
    posts = {
        role: EstablishmentPost.objects.create(
            organisation=organisation,
            title=title,
            contract_type="permanent",
            # seed 004 s10: a post or two vacant, so vacancy and plan vs actual show
            fte=Decimal(by_role[role] + (2 if role == Role.CASEWORKER else 0)),
            valid_from=start,
        )
        for role, title in POSTS.items()
    }
    staff: list[StaffMember] = []
    for index, membership in enumerate(first_role.values()):
        contract_type = "permanent"
        if index % 11 == 5:
            contract_type = "fixed_term"
        elif index % 13 == 7:
            contract_type = rng.choice(["bank", "agency", "locum"])
        staff.append(
            StaffMember(
                organisation=organisation,
                team=membership.team,
                user=membership.user,
                full_name=membership.user.full_name,
                kind="staff",
                post=posts.get(Role(membership.role)),
                job_title=membership.get_role_display(),
                contract_type=contract_type,
                fte=Decimal(rng.choice(["1.00", "1.00", "1.00", "0.80", "0.60"])),
                started_on=start - timedelta(days=rng.randint(0, 1500)),
                **_equality(rng),
            )
        )
    # two leavers in the last year (turnover): synthetic former colleagues
    for name in ("Former Colleague One", "Former Colleague Two"):
        staff.append(
            StaffMember(
                organisation=organisation,
                full_name=name,
                kind="staff",
                post=posts[Role.CASEWORKER],
                job_title="Caseworker",
                contract_type="permanent",
                fte=Decimal("1.00"),
                started_on=start - timedelta(days=400),
                left_on=today - timedelta(days=rng.randint(30, 330)),
                **_equality(rng),
            )
        )
    for name, role in VOLUNTEERS:
        staff.append(
            StaffMember(
                organisation=organisation,
                full_name=name,
                kind="volunteer",
                volunteer_role=role,
                contract_type="",
                fte=Decimal("0"),
                started_on=start + timedelta(days=rng.randint(0, HISTORY_DAYS - 30)),
                vetting_required=role != "befriender",
                **_equality(rng),
            )
        )
    StaffMember.objects.bulk_create(staff)
    rows = len(staff) + _history(rng, organisation, staff, today, start)
    audit_event(
        actor=None,
        action=AuditAction.IMPORT,
        target=organisation,
        changes={"workforce_records": [None, rows]},
        reason="haven demo: synthetic workforce records",
    )
    return rows


def _history(
    rng: random.Random, organisation: Any, staff: list[StaffMember], today: date, start: date
) -> int:
    supervisions, vettings, absences = [], [], []
    # seed 002 Lot 1 s12, s15: one colleague's vetting lapsed, another's lapses within 60 days
    colleagues = sorted(
        (s for s in staff if s.full_name in COLLEAGUES and s.job_title == "Caseworker"),
        key=lambda s: s.full_name,
    )
    lapsed = colleagues[0].pk if colleagues else None
    expiring = colleagues[1].pk if len(colleagues) > 1 else None
    for member in staff:
        first = max(start, member.started_on)
        last = member.left_on or today
        # seed 000 s12, seed 004 s13: supervision about every 6 weeks; a few fall behind
        held = first + timedelta(days=rng.randint(7, 42))
        behind = rng.random() < 0.15
        while held <= last - timedelta(days=60 if behind else 0):
            supervisions.append(
                Supervision(
                    staff_member=member,
                    held_on=held,
                    kind=rng.choice(["individual", "individual", "group", "clinical"]),
                )
            )
            held += timedelta(days=rng.randint(35, 46))
        if member.vetting_required:
            issued = today - timedelta(days=rng.randint(100, 900))
            expires = issued + timedelta(days=3 * 365)
            if member.pk == lapsed:
                expires = today - timedelta(days=12)
            elif member.pk == expiring:
                expires = today + timedelta(days=35)
            level = "nppv3" if member.kind == "staff" else "dbs_enhanced"
            vettings.append(
                Vetting(staff_member=member, level=level, issued_on=issued, expires_on=expires)
            )
        if member.kind == "staff":
            for _ in range(rng.choice([0, 0, 1, 1, 2, 3])):
                off = first + timedelta(days=rng.randint(0, max((last - first).days - 1, 0)))
                reason = rng.choices([r for r, _ in REASONS], [w for _, w in REASONS])[0]
                days = rng.choice([1, 2, 3, 5]) if rng.random() < 0.9 else rng.randint(28, 60)
                absences.append(
                    SicknessAbsence(
                        staff_member=member,
                        first_day=off,
                        last_day=min(off + timedelta(days=days - 1), today),
                        reason=reason,
                    )
                )
    Supervision.objects.bulk_create(supervisions)
    Vetting.objects.bulk_create(vettings)
    SicknessAbsence.objects.bulk_create(absences)
    return (
        len(supervisions)
        + len(vettings)
        + len(absences)
        + _training(rng, organisation, staff, today, start)
    )


def _training(
    rng: random.Random, organisation: Any, staff: list[StaffMember], today: date, start: date
) -> int:
    """A session of each course each quarter, attended by those due (seed 001 Lot 3 s8)."""
    courses = Course.objects.bulk_create(
        Course(
            organisation=organisation,
            name=name,
            mandatory_for_staff=for_staff,
            mandatory_for_volunteers=for_volunteers,
            renewal_months=months,
        )
        for name, for_staff, for_volunteers, months in COURSES
    )
    sessions, completions = [], []
    day = start + timedelta(days=20)
    while day <= today:
        for course in courses:
            session = TrainingSession(
                course=course, held_on=day + timedelta(days=rng.randint(0, 20))
            )
            if session.held_on > today:
                continue
            attendees = [
                s
                for s in staff
                if s.started_on <= session.held_on
                and (s.left_on is None or s.left_on >= session.held_on)
                and (
                    course.mandatory_for_staff
                    if s.kind == "staff"
                    else course.mandatory_for_volunteers
                )
                and rng.random() < 0.3
            ]
            if not attendees:
                continue
            sessions.append(session)
            for attendee in attendees:
                completions.append(
                    TrainingCompletion(
                        staff_member=attendee,
                        course=course,
                        session=session,
                        completed_on=session.held_on,
                        expires_on=add_months(session.held_on, course.renewal_months)
                        if course.renewal_months
                        else None,
                    )
                )
        day += timedelta(days=91)
    TrainingSession.objects.bulk_create(sessions)
    TrainingCompletion.objects.bulk_create(completions)
    return len(courses) + len(sessions) + len(completions)
