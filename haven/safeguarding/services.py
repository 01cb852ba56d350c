"""Record the safeguarding of a household's children: each child's record (school, child
protection plan, child in need, looked after, the child's voice) and the referrals, submissions
and meetings about them (seed 004 s6.5, s10 SC1-SC8; seed 001 Lot 1 s8). Each write is one
row, its audit and a timeline entry pointing at it (STYLE habit 1); refused on a closed case.
"""

from __future__ import annotations

from datetime import date, datetime, time

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from haven.accounts.models import User
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import Case
from haven.casework.rules import record_refusal
from haven.casework.services import case_event_record
from haven.consent.models import ShareBasis, ShareKind
from haven.consent.services import share_record
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.people.models import HouseholdLink, Person
from haven.safeguarding.models import (
    FAMILY_KINDS,
    MEETING_KINDS,
    NOTES_MAX_LENGTH,
    SCHOOL_MAX_LENGTH,
    VOICE_MAX_LENGTH,
    ChildRecord,
    EventKind,
    SafeguardingEvent,
)
from haven.validators import date_problem, refuse, text_problem

PERIODS = {
    "cp_plan": "child protection plan",
    "cin": "child in need plan",
    "looked_after": "looked after",
}


def safeguarding_refusal(case: Case) -> str | None:
    """Why no safeguarding record may be written on this case, or None."""
    return record_refusal(case)


def timeline_moment(day: date, now: datetime) -> datetime:
    """Noon on the day of the record (its time is not known), or `now` when that is earlier."""
    return min(timezone.make_aware(datetime.combine(day, time(12))), now)


def past_day_problem(day: date | None, *, subject: str, earliest: date | None = None) -> str | None:
    if day is None:
        return None
    if day > timezone.localdate():
        return f"{subject} must be today or in the past"
    return date_problem(day, subject=subject, earliest=earliest)


def _period_problems(name: str, start: date | None, end: date | None) -> dict[str, str | None]:
    label = PERIODS[name]
    subject = label[0].upper() + label[1:]
    problems: dict[str, str | None] = {
        f"{name}_started_on": past_day_problem(start, subject=f"{subject}: start date"),
    }
    if end is not None and start is None:
        problems[f"{name}_started_on"] = f"Enter the start date of the {label} as well as its end"
    elif end is not None:
        problems[f"{name}_ended_on"] = date_problem(
            end, subject=f"{subject}: end date", earliest=start
        )
    return problems


def _refuse_closed_or_not_household(case: Case, child: Person) -> None:
    refusal = safeguarding_refusal(case)
    if refusal:
        raise ValidationError(refusal)
    if not HouseholdLink.objects.filter(person_id=case.person_id, member=child).exists():
        raise ValidationError("This child is not in the survivor's household")


