"""Safeguarding adults alerts (seed 004 s10 SA1-SA3, SA5) and the Think Family questions with
their carers' referrals (seed 004 s6.5): each write one row, its audit and a timeline entry."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from haven.accounts.models import User
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import Case
from haven.casework.services import case_event_record
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.people.choices import HarmRelationship
from haven.safeguarding.models import (
    NOTES_MAX_LENGTH,
    CarerReferral,
    EventKind,
    SafeguardingAlert,
    Substantiation,
    ThinkFamilyCheck,
)
from haven.safeguarding.services import (
    past_day_problem,
    safeguarding_event_record,
    safeguarding_refusal,
    timeline_moment,
)
from haven.validators import refuse, text_problem

CONCERN_MAX_LENGTH = 4_000


def _alert_problems(
    *, raised_on: date, substantiation: str, referred_on: date | None, harm_relationship: str
) -> dict[str, str | None]:
    return {
        "raised_on": past_day_problem(raised_on, subject="Date raised"),
        "substantiation": None
        if substantiation in Substantiation.values
        else "Select whether the concern was substantiated",
        "referred_on": past_day_problem(
            referred_on, subject="Date referred to adult safeguarding", earliest=raised_on
        ),
        "harm_relationship": None
        if harm_relationship == "" or harm_relationship in HarmRelationship.values
        else "Select who is causing the harm",
    }


def alert_summary(alert: SafeguardingAlert) -> str:
    parts = [f"Safeguarding adults alert: {alert.get_substantiation_display().lower()}"]
    if alert.referred:
        parts.append("referred to adult safeguarding")
    return ", ".join(parts)


@transaction.atomic
def alert_raise(
    *,
    case: Case,
    recorded_by: User,
    raised_on: date,
    concern: str,
    substantiation: str = Substantiation.PENDING,
    referred_on: date | None = None,
    harm_relationship: str = "",
) -> SafeguardingAlert:
    """A safeguarding adults alert raised within the organisation on `raised_on` (seed 004 s10
    SA1), with its outcome so far (SA2), its referral to adult safeguarding (SA3, on or after
    it was raised) and who causes the harm (SA5). Refuses a closed case, a missing concern."""
    refusal = safeguarding_refusal(case)
    if refusal:
        raise ValidationError(refusal)
    concern = concern.strip()
    refuse(
        {
            "concern": text_problem(concern, subject="The concern", limit=CONCERN_MAX_LENGTH)
            or (None if concern else "Enter the concern"),
            **_alert_problems(
                raised_on=raised_on,
                substantiation=substantiation,
                referred_on=referred_on,
                harm_relationship=harm_relationship,
            ),
        }
    )
    alert = SafeguardingAlert(
        case=case,
        raised_on=raised_on,
        concern=concern,
        substantiation=substantiation,
        referred_on=referred_on,
        harm_relationship=harm_relationship,
        recorded_by=recorded_by,
        recorded_at=timezone.now(),
    )
    alert.save(force_insert=True)
    audit_event(
        actor=recorded_by,
        action=AuditAction.CREATE,
        target=alert,
        changes={  # the concern stays on the row
            "raised_on": [None, raised_on],
            "substantiation": [None, substantiation],
            "referred_on": [None, referred_on],
            "harm_relationship": [None, harm_relationship],
        },
    )
    case_event_record(
        case=case,
        kind=CaseEventKind.SAFEGUARDING_ALERT,
        actor=recorded_by,
        target=alert,
        summary=alert_summary(alert),
        data={},
        occurred_at=timeline_moment(raised_on, timezone.now()),
    )
    return alert


@transaction.atomic
def alert_update(
    *,
    alert: SafeguardingAlert,
    recorded_by: User,
    substantiation: str,
    referred_on: date | None,
    harm_relationship: str,
) -> SafeguardingAlert:
    """The alert's outcome, referral and the relationship of the person causing harm, as they
    become known (seed 004 s10 SA2, SA3, SA5). Refuses a closed case."""
    alert = SafeguardingAlert.objects.select_for_update().select_related("case").get(pk=alert.pk)
    refusal = safeguarding_refusal(alert.case)
    if refusal:
        raise ValidationError(refusal)
    refuse(
        _alert_problems(
            raised_on=alert.raised_on,
            substantiation=substantiation,
            referred_on=referred_on,
            harm_relationship=harm_relationship,
        )
    )
    values = {
        "substantiation": substantiation,
        "referred_on": referred_on,
        "harm_relationship": harm_relationship,
    }
    before = {key: getattr(alert, key) for key in values}
    for key, value in values.items():
        setattr(alert, key, value)
    alert.save(update_fields=[*values, "updated_at"])
    audit_event(
        actor=recorded_by,
        action=AuditAction.UPDATE,
        target=alert,
        changes={
            key: [before[key], value] for key, value in values.items() if before[key] != value
        },
    )
    case_event_record(
        case=alert.case,
        kind=CaseEventKind.SAFEGUARDING_ALERT,
        actor=recorded_by,
        target=alert,
        summary=alert_summary(alert),
        data={},
    )
    return alert


def think_family_asked(case: Case) -> bool:
    """Whether the case's contract asks the Think Family questions at every contact (its
    profile's `think_family`; seed 004 s6.5)."""
    return bool(case.contract.profile.get("think_family"))


