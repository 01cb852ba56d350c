"""Every write about a case's MARAC: evaluating the referral criteria (a task on the worklist),
recording a new incident (repeat MARAC) and recording a referral. Atomic and audited, each with
a timeline entry pointing at its row (STYLE habit 1)."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from haven.accounts.models import User
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import Case, Task, TaskStatus
from haven.casework.rules import record_refusal
from haven.casework.services import case_event_record
from haven.casework.services.tasks import task_complete
from haven.consent.models import ShareBasis, ShareKind
from haven.consent.services import share_record
from haven.contracts.profiles.stored import profile_of
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.deadlines.working_days import WorkingDayCalendar
from haven.marac.criteria import criteria_from_reasons, escalated, is_repeat
from haven.marac.models import (
    Incident,
    MaracAgency,
    MaracArea,
    MaracCriterion,
    MaracReferral,
)
from haven.risk.models import RiskAssessment
from haven.risk.reassessments import reassessment_task_create
from haven.risk.selectors import latest_assessment, risk_settings_for
from haven.validators import date_problem, refuse, text_problem

SUMMARY_MAX_LENGTH = 2_000
RESEARCH_MAX_LENGTH = 10_000
POLICE_REFERENCE_MAX_LENGTH = 50
MARAC_ACTION = "marac_referral"  # deadlines.rules.Action.MARAC_REFERRAL
TASK_RULE = "marac_criteria"
CRITERIA_CITATION = "reference.md s1.4"
CORNWALL_CITATION = "seed 004 s4.2"


def marac_refusal(case: Case) -> str | None:
    """Why nothing about MARAC may be recorded on this case, or None."""
    return record_refusal(case)


def _person_referrals(case: Case) -> QuerySet[MaracReferral]:
    """The person's MARAC referrals on any of their cases, latest first."""
    return MaracReferral.objects.filter(case__person_id=case.person_id).order_by(
        "-referred_on", "-recorded_at"
    )


def last_referral(case: Case, *, on_or_before: date) -> MaracReferral | None:
    return _person_referrals(case).filter(referred_on__lte=on_or_before).first()


def _criteria_text(criteria: list[str]) -> str:
    return ", ".join(MaracCriterion(c).label.lower() for c in criteria)


def _due_at(case: Case, moment: datetime) -> datetime:
    """By the end of the next working day (the seeds set no timescale; Cornwall's profile rule
    `marac_referral_high_risk` says the same)."""
    try:
        calendar = profile_of(case.contract).working_day_calendar()
    except ValueError:
        calendar = WorkingDayCalendar()
    day = calendar.add_working_days(timezone.localdate(moment), 1)
    return timezone.make_aware(datetime.combine(day, time(17, 0)))


def _outstanding_marac_tasks(case: Case) -> QuerySet[Task]:
    return (
        case.tasks.filter(action=MARAC_ACTION, completed_at__isnull=True)
        .exclude(status=TaskStatus.CANCELLED)
        .order_by("due_at")
    )


def marac_task_rule_key(existing_rule_keys: list[str]) -> str:
    """`marac_criteria`, then `marac_criteria#2`... (a task's rule key is unique per case)."""
    count = sum(1 for k in existing_rule_keys if k == TASK_RULE or k.startswith(f"{TASK_RULE}#"))
    return TASK_RULE if count == 0 else f"{TASK_RULE}#{count + 1}"


def marac_task_fields(
    case: Case, *, criteria: list[str], why: str, moment: datetime, citation: str, rule_key: str
) -> dict[str, Any]:
    """A new MARAC referral task's fields, the case aside (the service and the demo recorder)."""
    return {
        "rule_key": rule_key,
        "label": "MARAC referral",
        "action": MARAC_ACTION,
        "due_at": _due_at(case, moment),
        "explanation": (
            f"{why} met the MARAC referral criteria ({_criteria_text(criteria)}). Refer the case "
            "to its MARAC and record the referral; the task is done when it is recorded."
        ),
        "citation": citation,
        "allocated_to_id": case.allocated_to_id,
        "team_id": case.team_id,
    }


def task_created_summary(task: Task) -> str:
    return f"Deadline set: {task.label} (due {timezone.localtime(task.due_at):%d %b %Y %H:%M})"


def marac_task_ensure(
    *, case: Case, actor: User, criteria: list[str], why: str, moment: datetime, citation: str
) -> Task | None:
    """A "MARAC referral" task on the case's worklist for criteria met at `moment`, unless one is
    outstanding already (e.g. Cornwall's profile rule) or the person was referred since. Returns
    the new task, or None."""
    if not criteria or record_refusal(case) is not None:
        return None
    if _outstanding_marac_tasks(case).exists():
        return None
    if _person_referrals(case).filter(referred_on__gte=timezone.localdate(moment)).exists():
        return None
    rule_key = marac_task_rule_key(list(case.tasks.values_list("rule_key", flat=True)))
    fields = marac_task_fields(
        case, criteria=criteria, why=why, moment=moment, citation=citation, rule_key=rule_key
    )
    task = Task.objects.create(case=case, **fields)
    audit_event(
        actor=actor,
        action=AuditAction.CREATE,
        target=task,
        changes={
            "due_at": [None, task.due_at],
            "rule_key": [None, rule_key],
            "criteria": [None, criteria],
        },
    )
    case_event_record(
        case=case,
        kind=CaseEventKind.TASK_CREATED,
        actor=actor,
        target=task,
        summary=task_created_summary(task),
        data={"rule_key": rule_key, "citation": citation},
    )
    return task


