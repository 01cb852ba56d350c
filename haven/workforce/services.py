"""Workforce writes: staff records, supervision, vetting, training and sickness absence. Each is
keyword-only and atomic, checks the recorder may keep the worker's records (rules.py), refuses
bad values per field and writes the audit itself. No case content is kept here."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from haven.accounts.models import User
from haven.core.auditor import audit_event, diff
from haven.core.models import AuditAction
from haven.people.services import EQUALITY_FIELDS
from haven.validators import refuse, text_problem
from haven.workforce.models import (
    ContractType,
    Course,
    EstablishmentPost,
    LeavingReason,
    SicknessAbsence,
    SicknessReason,
    StaffKind,
    StaffMember,
    Supervision,
    SupervisionKind,
    TrainingCompletion,
    TrainingSession,
    Vetting,
    VettingLevel,
    VolunteerRole,
)
from haven.workforce.plan import establishment_post_create as establishment_post_create

# The people app's questions a staff member answers: not a client's immigration status (asked of
# clients for the refugee communities figure, seed 001 s14), which an employer holds elsewhere.
STAFF_EQUALITY_FIELDS = EQUALITY_FIELDS - {"immigration_status"}
NAME_MAX_LENGTH = 150
MAX_FTE = Decimal("1.00")
# A leaving day is often known ahead (notice given); beyond a long notice period it is a slip.
LEAVING_NOTICE_DAYS = 183
# seed 004 s10: mandatory training renews; ten years is the longest sensible renewal
MAX_RENEWAL_MONTHS = 120


def _may_record(user: User, target: Any) -> None:
    if not user.has_perm("workforce.record", target):
        raise PermissionDenied


def _not_future(day: date | None, label: str) -> str | None:
    if day is not None and day > timezone.localdate():
        return f"{label} must be today or in the past"
    return None


def add_months(day: date, months: int) -> date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _details_problems(
    organisation: Any,
    full_name: str,
    kind: str,
    contract_type: str,
    volunteer_role: str,
    fte: Decimal,
    team: Any,
    post: EstablishmentPost | None,
) -> dict[str, str | None]:
    volunteer = kind == StaffKind.VOLUNTEER
    return {
        "full_name": "Enter the name"
        if not full_name.strip()
        else text_problem(full_name, subject="The name", limit=NAME_MAX_LENGTH),
        "kind": None if kind in StaffKind.values else "Select staff or volunteer",
        "contract_type": None
        if volunteer or contract_type in ContractType.values
        else "Select the contract type",
        "volunteer_role": None
        if not volunteer or volunteer_role in VolunteerRole.values
        else "Select the volunteer's role",
        "fte": None
        if Decimal("0") <= fte <= MAX_FTE
        else "FTE must be between 0 and 1, for example 0.6",
        "team": None
        if team is None or team.organisation_id == organisation.pk
        else "Choose a team of this organisation",
        "post": None
        if post is None or post.organisation_id == organisation.pk
        else "Choose a post of this organisation",
    }


@transaction.atomic
def staff_member_create(
    *,
    organisation: Any,
    full_name: str,
    kind: str,
    started_on: date,
    created_by: User,
    contract_type: str = "",
    fte: Decimal = Decimal("1"),
    job_title: str = "",
    volunteer_role: str = "",
    team: Any = None,
    user: User | None = None,
    post: EstablishmentPost | None = None,
    vetting_required: bool = True,
    equality: dict[str, Any] | None = None,
) -> StaffMember:
    """A worker's or volunteer's record; a member of staff has a contract type and FTE, a
    volunteer a role (seed 001 Lot 3 s8)."""
    _may_record(created_by, organisation)
    volunteer = kind == StaffKind.VOLUNTEER
    refuse(
        _details_problems(
            organisation, full_name, kind, contract_type, volunteer_role, fte, team, post
        )
    )
    staff = StaffMember.objects.create(
        organisation=organisation,
        full_name=full_name.strip(),
        kind=kind,
        started_on=started_on,
        contract_type="" if volunteer else contract_type,
        fte=Decimal("0") if volunteer else fte,
        job_title=job_title.strip(),
        volunteer_role=volunteer_role if volunteer else "",
        team=team,
        user=user,
        post=post,
        vetting_required=vetting_required,
        created_by=created_by,
        **(equality or {}),
    )
    audit_event(actor=created_by, action=AuditAction.CREATE, target=staff)
    return staff


@transaction.atomic
def staff_member_update(
    *,
    staff: StaffMember,
    changed_by: User,
    full_name: str,
    kind: str,
    started_on: date,
    contract_type: str = "",
    fte: Decimal = Decimal("1"),
    job_title: str = "",
    volunteer_role: str = "",
    post: EstablishmentPost | None = None,
) -> StaffMember:
    """Correct or change a record's details: a new post or FTE (seed 004 s10: plan against
    actual), a corrected name or start. The audit names what changed, with the values of all
    but the name (staff's personal data)."""
    _may_record(changed_by, staff)
    refuse(
        {
            **_details_problems(
                staff.organisation,
                full_name,
                kind,
                contract_type,
                volunteer_role,
                fte,
                staff.team,
                post,
            ),
            "started_on": "The day they started must be on or before the day they left"
            if staff.left_on is not None and started_on > staff.left_on
            else None,
        }
    )
    volunteer = kind == StaffKind.VOLUNTEER
    values = {
        "full_name": full_name.strip(),
        "kind": kind,
        "started_on": started_on,
        "contract_type": "" if volunteer else contract_type,
        "fte": Decimal("0") if volunteer else fte,
        "job_title": job_title.strip(),
        "volunteer_role": volunteer_role if volunteer else "",
        "post_id": post.pk if post is not None else None,
    }
    changed = {name: value for name, value in values.items() if getattr(staff, name) != value}
    if not changed:
        return staff
    changes = diff({name: getattr(staff, name) for name in changed}, changed)
    if "full_name" in changes:
        changes["full_name"] = ["changed"]  # staff's personal data: that it changed, not to what
    for name, value in changed.items():
        setattr(staff, name, value)
    staff.save(update_fields=[*changed, "updated_at"])
    audit_event(actor=changed_by, action=AuditAction.UPDATE, target=staff, changes=changes)
    return staff


@transaction.atomic
def staff_equality_set(
    *,
    staff: StaffMember,
    answers: dict[str, str],
    recorded_by: User,
    date_of_birth: date | None = None,
) -> StaffMember:
    """The worker's or volunteer's equality answers (seed 001 s14: demographics of staff and
    volunteers), on the people app's answer lists; given by themselves or kept by a manager."""
    if not recorded_by.has_perm("workforce.set_equality", staff):
        raise PermissionDenied
    unknown = set(answers) - set(STAFF_EQUALITY_FIELDS)
    if unknown:
        raise ValueError(f"not equality questions: {sorted(unknown)}")
    refuse(
        {
            "date_of_birth": _not_future(date_of_birth, "The date of birth"),
            **{
                name: "Select one of the answers"
                for name, value in answers.items()
                if value and name != "ethnicity_other" and value not in _choices_of(name)
            },
        }
    )
    for name, value in answers.items():
        setattr(staff, name, value)
    staff.date_of_birth = date_of_birth
    staff.save(update_fields=[*answers, "date_of_birth", "updated_at"])
    # the answers themselves are special category data: the audit names the questions only
    audit_event(
        actor=recorded_by,
        action=AuditAction.UPDATE,
        target=staff,
        changes={"equality": sorted(answers)},
    )
    return staff


def _choices_of(name: str) -> set[str]:
    field = StaffMember._meta.get_field(name)
    return {value for value, _ in getattr(field, "choices", None) or ()}


@transaction.atomic
def staff_member_leave(
    *, staff: StaffMember, left_on: date, recorded_by: User, reason: str = ""
) -> StaffMember:
    """The day the worker or volunteer left, and why (seed 004 s10: turnover). A day ahead is
    allowed within a notice period; recording it again corrects it."""
    _may_record(recorded_by, staff)
    latest = timezone.localdate() + timedelta(days=LEAVING_NOTICE_DAYS)
    refuse(
        {
            "left_on": "The day they left must be on or after the day they started"
            if left_on < staff.started_on
            else (
                f"The day they leave must be within {LEAVING_NOTICE_DAYS} days from today"
                if left_on > latest
                else None
            ),
            "reason": None if not reason or reason in LeavingReason.values else "Select the reason",
        }
    )
    changes = {
        "left_on": [staff.left_on.isoformat() if staff.left_on else None, left_on.isoformat()],
        "leaving_reason": [staff.leaving_reason, reason],
    }
    staff.left_on = left_on
    staff.leaving_reason = reason
    staff.save(update_fields=["left_on", "leaving_reason", "updated_at"])
    audit_event(actor=recorded_by, action=AuditAction.UPDATE, target=staff, changes=changes)
    return staff


def _member_of(user: User, organisation_id: Any) -> bool:
    return user.memberships.filter(organisation_id=organisation_id).exists()


@transaction.atomic
def staff_member_link_user(
    *, staff: StaffMember, user: User | None, recorded_by: User
) -> StaffMember:
    """Link the record to the worker's Haven login (None unlinks it): their own status page and
    the vetting check on allocation follow the link (seed 002 Lot 1 s12, s15)."""
    _may_record(recorded_by, staff)
    if user is not None:
        refuse(
            {
                "user": "Choose an active user of this organisation"
                if not user.is_active or not _member_of(user, staff.organisation_id)
                else (
                    "That user is already linked to another staff record"
                    if StaffMember.objects.filter(user=user).exclude(pk=staff.pk).exists()
                    else None
                )
            }
        )
    before = staff.user_id
    if before == (user.pk if user else None):
        return staff
    staff.user = user
    staff.save(update_fields=["user", "updated_at"])
    audit_event(
        actor=recorded_by,
        action=AuditAction.UPDATE,
        target=staff,
        changes={"user": [_id(before), _id(user.pk if user else None)]},
    )
    return staff


def _id(value: Any) -> str | None:
    return None if value is None else str(value)


@transaction.atomic
def supervision_record(
    *,
    staff: StaffMember,
    held_on: date,
    kind: str,
    recorded_by: User,
    supervisor: User | None = None,
) -> Supervision:
    """A supervision held (seed 000 s12, seed 004 s13: every 6 weeks); the next is due six weeks
    after it."""
    _may_record(recorded_by, staff)
    refuse(
        {
            "held_on": _not_future(held_on, "The supervision date")
            or (
                "The supervision date must be on or after the day they started"
                if held_on < staff.started_on
                else None
            ),
            "kind": None if kind in SupervisionKind.values else "Select the kind of supervision",
        }
    )
    supervision = Supervision.objects.create(
        staff_member=staff,
        held_on=held_on,
        kind=kind,
        supervisor=supervisor or recorded_by,
        created_by=recorded_by,
    )
    audit_event(actor=recorded_by, action=AuditAction.CREATE, target=supervision)
    return supervision


@transaction.atomic
def vetting_record(
    *, staff: StaffMember, level: str, issued_on: date, expires_on: date, recorded_by: User
) -> Vetting:
    """A vetting clearance (seed 002 Lot 1 s12, s15): NPPV or DBS level, issued and expiry."""
    _may_record(recorded_by, staff)
    refuse(
        {
            "level": None if level in VettingLevel.values else "Select the vetting level",
            "issued_on": _not_future(issued_on, "The date issued"),
            "expires_on": "The expiry date must be after the date issued"
            if expires_on <= issued_on
            else None,
        }
    )
    vetting = Vetting.objects.create(
        staff_member=staff,
        level=level,
        issued_on=issued_on,
        expires_on=expires_on,
        created_by=recorded_by,
    )
    audit_event(actor=recorded_by, action=AuditAction.CREATE, target=vetting)
    return vetting


@transaction.atomic
def training_complete(
    *,
    staff: StaffMember,
    course: Course,
    completed_on: date,
    recorded_by: User,
    session: TrainingSession | None = None,
) -> TrainingCompletion:
    """A course completed; it expires after the course's renewal period (seed 004 s10)."""
    _may_record(recorded_by, staff)
    refuse(
        {
            "course": None
            if course.organisation_id == staff.organisation_id
            else "Choose a course of this organisation",
            "completed_on": _not_future(completed_on, "The date completed"),
        }
    )
    expires = add_months(completed_on, course.renewal_months) if course.renewal_months else None
    completion = TrainingCompletion.objects.create(
        staff_member=staff,
        course=course,
        session=session,
        completed_on=completed_on,
        expires_on=expires,
        created_by=recorded_by,
    )
    audit_event(actor=recorded_by, action=AuditAction.CREATE, target=completion)
    return completion


@transaction.atomic
def training_session_record(
    *, course: Course, held_on: date, attendees: list[StaffMember], recorded_by: User
) -> TrainingSession:
    """A training session held (seed 001 Lot 3 s8), each attendee's completion with it."""
    _may_record(recorded_by, course)
    refuse(
        {
            "held_on": _not_future(held_on, "The session date"),
            "attendees": None
            if all(a.organisation_id == course.organisation_id for a in attendees)
            else "Choose staff or volunteers of this organisation",
        }
    )
    session = TrainingSession.objects.create(course=course, held_on=held_on, created_by=recorded_by)
    audit_event(actor=recorded_by, action=AuditAction.CREATE, target=session)
    for attendee in attendees:
        training_complete(
            staff=attendee,
            course=course,
            completed_on=held_on,
            recorded_by=recorded_by,
            session=session,
        )
    return session


@transaction.atomic
def sickness_record(
    *,
    staff: StaffMember,
    first_day: date,
    reason: str,
    recorded_by: User,
    last_day: date | None = None,
) -> SicknessAbsence:
    """A sickness absence (seed 004 s10: FTE days lost, short or long term, stress related);
    `last_day` None while the worker is still off."""
    _may_record(recorded_by, staff)
    refuse(
        {
            "first_day": _not_future(first_day, "The first day off"),
            "last_day": "The last day off must be on or after the first"
            if last_day is not None and last_day < first_day
            else None,
            "reason": None if reason in SicknessReason.values else "Select the reason",
        }
    )
    absence = SicknessAbsence.objects.create(
        staff_member=staff,
        first_day=first_day,
        last_day=last_day,
        reason=reason,
        created_by=recorded_by,
    )
    audit_event(actor=recorded_by, action=AuditAction.CREATE, target=absence)
    return absence


@transaction.atomic
def course_create(
    *,
    organisation: Any,
    name: str,
    mandatory_for_staff: bool,
    mandatory_for_volunteers: bool,
    renewal_months: int | None,
    created_by: User,
) -> Course:
    """A course of the training catalogue; mandatory ones count towards compliance and expire
    after the renewal period (seed 004 s10)."""
    _may_record(created_by, organisation)
    refuse(
        {
            "name": "Enter the course's name"
            if not name.strip()
            else (
                text_problem(name, subject="The name", limit=NAME_MAX_LENGTH)
                or (
                    "There is already a course of that name"
                    if Course.objects.filter(
                        organisation=organisation, name__iexact=name.strip()
                    ).exists()
                    else None
                )
            ),
            "renewal_months": None
            if renewal_months is None or 1 <= renewal_months <= MAX_RENEWAL_MONTHS
            else f"Renewal must be from 1 to {MAX_RENEWAL_MONTHS} months, or blank",
        }
    )
    course = Course.objects.create(
        organisation=organisation,
        name=name.strip(),
        mandatory_for_staff=mandatory_for_staff,
        mandatory_for_volunteers=mandatory_for_volunteers,
        renewal_months=renewal_months,
    )
    audit_event(actor=created_by, action=AuditAction.CREATE, target=course)
    return course