def _carer_problem(value: str, *, carer: bool, who: str) -> str | None:
    if value not in CarerReferral.values:
        return f"Select whether a referral was offered to the {who}"
    # seed 004 s6.5: "Young Carers will be offered a referral to the Young Carers Service";
    # "Adult Carers will be offered a referral to the Carers Service"
    if carer and value == CarerReferral.NOT_NEEDED:
        return f"A carer must be offered a referral to the {who}"
    if not carer and value != CarerReferral.NOT_NEEDED:
        return "Only a carer is offered this referral: select not needed"
    return None


@transaction.atomic
def think_family_record(
    *,
    case: Case,
    recorded_by: User,
    asked_on: date,
    children_in_family: bool,
    parenting_support_needed: bool,
    young_carer: bool,
    vulnerable_adult: bool,
    adult_carer: bool,
    family_offered_support: bool,
    young_carer_referral: str,
    adult_carer_referral: str,
    contact_with_children: str = "",
    impact_on_family: str = "",
    care_provided: str = "",
    whole_family_help: str = "",
) -> ThinkFamilyCheck:
    """The Think Family questions asked at a contact on `asked_on` (seed 004 s6.5). A young
    carer or an adult carer must have been offered their referral; one accepted is recorded as
    a safeguarding referral that day. Refuses a closed case."""
    refusal = safeguarding_refusal(case)
    if refusal:
        raise ValidationError(refusal)
    texts = {
        "contact_with_children": contact_with_children.strip(),
        "impact_on_family": impact_on_family.strip(),
        "care_provided": care_provided.strip(),
        "whole_family_help": whole_family_help.strip(),
    }
    refuse(
        {
            "asked_on": past_day_problem(asked_on, subject="Date asked"),
            "young_carer_referral": _carer_problem(
                young_carer_referral, carer=young_carer, who="young carers service"
            ),
            "adult_carer_referral": _carer_problem(
                adult_carer_referral, carer=adult_carer, who="carers service"
            ),
            **{
                name: text_problem(value, subject="The answer", limit=NOTES_MAX_LENGTH)
                for name, value in texts.items()
            },
        }
    )
    answers = {
        "children_in_family": children_in_family,
        "parenting_support_needed": parenting_support_needed,
        "young_carer": young_carer,
        "vulnerable_adult": vulnerable_adult,
        "adult_carer": adult_carer,
        "family_offered_support": family_offered_support,
        "young_carer_referral": young_carer_referral,
        "adult_carer_referral": adult_carer_referral,
    }
    check = ThinkFamilyCheck(
        case=case,
        asked_on=asked_on,
        recorded_by=recorded_by,
        recorded_at=timezone.now(),
        **answers,
        **texts,
    )
    check.save(force_insert=True)
    audit_event(
        actor=recorded_by,
        action=AuditAction.CREATE,
        target=check,
        changes={"asked_on": [None, asked_on]} | {k: [None, v] for k, v in answers.items()},
    )
    case_event_record(
        case=case,
        kind=CaseEventKind.THINK_FAMILY,
        actor=recorded_by,
        target=check,
        summary="Think Family questions asked",
        data={},
        occurred_at=timeline_moment(asked_on, timezone.now()),
    )
    for accepted, kind in (
        (young_carer_referral, EventKind.REFERRAL_YOUNG_CARERS),
        (adult_carer_referral, EventKind.REFERRAL_ADULT_CARERS),
    ):
        if accepted == CarerReferral.ACCEPTED:
            # accepted: the person consents to the referral (issue 15 item 2)
            safeguarding_event_record(
                case=case,
                recorded_by=recorded_by,
                kind=kind,
                occurred_on=asked_on,
                share_consent=True,
            )
    return check
