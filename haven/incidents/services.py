"""Record serious incidents: the row, its audit, the commissioner-notification deadline from the
contract's profile and, for a case, the case timeline and a deadline task (STYLE habit 1)."""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from pydantic import ValidationError as ProfileError

from haven.accounts.models import User
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import Case, Task
from haven.casework.services import case_event_record
from haven.casework.services.tasks import deadline_task_fields, task_complete
from haven.contracts.models import Contract
from haven.contracts.profiles.stored import profile_of
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.deadlines import ComputedDeadline, RiskLevel, Situation, StartEvent, evaluate
from haven.incidents.models import IncidentKind, ReviewStatus, SeriousIncident
from haven.validators import date_problem, moment_problem, refuse, text_problem

SUMMARY_MAX_LENGTH = 5_000
RECIPIENT_MAX_LENGTH = 200
REVIEW_MAX_LENGTH = 10_000


def notification_deadline(
    contract: Contract, occurred_at: datetime, *, risk: str = ""
) -> ComputedDeadline | None:
    """The earliest due of the profile's rules whose clock starts at a serious incident (seed 004
    s9: "to the commissioner within 3 days of the incident"), or None when the contract sets
    no such duty."""
    try:
        profile = profile_of(contract)
    except (ProfileError, ValueError):
        return None
    rules = [rule for rule in profile.rules() if rule.start is StartEvent.SERIOUS_INCIDENT]
    situation = Situation(
        events={StartEvent.SERIOUS_INCIDENT: occurred_at},
        risk=RiskLevel(risk) if risk else None,
    )
    computed = evaluate(rules, situation, profile.service_clock()).computed
    return min(computed, key=lambda deadline: deadline.due, default=None)


def _task_key(case: Case, rule_key: str) -> str:
    """The task's rule key: the rule's own for the case's first serious incident, numbered after
    (a task is once per rule and case)."""
    taken = set(case.tasks.filter(rule_key__startswith=rule_key).values_list("rule_key", flat=True))
    if rule_key not in taken:
        return rule_key
    number = 2
    while f"{rule_key}_{number}" in taken:
        number += 1
    return f"{rule_key}_{number}"


def _notification_task(case: Case, deadline: ComputedDeadline, actor: User) -> Task:
    fields = deadline_task_fields(case, deadline)
    fields["rule_key"] = _task_key(case, deadline.rule.key)
    task = Task.objects.create(case=case, **fields)
    audit_event(
        actor=actor, action=AuditAction.CREATE, target=task, changes={"due_at": [None, task.due_at]}
    )
    case_event_record(
        case=case,
        kind=CaseEventKind.TASK_CREATED,
        actor=actor,
        target=task,
        summary=f"Deadline set: {deadline.rule.label} "
        f"(due {timezone.localtime(deadline.due):%d %b %Y %H:%M})",
        data={"rule_key": deadline.rule.key, "citation": deadline.rule.citation},
    )
    return task


@transaction.atomic
def serious_incident_record(
    *,
    contract: Contract,
    recorded_by: User,
    kind: str,
    occurred_at: datetime,
    summary: str,
    case: Case | None = None,
) -> SeriousIncident:
    """A serious incident against a case (then on the case's contract) or the service alone.
    Its notification deadline runs from the incident itself (seed 004 s9), never from the
    referral; on a case it is also a deadline task. A closed case takes one (a homicide after
    support ended is still a domestic homicide review)."""
    if case is not None and case.contract_id != contract.pk:
        raise ValueError("the case is not under this contract")
    summary = summary.strip()
    now = timezone.now()
    refuse(
        {
            "kind": None if kind in IncidentKind.values else "Select the kind of incident",
            "occurred_at": moment_problem(occurred_at, subject="Date of the incident", now=now),
            "summary": "Enter what happened"
            if not summary
            else text_problem(summary, subject="What happened", limit=SUMMARY_MAX_LENGTH),
        }
    )
    deadline = notification_deadline(
        contract, occurred_at, risk=case.risk_level if case is not None else ""
    )
    incident = SeriousIncident(
        contract=contract,
        case=case,
        kind=kind,
        occurred_at=occurred_at,
        summary=summary,
        notification_due_at=deadline.due if deadline else None,
        notification_rule=deadline.rule.key if deadline else "",
        notification_explanation=deadline.explanation[:500] if deadline else "",
        recorded_by=recorded_by,
        recorded_at=now,
    )
    if case is not None and deadline is not None:
        incident.task = _notification_task(case, deadline, recorded_by)
    incident.save(force_insert=True)
    audit_event(
        actor=recorded_by,
        action=AuditAction.CREATE,
        target=incident,
        changes={  # what happened stays on the row
            "kind": [None, kind],
            "occurred_at": [None, occurred_at],
            "case": [None, str(case.pk) if case else None],
            "notification_due_at": [None, incident.notification_due_at],
        },
    )
    if case is not None:
        case_event_record(
            case=case,
            kind=CaseEventKind.SERIOUS_INCIDENT,
            actor=recorded_by,
            target=incident,
            summary=f"Serious incident: {IncidentKind(kind).label.lower()}",
            data={},
            occurred_at=min(occurred_at, now),
        )
    return incident