@transaction.atomic
def child_record_save(
    *,
    case: Case,
    child: Person,
    recorded_by: User,
    school: str = "",
    cp_plan_started_on: date | None = None,
    cp_plan_ended_on: date | None = None,
    cin_started_on: date | None = None,
    cin_ended_on: date | None = None,
    looked_after_started_on: date | None = None,
    looked_after_ended_on: date | None = None,
    voice: str = "",
    voice_on: date | None = None,
) -> ChildRecord:
    """Create or update the record of a child of the survivor's household on this case.

    Each plan has a start (not in the future) and, once it ended, an end on or after it; the
    child's voice has the date it was heard. Refuses a child outside the household, a closed
    case, long text."""
    _refuse_closed_or_not_household(case, child)
    school, voice = school.strip(), voice.strip()
    refuse(
        {
            "school": text_problem(school, subject="School or nursery", limit=SCHOOL_MAX_LENGTH),
            **_period_problems("cp_plan", cp_plan_started_on, cp_plan_ended_on),
            **_period_problems("cin", cin_started_on, cin_ended_on),
            **_period_problems("looked_after", looked_after_started_on, looked_after_ended_on),
            "voice": text_problem(voice, subject="What the child said", limit=VOICE_MAX_LENGTH)
            or (
                "Enter what the child said, or leave the date empty"
                if voice_on and not voice
                else None
            ),
            "voice_on": past_day_problem(voice_on, subject="Date the child said it")
            or ("Enter the date the child said it" if voice and voice_on is None else None),
        }
    )
    values = {
        "school": school,
        "cp_plan_started_on": cp_plan_started_on,
        "cp_plan_ended_on": cp_plan_ended_on,
        "cin_started_on": cin_started_on,
        "cin_ended_on": cin_ended_on,
        "looked_after_started_on": looked_after_started_on,
        "looked_after_ended_on": looked_after_ended_on,
        "voice": voice,
        "voice_on": voice_on,
    }
    record = ChildRecord.objects.select_for_update().filter(case=case, child=child).first()
    counted = [key for key in values if key not in ("school", "voice")]  # text stays on the row
    if record is None:
        record = ChildRecord(
            case=case, child=child, recorded_by=recorded_by, recorded_at=timezone.now(), **values
        )
        record.save(force_insert=True)
        action, changes = AuditAction.CREATE, {key: [None, values[key]] for key in counted}
        summary = "Child's safeguarding record added"
    else:
        before = {key: getattr(record, key) for key in values}
        for key, value in values.items():
            setattr(record, key, value)
        record.save(update_fields=[*values, "updated_at"])
        action = AuditAction.UPDATE
        changes = {key: [before[key], values[key]] for key in counted if before[key] != values[key]}
        summary = "Child's safeguarding record updated"
    audit_event(actor=recorded_by, action=action, target=record, changes=changes)
    case_event_record(
        case=case,
        kind=CaseEventKind.CHILD_RECORD,
        actor=recorded_by,
        target=record,
        summary=summary,
        data={},
    )
    return record


def event_summary(kind: str, attended: bool | None) -> str:
    label = EventKind(kind).label
    if attended is None:
        return label
    return f"{label} ({'attended' if attended else 'not attended'})"


# issue 15 item 2: these events share the family's information with another agency; the share
# register (haven/consent) records each with the consent or the lawful basis it relied on
SHARED_WITH = {
    EventKind.REFERRAL_MARU: "MARU (multi-agency referral unit)",
    EventKind.REFERRAL_CHILDRENS_SOCIAL_CARE: "Children's social care",
    EventKind.REFERRAL_EARLY_HELP: "Early help",
    EventKind.REFERRAL_YOUNG_CARERS: "Young carers service",
    EventKind.REFERRAL_ADULT_CARERS: "Carers service",
    EventKind.CAF_SUBMITTED: "Early help (CAF or early help assessment)",
}


def share_problems(kind: str, consent: bool | None, reason: str) -> dict[str, str | None]:
    """A referral needs to say whether the person consents; without consent, why it is shared
    (reference.md s7)."""
    if kind not in SHARED_WITH:
        return {}
    if consent is None:
        return {"share_consent": "Select yes if the person consents to the referral being made"}
    if not consent and not reason:
        return {"share_reason": "Give the reason the referral is made without consent"}
    return {"share_reason": text_problem(reason, subject="The reason", limit=NOTES_MAX_LENGTH)}


