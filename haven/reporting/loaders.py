"""Load the facts of one contract for a window of time, in a fixed number of queries.

Scope (ADR 0010): a return counts every record of the contract, whoever asks for it, so these
reads are deliberately not scoped to the viewer; they return bare values, never a person's name,
and only the reporting services call them. Drill-down pages re-scope each record to the viewer.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.db.models import Min, Q

from haven.casework.models import Case, ContactAttempt, Task
from haven.contracts.models import Contract
from haven.people.models import Person, PersonFlag
from haven.referrals.models import Referral
from haven.reporting.facts import (
    AttemptFact,
    CaseFact,
    Facts,
    PersonFact,
    PersonFlagFact,
    ReferralFact,
    RiskFact,
    TaskFact,
)
from haven.risk.models import RiskAssessment

# Repeats look back 12 months (reference.md §2), so referrals load from a year before the window.
LOOKBACK = timedelta(days=366)
CHUNK = 5000


def _rows(queryset: Any, fields: tuple[str, ...], factory: Any) -> list[Any]:
    make = factory._make
    return [make(row) for row in queryset.values_list(*fields).iterator(chunk_size=CHUNK)]


def case_window_q(contract: Contract, start: datetime, end: datetime, prefix: str = "") -> Q:
    """Cases of the contract open at any moment of [start, end)."""
    return Q(**{f"{prefix}contract": contract, f"{prefix}opened_at__lt": end}) & (
        Q(**{f"{prefix}closed_at__isnull": True}) | Q(**{f"{prefix}closed_at__gte": start})
    )


def load_facts(contract: Contract, start: datetime, end: datetime) -> Facts:
    """Every row the measures need for periods inside [start, end)."""
    referral_q = Q(contract=contract, received_at__gte=start - LOOKBACK, received_at__lt=end)
    cases_q = case_window_q(contract, start, end)
    facts = Facts()
    facts.referrals = _rows(
        Referral.objects.filter(referral_q).order_by(),
        ReferralFact._fields,
        ReferralFact,
    )
    facts.cases = _rows(
        Case.objects.filter(cases_q).order_by(),
        (
            "id",
            "person_id",
            "referral_id",
            "state",
            "risk_level",
            "opened_at",
            "first_contact_at",
            "closed_at",
            "exit_type",
            "allocated_to_id",
            "team_id",
        ),
        CaseFact,
    )
    # seed 004 s10 A3: declines are counted by their reason category (the decline_reason breakdown)
    facts.decline_reasons = dict(
        Referral.objects.filter(referral_q, decision="declined")
        .exclude(decline_category="")
        .order_by()
        .values_list("id", "decline_category")
    )
    in_cases = {"case__in": Case.objects.filter(cases_q).values("id")}
    facts.tasks = _rows(
        Task.objects.filter(**in_cases).order_by(),
        ("id", "case_id", "rule_key", "action", "due_at", "status", "met_at", "completed_at"),
        TaskFact,
    )
    facts.attempts = _rows(
        ContactAttempt.objects.filter(**in_cases).order_by(),
        ("id", "case_id", "channel", "outcome", "attempted_at", "is_final_letter"),
        AttemptFact,
    )
    facts.risks = _rows(
        RiskAssessment.objects.filter(**in_cases).order_by(),
        ("id", "case_id", "stage", "score", "level", "completed_at", "marac_referral_required"),
        RiskFact,
    )
    people = Person.objects.filter(
        Q(referrals__in=Referral.objects.filter(referral_q).values("id"))
        | Q(cases__in=Case.objects.filter(cases_q).values("id"))
    ).distinct()
    persons = _rows(
        people.order_by(),
        (
            "id",
            "reference_code",
            "date_of_birth",
            "is_child",
            "local_authority",
            "equality__sex",
            "equality__gender_same_as_birth",
            "equality__sexual_orientation",
            "equality__disability",
            "equality__ethnicity",
            "equality__religion",
            "equality__marital_status",
            "equality__pregnancy_maternity",
        ),
        PersonFact,
    )
    facts.persons = {p.id: p._replace(**_blank_equality(p)) for p in persons}
    in_people = {"person__in": people.values("id")}
    facts.person_flags = _rows(
        PersonFlag.objects.filter(**in_people).order_by(),
        PersonFlagFact._fields,
        PersonFlagFact,
    )
    # seed 003 s13: service users known to the service before (a case of this contract, ever)
    facts.first_case_opened = dict(
        Case.objects.filter(contract=contract, **in_people)
        .order_by()
        .values("person_id")
        .annotate(first=Min("opened_at"))
        .values_list("person_id", "first")
    )
    return facts


def _blank_equality(person: PersonFact) -> dict[str, str]:
    """A person without equality data has None from the outer join; the facts use ''."""
    return {name: "" for name in PersonFact._fields[5:] if getattr(person, name) is None}