def notification_refusal(incident: SeriousIncident) -> str | None:
    if incident.notified_at is not None:
        return "The commissioner has already been told of this incident"
    return None


@transaction.atomic
def serious_incident_notify(
    *, incident: SeriousIncident, notified_by: User, notified_at: datetime, notified_to: str
) -> SeriousIncident:
    """The commissioner was told (when, and whom: a role or team, e.g. "Cornwall Council
    commissioning team"); meets or breaches the deadline task. Once only."""
    incident = SeriousIncident.objects.select_for_update().get(pk=incident.pk)
    refusal = notification_refusal(incident)
    if refusal:
        raise ValidationError(refusal)
    notified_to = notified_to.strip()
    refuse(
        {
            "notified_at": moment_problem(
                notified_at,
                subject="Date reported",
                now=timezone.now(),
                not_before=incident.occurred_at.replace(second=0, microsecond=0),
                not_before_what="the incident",
            ),
            "notified_to": "Enter who was told"
            if not notified_to
            else text_problem(notified_to, subject="Who was told", limit=RECIPIENT_MAX_LENGTH),
        }
    )
    incident.notified_at, incident.notified_to, incident.notified_by = (
        notified_at,
        notified_to,
        notified_by,
    )
    incident.save(update_fields=["notified_at", "notified_to", "notified_by", "updated_at"])
    audit_event(
        actor=notified_by,
        action=AuditAction.UPDATE,
        target=incident,
        changes={"notified_at": [None, notified_at], "notified_to": [None, notified_to]},
    )
    task = incident.task
    if task is not None and task.is_outstanding:
        task_complete(
            task=task,
            done_at=notified_at,
            actor=notified_by,
            how="reported to the commissioner",
        )
    if incident.case_id is not None:
        case_event_record(
            case=incident.case,  # type: ignore[arg-type]
            kind=CaseEventKind.SERIOUS_INCIDENT_NOTIFIED,
            actor=notified_by,
            target=incident,
            summary=f"Serious incident reported to the commissioner ({notified_to})",
            data={},
            occurred_at=notified_at,
        )
    return incident


@transaction.atomic
def serious_incident_review(
    *,
    incident: SeriousIncident,
    reviewed_by: User,
    review_status: str,
    findings: str,
    learning: str,
    action_plan: str,
    review_completed_on: date | None,
) -> SeriousIncident:
    """The incident's review (seed 004 s9: investigation, findings, learning and an action plan
    to implement it); a completed review has its date, not before the incident."""
    incident = SeriousIncident.objects.select_for_update().get(pk=incident.pk)
    findings, learning, action_plan = findings.strip(), learning.strip(), action_plan.strip()
    completed = review_status == ReviewStatus.COMPLETED
    occurred = timezone.localtime(incident.occurred_at).date()
    refuse(
        {
            "review_status": None
            if review_status in ReviewStatus.values
            else "Select where the review is",
            "findings": text_problem(findings, subject="Findings", limit=REVIEW_MAX_LENGTH),
            "learning": text_problem(learning, subject="Learning", limit=REVIEW_MAX_LENGTH),
            "action_plan": text_problem(
                action_plan, subject="Action plan", limit=REVIEW_MAX_LENGTH
            ),
            "review_completed_on": _completed_problem(completed, review_completed_on, occurred),
        }
    )
    before = {
        "review_status": incident.review_status,
        "review_completed_on": incident.review_completed_on,
    }
    incident.review_status = review_status
    incident.findings, incident.learning, incident.action_plan = findings, learning, action_plan
    incident.review_completed_on = review_completed_on if completed else None
    incident.save(
        update_fields=[
            "review_status",
            "findings",
            "learning",
            "action_plan",
            "review_completed_on",
            "updated_at",
        ]
    )
    audit_event(
        actor=reviewed_by,
        action=AuditAction.UPDATE,
        target=incident,
        changes={
            "review_status": [before["review_status"], review_status],
            "review_completed_on": [before["review_completed_on"], incident.review_completed_on],
        },
    )
    return incident


def _completed_problem(completed: bool, on: date | None, occurred: date) -> str | None:
    if not completed:
        return None
    if on is None:
        return "Enter the date the review was completed"
    if on > timezone.localdate():
        return "Date the review was completed must be today or in the past"
    return date_problem(on, subject="Date the review was completed", earliest=occurred)