def assessment_criteria(assessment: RiskAssessment) -> tuple[list[str], str]:
    """The referral criteria a completed checklist met (reference.md s1.4), or high risk where
    the profile says every high-risk case is referred (seed 004 s4.2, s7.5); and the citation."""
    criteria = criteria_from_reasons(r.get("code", "") for r in assessment.reasons or [])
    if not assessment.marac_referral_required:
        return criteria, CRITERIA_CITATION
    # seed 004 s4.2: all high-risk referrals into the refuge must trigger a referral to MARAC
    return criteria or [MaracCriterion.VISIBLE_HIGH_RISK.value], CORNWALL_CITATION


def assessment_why(assessment: RiskAssessment) -> str:
    return f"The risk checklist of {timezone.localtime(assessment.completed_at):%d %b %Y}"


def marac_criteria_on_assessment(assessment: RiskAssessment, actor: User) -> None:
    """risk's hook (risk/hooks.py): a completed checklist meeting the referral criteria puts a
    MARAC referral task on the case's worklist."""
    criteria, citation = assessment_criteria(assessment)
    marac_task_ensure(
        case=assessment.case,
        actor=actor,
        criteria=criteria,
        why=assessment_why(assessment),
        moment=assessment.completed_at,
        citation=citation,
    )


def _check_writer(case: Case, actor: User) -> None:
    refusal = marac_refusal(case)
    if refusal:
        raise ValidationError(refusal)
    if getattr(actor, "is_authenticated", False) and not actor.has_perm(
        "casework.change_case", case
    ):
        raise PermissionDenied("You may not change this case")


def _past_day(value: date, subject: str, earliest: date | None = None) -> str | None:
    if value > timezone.localdate():
        return f"{subject} must be today or in the past"
    return date_problem(value, subject=subject, earliest=earliest)


def _timeline_moment(day: date) -> datetime:
    """Noon that day (its time is not known), or now when that is earlier."""
    return min(timezone.make_aware(datetime.combine(day, time(12))), timezone.now())


@transaction.atomic
def incident_record(
    *,
    case: Case,
    recorded_by: User,
    occurred_on: date,
    summary: str,
    police_reference: str = "",
) -> Incident:
    """A new incident on the case, on the timeline. Within 12 months of the person's last MARAC
    referral it is a repeat MARAC (reference.md s1.4); with the area's number of incidents in
    12 months it is potential escalation; either puts a MARAC referral task on the worklist."""
    _check_writer(case, recorded_by)
    summary, police_reference = summary.strip(), police_reference.strip()
    refuse(
        {
            "occurred_on": _past_day(occurred_on, "Date of the incident"),
            "summary": "Enter what happened"
            if not summary
            else text_problem(summary, subject="What happened", limit=SUMMARY_MAX_LENGTH),
            "police_reference": text_problem(
                police_reference,
                subject="Police reference",
                limit=POLICE_REFERENCE_MAX_LENGTH,
            ),
        }
    )
    last = last_referral(case, on_or_before=occurred_on)
    repeat = is_repeat(last.referred_on if last else None, occurred_on)
    incident = Incident(
        case=case,
        occurred_on=occurred_on,
        summary=summary,
        police_reference=police_reference,
        repeat_marac=repeat,
        last_referral=last if repeat else None,
        recorded_by=recorded_by,
        recorded_at=timezone.now(),
    )
    incident.save(force_insert=True)
    audit_event(
        actor=recorded_by,
        action=AuditAction.CREATE,
        target=incident,
        changes={"occurred_on": [None, occurred_on], "repeat_marac": [None, repeat]},
    )
    case_event_record(
        case=case,
        kind=CaseEventKind.INCIDENT_RECORDED,
        actor=recorded_by,
        target=incident,
        summary="New incident recorded" + (": a repeat MARAC" if repeat else ""),
        data={},
        occurred_at=_timeline_moment(occurred_on),
    )
    criteria = [MaracCriterion.REPEAT.value] if repeat else []
    days = Incident.objects.filter(case__person_id=case.person_id).values_list(
        "occurred_on", flat=True
    )
    threshold = risk_settings_for(case.contract).thresholds.escalation_incidents_12m
    if escalated(days, occurred_on, threshold):
        criteria.insert(0, MaracCriterion.POTENTIAL_ESCALATION.value)
    marac_task_ensure(
        case=case,
        actor=recorded_by,
        criteria=criteria,
        why=f"The incident of {occurred_on:%d %b %Y}",
        moment=timezone.now(),
        citation=CRITERIA_CITATION,
    )
    # seed 004 s4.2: risk is reassessed after any incident (where the profile asks)
    reassessment_task_create(
        case=case, actor=recorded_by, start=timezone.now(), why="a new incident"
    )
    return incident


