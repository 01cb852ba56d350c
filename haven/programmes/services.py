"""Writes of programmes, runs and enrolments (issue 16 item 1; seed 001 Lot 1 s5, Lot 4 s5, s8;
seed 002 s7; seed 003 s13). Each is keyword-only, atomic, checks who and which state first,
refuses with a problem per field and writes the audit itself.

Sessions and the register: `services_sessions.py`; partner liaison: `services_liaison.py`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from haven.access.scope import may_change_case
from haven.accounts.models import User
from haven.casework.models import Case
from haven.casework.rules import record_refusal
from haven.contracts.models import Contract
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.programmes import timeline
from haven.programmes.models import (
    PERPETRATOR_MIN_WEEKS,
    AttendanceMark,
    DropOutReason,
    Enrolment,
    EnrolmentStatus,
    PreGroupContact,
    PreGroupContactMethod,
    Programme,
    ProgrammeKind,
    ProgrammeRun,
)
from haven.programmes.rules import STAFF_ROLES
from haven.validators import date_problem, refuse, text_problem

NAME_MAX = 120
VENUE_MAX = 200
DETAIL_MAX = 300
OPEN = (EnrolmentStatus.OFFERED, EnrolmentStatus.ASSESSED, EnrolmentStatus.STARTED)
NOT_YET_STARTED = (EnrolmentStatus.OFFERED, EnrolmentStatus.ASSESSED)


def _today_or_before(value: date | None, subject: str, earliest: date | None = None) -> str | None:
    if value is None:
        return f"Enter the {subject.lower()}"
    if value > timezone.localdate():
        return f"{subject} must be today or in the past"
    return date_problem(value, subject=subject, earliest=earliest)


def _name_problem(name: str, subject: str) -> str | None:
    if not name:
        return f"Enter the {subject.lower()}"
    return text_problem(name, subject=subject, limit=NAME_MAX)


@transaction.atomic
def programme_create(
    *,
    contract: Contract,
    kind: str,
    name: str,
    min_weeks: int | None,
    min_sessions: int | None,
    created_by: User,
) -> Programme:
    """A programme of the contract (team leaders and service managers of its provider). A
    perpetrator programme runs at least 26 weeks (seed 001 Lot 4 s5), so its minimum is 26 or
    more (26 when left blank)."""
    if not created_by.has_perm("programmes.manage_programmes", contract):
        raise PermissionDenied
    name = name.strip()
    if kind == ProgrammeKind.PERPETRATOR and min_weeks is None:
        min_weeks = PERPETRATOR_MIN_WEEKS
    weeks_problem = None
    if min_weeks is not None and not 1 <= min_weeks <= 104:
        weeks_problem = "Minimum weeks must be between 1 and 104"
    elif kind == ProgrammeKind.PERPETRATOR and (min_weeks or 0) < PERPETRATOR_MIN_WEEKS:
        # seed 001 Lot 4 s5: "perpetrator group programme (at least 26 weeks in duration)"
        weeks_problem = f"A perpetrator programme runs at least {PERPETRATOR_MIN_WEEKS} weeks"
    refuse(
        {
            "kind": None if kind in ProgrammeKind.values else "Select the kind of programme",
            "name": _name_problem(name, "Name")
            or (
                "This service already has a programme with that name"
                if Programme.objects.filter(contract=contract, name=name).exists()
                else None
            ),
            "min_weeks": weeks_problem,
            "min_sessions": None
            if min_sessions is None or 1 <= min_sessions <= 200
            else "Minimum sessions must be between 1 and 200",
        }
    )
    programme = Programme.objects.create(
        contract=contract,
        kind=kind,
        name=name,
        min_weeks=min_weeks,
        min_sessions=min_sessions,
        created_by=created_by,
    )
    audit_event(
        actor=created_by,
        action=AuditAction.CREATE,
        target=programme,
        changes={"kind": [None, kind], "min_weeks": [None, min_weeks]},
    )
    return programme


@transaction.atomic
def run_create(
    *,
    programme: Programme,
    name: str,
    starts_on: date | None,
    planned_end_on: date | None,
    venue: str,
    facilitators: Iterable[User],
    created_by: User,
) -> ProgrammeRun:
    """A run (cohort) of the programme with its dates, venue and facilitators (staff of the
    provider). A perpetrator programme's run is planned for its minimum weeks at least (seed 001
    Lot 4 s5)."""
    if not created_by.has_perm("programmes.manage_programmes", programme):
        raise PermissionDenied
    name, venue = name.strip(), venue.strip()
    people = list(facilitators)
    provider_id = programme.contract.provider_id
    strangers = [
        u
        for u in people
        if not any(
            m.organisation_id == provider_id and m.role in STAFF_ROLES for m in u.memberships.all()
        )
    ]
    end_problem = None
    if starts_on and planned_end_on:
        if planned_end_on < starts_on:
            end_problem = "Planned end must be the same as or after the start"
        elif programme.min_weeks and planned_end_on < starts_on + timedelta(
            weeks=programme.min_weeks - 1
        ):
            end_problem = f"This programme runs at least {programme.min_weeks} weeks"
    refuse(
        {
            "name": _name_problem(name, "Name"),
            "starts_on": "Enter the start date"
            if starts_on is None
            else date_problem(starts_on, subject="Start date"),
            "planned_end_on": "Enter the planned end date"
            if planned_end_on is None
            else (end_problem or date_problem(planned_end_on, subject="Planned end")),
            "venue": text_problem(venue, subject="Venue", limit=VENUE_MAX),
            "facilitators": "Select at least one facilitator"
            if not people
            else ("Facilitators must be staff of this service" if strangers else None),
        }
    )
    assert starts_on is not None
    assert planned_end_on is not None
    run = ProgrammeRun.objects.create(
        programme=programme,
        name=name,
        starts_on=starts_on,
        planned_end_on=planned_end_on,
        venue=venue,
        created_by=created_by,
    )
    run.facilitators.set(people)
    audit_event(
        actor=created_by,
        action=AuditAction.CREATE,
        target=run,
        changes={"starts_on": [None, starts_on], "planned_end_on": [None, planned_end_on]},
    )
    return run


@transaction.atomic
def run_complete(*, run: ProgrammeRun, completed_on: date | None, by: User) -> ProgrammeRun:
    """The group is finished (seed 001 Lot 4 s8 "groups completed"): after its last group
    session, by a facilitator or manager; once."""
    run = ProgrammeRun.objects.select_for_update().select_related("programme").get(pk=run.pk)
    if not by.has_perm("programmes.run_sessions", run):
        raise PermissionDenied
    if run.completed_on is not None:
        raise ValidationError("This group is recorded as completed already")
    last = run.sessions.order_by("-held_on").values_list("held_on", flat=True).first()
    if last is None:
        raise ValidationError("A group with no sessions held cannot be completed")
    refuse({"completed_on": _today_or_before(completed_on, "Completion date", earliest=last)})
    run.completed_on = completed_on
    run.save(update_fields=["completed_on", "updated_at"])
    audit_event(
        actor=by,
        action=AuditAction.UPDATE,
        target=run,
        changes={"completed_on": [None, completed_on]},
    )
    return run


def _check_case(case: Case, by: User) -> None:
    if not may_change_case(by, case):
        raise PermissionDenied


@transaction.atomic
def enrolment_offer(
    *, run: ProgrammeRun, case: Case, offered_on: date | None, offered_by: User
) -> Enrolment:
    """Offer the person on this case a place on the run (seed 003 s13 "perpetrators offered
    support through the perpetrator programme"): an open case of the programme's contract, by
    someone who may change the case; once per run."""
    _check_case(case, offered_by)
    refusal = record_refusal(case)
    if refusal:
        raise ValidationError(refusal)
    if case.contract_id != run.programme.contract_id:
        raise ValidationError("This programme belongs to another service")
    refuse(
        {
            "run": "This group has finished" if run.completed_on else None,
            "offered_on": _today_or_before(offered_on, "Date offered"),
        }
    )
    if Enrolment.objects.filter(run=run, case=case).exists():
        refuse({"run": "This person has a place on this group already"})
    assert offered_on is not None
    enrolment = Enrolment.objects.create(
        run=run, case=case, offered_on=offered_on, offered_by=offered_by
    )
    audit_event(
        actor=offered_by,
        action=AuditAction.CREATE,
        target=enrolment,
        changes={"offered_on": [None, offered_on]},
    )
    timeline.place_offered(enrolment, offered_by)
    return enrolment


def _may_run(enrolment: Enrolment, by: User) -> None:
    """A facilitator or manager of the run, or someone who may change the person's case."""
    if not (
        by.has_perm("programmes.run_sessions", enrolment.run) or may_change_case(by, enrolment.case)
    ):
        raise PermissionDenied


def _locked(enrolment: Enrolment) -> Enrolment:
    return (
        Enrolment.objects.select_for_update()
        .select_related("run__programme__contract", "case__contract")
        .get(pk=enrolment.pk)
    )


@transaction.atomic
def pre_group_contact_record(
    *, enrolment: Enrolment, contacted_on: date | None, method: str, by: User
) -> PreGroupContact:
    """A contact before the group starts (seed 001 Lot 4 s8 "pre-group contacts")."""
    enrolment = _locked(enrolment)
    _may_run(enrolment, by)
    if enrolment.status not in NOT_YET_STARTED:
        raise ValidationError("Pre-group contacts are recorded before the person starts")
    refuse(
        {
            "contacted_on": _today_or_before(
                contacted_on, "Date of contact", earliest=enrolment.offered_on
            ),
            "method": None
            if method in PreGroupContactMethod.values
            else "Select how the contact was made",
        }
    )
    assert contacted_on is not None
    contact = PreGroupContact.objects.create(
        enrolment=enrolment, contacted_on=contacted_on, method=method, recorded_by=by
    )
    audit_event(actor=by, action=AuditAction.CREATE, target=contact)
    timeline.pre_group_contact(contact, by)
    return contact


@transaction.atomic
def pre_group_assessment_record(
    *, enrolment: Enrolment, assessed_on: date | None, suitable: bool | None, by: User
) -> Enrolment:
    """The pre-group assessment (seed 001 Lot 4 s8 "pre-group assessments"): its date and
    whether the person is suitable for the group; once, before they start."""
    enrolment = _locked(enrolment)
    _may_run(enrolment, by)
    if enrolment.status != EnrolmentStatus.OFFERED:
        raise ValidationError("The pre-group assessment is recorded once, before the person starts")
    refuse(
        {
            "assessed_on": _today_or_before(
                assessed_on, "Date of assessment", earliest=enrolment.offered_on
            ),
            "suitable": None if suitable is not None else "Select whether they are suitable",
        }
    )
    enrolment.assessed_on = assessed_on
    enrolment.assessed_suitable = suitable
    enrolment.status = EnrolmentStatus.ASSESSED
    enrolment.save(update_fields=["assessed_on", "assessed_suitable", "status", "updated_at"])
    audit_event(
        actor=by,
        action=AuditAction.UPDATE,
        target=enrolment,
        changes={"assessed_on": [None, assessed_on], "assessed_suitable": [None, suitable]},
    )
    timeline.assessed(enrolment, by)
    return enrolment


def start_problem(enrolment: Enrolment) -> str | None:
    """Why this person cannot start yet: a perpetrator programme needs a pre-group assessment
    found suitable first (seed 001 Lot 4 s5: assessment relating to perpetration)."""
    if enrolment.status not in NOT_YET_STARTED:
        return "Only someone offered a place who has not started can start"
    if enrolment.run.programme.kind == ProgrammeKind.PERPETRATOR and not (
        enrolment.status == EnrolmentStatus.ASSESSED and enrolment.assessed_suitable
    ):
        return "A perpetrator programme needs a pre-group assessment finding them suitable first"
    return None


def start(enrolment: Enrolment, started_on: date, by: User) -> None:
    """Start a locked enrolment (the register calls this when someone first attends)."""
    enrolment.status = EnrolmentStatus.STARTED
    enrolment.started_on = started_on
    enrolment.save(update_fields=["status", "started_on", "updated_at"])
    audit_event(
        actor=by,
        action=AuditAction.UPDATE,
        target=enrolment,
        changes={"status": [None, EnrolmentStatus.STARTED.value], "started_on": [None, started_on]},
    )


def completion_problem(enrolment: Enrolment, completed_on: date) -> str | None:
    """seed 001 Lot 4 s5: a perpetrator programme is "at least 26 weeks in duration", so
    completing one needs the programme's minimum weeks from the start and its minimum sessions
    attended (every programme may set either)."""
    programme = enrolment.run.programme
    assert enrolment.started_on is not None
    if programme.min_weeks and completed_on < enrolment.started_on + timedelta(
        weeks=programme.min_weeks - 1
    ):
        return (
            f"{programme.name} needs at least {programme.min_weeks} weeks on the programme to "
            f"complete; they started on {enrolment.started_on:%-d %B %Y}"
        )
    attended = enrolment.attendance.filter(mark=AttendanceMark.ATTENDED).count()
    if programme.min_sessions and attended < programme.min_sessions:
        return (
            f"{programme.name} needs at least {programme.min_sessions} sessions attended to "
            f"complete; they have attended {attended}"
        )
    return None


@transaction.atomic
def enrolment_complete(*, enrolment: Enrolment, completed_on: date | None, by: User) -> Enrolment:
    """The person completed the programme (seed 001 Lot 1 s8, Lot 4 s8 "finishing groups"),
    meeting its minimum weeks and sessions (`completion_problem`)."""
    enrolment = _locked(enrolment)
    _may_run(enrolment, by)
    if enrolment.status != EnrolmentStatus.STARTED:
        raise ValidationError("Only someone who has started can complete")
    assert enrolment.started_on is not None
    problem = _today_or_before(completed_on, "Completion date", earliest=enrolment.started_on)
    if problem is None and completed_on is not None:
        problem = completion_problem(enrolment, completed_on)
    refuse({"completed_on": problem})
    enrolment.status = EnrolmentStatus.COMPLETED
    enrolment.completed_on = completed_on
    enrolment.save(update_fields=["status", "completed_on", "updated_at"])
    audit_event(
        actor=by,
        action=AuditAction.UPDATE,
        target=enrolment,
        changes={"status": ["started", "completed"], "completed_on": [None, completed_on]},
    )
    timeline.completed(enrolment, by)
    return enrolment


@transaction.atomic
def enrolment_drop_out(
    *, enrolment: Enrolment, ended_on: date | None, reason: str, detail: str, by: User
) -> Enrolment:
    """The person left before completing, with a reason from the list ("other" needs its
    detail): dropped out once started, otherwise did not start."""
    enrolment = _locked(enrolment)
    _may_run(enrolment, by)
    if enrolment.status not in OPEN:
        raise ValidationError("This place has ended already")
    detail = detail.strip()
    earliest = enrolment.started_on or enrolment.offered_on
    detail_problem = text_problem(detail, subject="Detail", limit=DETAIL_MAX)
    if reason == DropOutReason.OTHER and not detail:
        detail_problem = "Enter why they left"
    refuse(
        {
            "ended_on": _today_or_before(ended_on, "Date they left", earliest=earliest),
            "reason": None if reason in DropOutReason.values else "Select why they left",
            "detail": detail_problem,
        }
    )
    before = enrolment.status
    enrolment.status = (
        EnrolmentStatus.DROPPED_OUT
        if before == EnrolmentStatus.STARTED
        else EnrolmentStatus.NOT_STARTED
    )
    enrolment.ended_on = ended_on
    enrolment.drop_out_reason = reason
    enrolment.drop_out_detail = detail
    enrolment.save(
        update_fields=["status", "ended_on", "drop_out_reason", "drop_out_detail", "updated_at"]
    )
    audit_event(
        actor=by,
        action=AuditAction.UPDATE,
        target=enrolment,
        changes={"status": [before, enrolment.status], "drop_out_reason": ["", reason]},
    )
    timeline.left(enrolment, by)
    return enrolment
