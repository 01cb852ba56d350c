"""Every write about MARAC meetings (reference.md s2): an area, a meeting (date, agencies
present, IDVA attendance), the referred cases it heard with their outcome and representation,
and the actions agreed with their status. Team leaders and service managers of the provider
keep them; each write is atomic and audited, and a hearing goes on the case's timeline."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from haven.accounts.models import User
from haven.accounts.roles import MANAGER_ROLES
from haven.accounts.signed_in import Viewer
from haven.casework.event_kinds import CaseEventKind
from haven.casework.services import case_event_record
from haven.contracts.models import Organisation
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.marac.models import (
    ActionStatus,
    MaracAction,
    MaracAgency,
    MaracArea,
    MaracHearing,
    MaracMeeting,
    MaracReferral,
)
from haven.validators import date_problem, refuse, text_problem

AREA_NAME_MAX_LENGTH = 100
OUTCOME_MAX_LENGTH = 2_000
ACTION_MAX_LENGTH = 1_000


def marac_organisation_ids(user: Viewer | None) -> set[Any]:
    """The organisations whose MARAC meetings `user` keeps: team leaders and service managers
    there (a superuser: every organisation)."""
    if not isinstance(user, User) or not user.is_active:
        return set()
    if user.is_superuser:
        return set(Organisation.objects.values_list("pk", flat=True))
    return set(
        user.memberships.filter(role__in=MANAGER_ROLES, organisation__isnull=False).values_list(
            "organisation_id", flat=True
        )
    )


def _check_keeper(actor: User, organisation_id: Any) -> None:
    if organisation_id not in marac_organisation_ids(actor):
        raise PermissionDenied("Only the service's team leaders and managers keep its MARACs")


def _past_day(value: date, subject: str, earliest: date | None = None) -> str | None:
    if value > timezone.localdate():
        return f"{subject} must be today or in the past"
    return date_problem(value, subject=subject, earliest=earliest)


def _agencies(values: list[str]) -> list[str]:
    chosen = set(values)
    return [a for a in MaracAgency.values if a in chosen]


@transaction.atomic
def marac_area_create(*, organisation: Organisation, actor: User, name: str) -> MaracArea:
    """A MARAC the service refers to; the name is unique in the organisation."""
    _check_keeper(actor, organisation.pk)
    name = " ".join(name.split())
    taken = MaracArea.objects.filter(organisation=organisation, name__iexact=name).exists()
    refuse(
        {
            "name": "Enter the name of the MARAC area"
            if not name
            else "There is already a MARAC area with this name"
            if taken
            else text_problem(name, subject="The name", limit=AREA_NAME_MAX_LENGTH)
        }
    )
    area = MaracArea.objects.create(organisation=organisation, name=name)
    audit_event(actor=actor, action=AuditAction.CREATE, target=area, changes={"name": [None, name]})
    return area


@transaction.atomic
def marac_meeting_record(
    *, area: MaracArea, actor: User, held_on: date, agencies_present: list[str], idva_attended: bool
) -> MaracMeeting:
    """A meeting of the area's MARAC on a day (one a day), who was present, and whether the
    service's IDVA attended (seed 004 s6.7: attend all local MARACs)."""
    _check_keeper(actor, area.organisation_id)
    agencies = _agencies(agencies_present)
    taken = MaracMeeting.objects.filter(area=area, held_on=held_on).exists()
    refuse(
        {
            "held_on": f"A {area.name} MARAC meeting on this day is already recorded"
            if taken
            else _past_day(held_on, "Date of the meeting"),
            "agencies_present": None if agencies else "Select the agencies present",
        }
    )
    meeting = MaracMeeting.objects.create(
        area=area,
        held_on=held_on,
        agencies_present=agencies,
        idva_attended=idva_attended,
        recorded_by=actor,
        recorded_at=timezone.now(),
    )
    audit_event(
        actor=actor,
        action=AuditAction.CREATE,
        target=meeting,
        changes={
            "area": [None, area.name],
            "held_on": [None, held_on],
            "agencies_present": [None, agencies],
            "idva_attended": [None, idva_attended],
        },
    )
    return meeting