@transaction.atomic
def marac_referral_record(
    *,
    case: Case,
    referred_by: User,
    area: MaracArea,
    referred_on: date,
    referring_agency: str,
    criteria: list[str],
    judgement_reasons: str = "",
    research_summary: str = "",
    consent: bool,
    victim_aware: bool,
    without_consent_reason: str = "",
    without_consent_basis: str = ShareBasis.SAFEGUARDING,
) -> MaracReferral:
    """A referral of the case to its MARAC (reference.md s2). It is a repeat when the person
    was referred in the 12 months before (reference.md s1.4); professional judgement needs its
    reasons; sharing without consent needs the reason it may be shared. Completes the case's
    outstanding MARAC referral task."""
    _check_writer(case, referred_by)
    judgement_reasons = judgement_reasons.strip()
    research_summary = research_summary.strip()
    without_consent_reason = without_consent_reason.strip()
    criteria = [c for c in MaracCriterion.values if c in set(criteria)]
    previous = last_referral(case, on_or_before=referred_on)
    repeat = previous is not None and is_repeat(previous.referred_on, referred_on)
    if repeat and MaracCriterion.REPEAT.value not in criteria:
        criteria.append(MaracCriterion.REPEAT.value)
    judgement = MaracCriterion.PROFESSIONAL_JUDGEMENT.value in criteria
    refuse(
        {
            "area": None
            if area.organisation_id == case.contract.provider_id
            else "Select a MARAC area of this service",
            "referred_on": _past_day(referred_on, "Date referred"),
            "referring_agency": None
            if referring_agency in MaracAgency.values
            else "Select the referring agency",
            "criteria": None if criteria else "Select the criteria the referral meets",
            "judgement_reasons": "Give the reasons for your professional judgement"
            if judgement and not judgement_reasons
            else text_problem(judgement_reasons, subject="The reasons", limit=SUMMARY_MAX_LENGTH),
            "research_summary": text_problem(
                research_summary, subject="The summary", limit=RESEARCH_MAX_LENGTH
            ),
            "without_consent_reason": "Give the reason the referral may be shared without consent"
            if not consent and not without_consent_reason
            else text_problem(
                without_consent_reason, subject="The reason", limit=SUMMARY_MAX_LENGTH
            ),
        }
    )
    assessment = latest_assessment(case)
    referral = MaracReferral(
        case=case,
        area=area,
        referred_on=referred_on,
        referring_agency=referring_agency,
        criteria=criteria,
        ric_score=assessment.score if assessment else None,
        judgement_reasons=judgement_reasons if judgement else "",
        research_summary=research_summary,
        consent=consent,
        victim_aware=victim_aware or consent,
        without_consent_reason="" if consent else without_consent_reason,
        is_repeat=repeat,
        previous_referral=previous if repeat else None,
        assessment=assessment,
        referred_by=referred_by,
        recorded_at=timezone.now(),
    )
    referral.save(force_insert=True)
    # issue 15 item 2: the share register, with the consent given for the referral or, without
    # it, the lawful basis (reference.md s7: DPA 2018 Sch. 1 para 18 safeguarding by default)
    share_record(
        person=case.person,
        case=case,
        recipient=f"{area.name} MARAC",
        purpose="MARAC referral",
        kind=ShareKind.MARAC_REFERRAL,
        basis=ShareBasis.CONSENT if consent else without_consent_basis,
        reason=referral.without_consent_reason,
        consent_given_now=consent,
        shared_by=referred_by,
        at=_timeline_moment(referred_on),
        source=referral,
    )
    audit_event(
        actor=referred_by,
        action=AuditAction.CREATE,
        target=referral,
        changes={
            "area": [None, area.name],
            "referred_on": [None, referred_on],
            "referring_agency": [None, referring_agency],
            "criteria": [None, criteria],
            "consent": [None, consent],
            "is_repeat": [None, repeat],
        },
    )
    case_event_record(
        case=case,
        kind=CaseEventKind.MARAC_REFERRAL,
        actor=referred_by,
        target=referral,
        summary=f"Referred to {area.name} MARAC" + (" (repeat)" if repeat else ""),
        data={},
        occurred_at=_timeline_moment(referred_on),
    )
    done_at = max(_timeline_moment(referred_on), case.opened_at)
    for task in _outstanding_marac_tasks(case):
        task_complete(task=task, done_at=done_at, actor=referred_by, how="MARAC referral recorded")
    return referral


def marac_referral_view_record(*, referral: MaracReferral, viewed_by: User, export: bool) -> None:
    """Audit that someone read (or printed) a referral: it holds the research summary."""
    audit_event(
        actor=viewed_by,
        action=AuditAction.EXPORT if export else AuditAction.VIEW,
        target=referral,
    )