@transaction.atomic
def safeguarding_event_record(
    *,
    case: Case,
    recorded_by: User,
    kind: str,
    occurred_on: date,
    child: Person | None = None,
    attended: bool | None = None,
    notes: str = "",
    share_consent: bool | None = None,
    share_basis: str = ShareBasis.SAFEGUARDING,
    share_reason: str = "",
) -> SafeguardingEvent:
    """One referral, submission or meeting (seed 004 s10 SC1, SC5-SC8; seed 001 Lot 1 s8), on
    `occurred_on` (not in the future), about a child of the household or the whole family. A
    meeting says whether the service attended; a family-wide kind names no child."""
    if child is not None:
        _refuse_closed_or_not_household(case, child)
    else:
        refusal = safeguarding_refusal(case)
        if refusal:
            raise ValidationError(refusal)
    notes = notes.strip()
    meeting = kind in MEETING_KINDS
    refuse(
        {
            "kind": None if kind in EventKind.values else "Select what happened",
            "occurred_on": past_day_problem(occurred_on, subject="Date"),
            "child": "This is about the whole family or an adult: select no child"
            if child is not None and kind in FAMILY_KINDS
            else None,
            # seed 004 s10 SC5: conferences are counted when attended
            "attended": "Select yes if the service attended the meeting"
            if meeting and attended is None
            else ("Only a meeting is attended" if not meeting and attended is not None else None),
            "notes": text_problem(notes, subject="Notes", limit=NOTES_MAX_LENGTH),
        }
        | share_problems(kind, share_consent, share_reason.strip())
    )
    event = SafeguardingEvent(
        case=case,
        child=child,
        kind=kind,
        occurred_on=occurred_on,
        attended=attended,
        notes=notes,
        recorded_by=recorded_by,
        recorded_at=timezone.now(),
    )
    event.save(force_insert=True)
    audit_event(
        actor=recorded_by,
        action=AuditAction.CREATE,
        target=event,
        changes={
            "kind": [None, kind],
            "occurred_on": [None, occurred_on],
            "attended": [None, attended],
            "child": [None, str(child.pk) if child else None],
        },
    )
    case_event_record(
        case=case,
        kind=CaseEventKind.SAFEGUARDING_EVENT,
        actor=recorded_by,
        target=event,
        summary=event_summary(kind, attended),
        data={},
        occurred_at=timeline_moment(occurred_on, timezone.now()),
    )
    if kind in SHARED_WITH:
        share_record(
            person=case.person,
            case=case,
            recipient=SHARED_WITH[EventKind(kind)],
            purpose=event.get_kind_display(),
            kind=ShareKind.SAFEGUARDING_REFERRAL,
            basis=ShareBasis.CONSENT if share_consent else share_basis,
            reason="" if share_consent else share_reason,
            consent_given_now=bool(share_consent),
            shared_by=recorded_by,
            at=timeline_moment(occurred_on, timezone.now()),
            source=event,
        )
    return event


@transaction.atomic
def safeguarding_event_change(
    *,
    event: SafeguardingEvent,
    recorded_by: User,
    occurred_on: date,
    attended: bool | None,
    notes: str = "",
) -> SafeguardingEvent:
    """Correct a referral's or meeting's date, attendance and notes (its kind and child stay;
    record another for a different one). The same rules as recording it; refuses a closed case."""
    event = SafeguardingEvent.objects.select_for_update().select_related("case").get(pk=event.pk)
    refusal = safeguarding_refusal(event.case)
    if refusal:
        raise ValidationError(refusal)
    notes = notes.strip()
    meeting = event.kind in MEETING_KINDS
    refuse(
        {
            "occurred_on": past_day_problem(occurred_on, subject="Date"),
            "attended": "Select yes if the service attended the meeting"
            if meeting and attended is None
            else ("Only a meeting is attended" if not meeting and attended is not None else None),
            "notes": text_problem(notes, subject="Notes", limit=NOTES_MAX_LENGTH),
        }
    )
    before = {"occurred_on": event.occurred_on, "attended": event.attended}
    event.occurred_on, event.attended, event.notes = occurred_on, attended, notes
    event.save(update_fields=["occurred_on", "attended", "notes", "updated_at"])
    after = {"occurred_on": occurred_on, "attended": attended}
    audit_event(
        actor=recorded_by,
        action=AuditAction.UPDATE,
        target=event,
        changes={k: [before[k], v] for k, v in after.items() if before[k] != v},
    )
    case_event_record(
        case=event.case,
        kind=CaseEventKind.SAFEGUARDING_EVENT,
        actor=recorded_by,
        target=event,
        summary=f"{event_summary(event.kind, attended)}: corrected",
        data={},
    )
    return event