@transaction.atomic
def marac_hearing_record(
    *,
    meeting: MaracMeeting,
    referral: MaracReferral,
    actor: User,
    outcome: str,
    idva_represented: bool,
) -> MaracHearing:
    """A referred case heard at the meeting, its outcome and whether the service represented the
    victim; on the case's timeline. Refuses a referral to another area, one referred after the
    meeting, or one already heard there."""
    _check_keeper(actor, meeting.area.organisation_id)
    outcome = outcome.strip()
    refuse(
        {
            "referral": "Select a case referred to this MARAC"
            if referral.area_id != meeting.area_id
            else "This case was referred after the meeting"
            if referral.referred_on > meeting.held_on
            else "This case is already recorded as heard at this meeting"
            if MaracHearing.objects.filter(meeting=meeting, referral=referral).exists()
            else None,
            "outcome": text_problem(outcome, subject="The outcome", limit=OUTCOME_MAX_LENGTH),
        }
    )
    hearing = MaracHearing.objects.create(
        meeting=meeting,
        referral=referral,
        outcome=outcome,
        idva_represented=idva_represented,
        recorded_by=actor,
        recorded_at=timezone.now(),
    )
    audit_event(
        actor=actor,
        action=AuditAction.CREATE,
        target=hearing,
        changes={
            "referral": [None, str(referral.pk)],
            "idva_represented": [None, idva_represented],
        },
    )
    held = timezone.make_aware(datetime.combine(meeting.held_on, time(12)))
    case_event_record(
        case=referral.case,
        kind=CaseEventKind.MARAC_HEARD,
        actor=actor,
        target=hearing,
        summary=f"Heard at {meeting.area.name} MARAC",
        data={},
        occurred_at=min(held, timezone.now()),
    )
    return hearing


@transaction.atomic
def marac_action_record(
    *, hearing: MaracHearing, actor: User, owning_agency: str, description: str, due_on: date
) -> MaracAction:
    """An action agreed at the hearing (reference.md s2: owner agency, description, due)."""
    _check_keeper(actor, hearing.meeting.area.organisation_id)
    description = description.strip()
    refuse(
        {
            "owning_agency": None
            if owning_agency in MaracAgency.values
            else "Select the agency that owns the action",
            "description": "Enter the action"
            if not description
            else text_problem(description, subject="The action", limit=ACTION_MAX_LENGTH),
            "due_on": date_problem(
                due_on, subject="Date the action is due", earliest=hearing.meeting.held_on
            ),
        }
    )
    action = MaracAction.objects.create(
        hearing=hearing,
        owning_agency=owning_agency,
        description=description,
        due_on=due_on,
        recorded_by=actor,
        recorded_at=timezone.now(),
    )
    audit_event(
        actor=actor,
        action=AuditAction.CREATE,
        target=action,
        changes={"owning_agency": [None, owning_agency], "due_on": [None, due_on]},
    )
    return action


@transaction.atomic
def marac_action_status_set(
    *, action: MaracAction, actor: User, status: str, status_on: date
) -> MaracAction:
    """Where an action stands: done, or not done because the agency did not act or because
    circumstances changed (reference.md s2 keeps these apart), or open again."""
    action = (
        MaracAction.objects.select_for_update()
        .select_related("hearing__meeting__area")
        .get(pk=action.pk)
    )
    _check_keeper(actor, action.hearing.meeting.area.organisation_id)
    refuse(
        {
            "status": None if status in ActionStatus.values else "Select where the action stands",
            "status_on": _past_day(status_on, "Date", earliest=action.hearing.meeting.held_on),
        }
    )
    before = action.status
    action.status = status
    action.status_on = None if status == ActionStatus.OPEN else status_on
    action.save(update_fields=["status", "status_on", "updated_at"])
    audit_event(
        actor=actor,
        action=AuditAction.UPDATE,
        target=action,
        changes={"status": [before, status]},
    )
    return action


def refusal_message(refused: ValidationError) -> str:
    return "; ".join(refused.messages)
