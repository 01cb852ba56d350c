"""Demo complaints, compliments and (rare) serious incidents of each demo contract, written
through the incidents services (issue 12 items 10-11), from their own random stream.

They are the service's own records (no case link), so the casework build and its same-seed
snapshot are untouched. Synthetic text only; never a name.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import Any

from django.utils import timezone

from haven.accounts.models import Membership, User
from haven.accounts.roles import Role
from haven.contracts.models import Contract
from haven.incidents.complaint_services import (
    complaint_escalate,
    complaint_policy,
    complaint_record,
    complaint_resolve,
    complaint_stage_respond,
    compliment_record,
)
from haven.incidents.models import Complaint, ComplaintStage, Compliment, SeriousIncident
from haven.incidents.services import (
    serious_incident_notify,
    serious_incident_record,
    serious_incident_review,
)

STREAM = 12  # this part's own random stream: seed + STREAM
QUARTERS = 8  # the demo's two years of history
COMPLAINTS = (
    ("delay", "phone", "Waited over a week for a call back after the first contact"),
    ("communication", "email", "Was not told the appointment had moved"),
    ("staff_conduct", "in_person", "Felt the worker did not listen at the review"),
    ("decision", "letter", "Disagrees with the decision to close the case"),
    ("accommodation", "in_person", "Repairs in the refuge room took too long"),
    ("quality_of_support", "feedback_form", "Expected more help with the housing application"),
    ("confidentiality", "phone", "A letter was sent to an old address"),
)
LEARNING = (
    "Call-back times added to the duty worker's checklist",
    "Appointment changes now confirmed by the person's chosen safe channel",
    "Team reminded of the safe-address check before any letter",
    "Closure letters now explain how to come back to the service",
    "",
)
COMPLIMENTS = (
    "The outreach worker's support at court",
    "Quick safety planning on the first call",
    "The refuge team's welcome",
    "Help with the housing application",
    "The group programme",
)
INCIDENT_KINDS = (
    ("near_miss", 5),
    ("serious_case_review", 3),
    ("safeguarding_adult_review", 2),
    ("drug_related_death", 2),
    ("domestic_homicide", 1),
)


def demo_incidents_reset(organisation: Any) -> None:
    """Delete the provider's complaints, compliments and serious incidents."""
    contracts = Contract.objects.filter(provider=organisation)
    ComplaintStage.objects.filter(complaint__contract__in=contracts).delete()
    Complaint.objects.filter(contract__in=contracts).delete()
    Compliment.objects.filter(contract__in=contracts).delete()
    SeriousIncident.objects.filter(contract__in=contracts).delete()


def _manager(organisation: Any) -> User | None:
    membership = (
        Membership.objects.filter(organisation=organisation, role=Role.SERVICE_MANAGER)
        .select_related("user")
        .order_by("user__email")
        .first()
    )
    return membership.user if membership else None


def _moment(day: date, rng: random.Random) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(rng.randint(9, 17), rng.randint(0, 59))))


def build_demo_incidents(*, organisation: Any, seed: int, now: datetime) -> int:
    """Complaints and compliments each quarter of each contract, and a serious incident now and
    then; returns how many records were made."""
    manager = _manager(organisation)
    if manager is None:
        return 0
    rng = random.Random(seed + STREAM)
    today = timezone.localdate(now)
    made = 0
    for contract in Contract.objects.filter(provider=organisation).order_by("slug"):
        for quarter in range(QUARTERS):
            first = today - timedelta(days=91 * (quarter + 1))
            for _ in range(rng.choice((0, 0, 1, 1, 2, 3))):
                _complaint(
                    contract, manager, first + timedelta(days=rng.randint(0, 90)), today, rng
                )
                made += 1
            for _ in range(rng.randint(1, 4)):
                compliment_record(
                    contract=contract,
                    recorded_by=manager,
                    received_on=first + timedelta(days=rng.randint(0, 90)),
                    complimenter=rng.choice(("service_user", "service_user", "professional")),
                    about=rng.choice(COMPLIMENTS),
                )
                made += 1
            if rng.random() < 0.08:  # rare (seed 004 s9)
                _incident(contract, manager, first + timedelta(days=rng.randint(0, 90)), today, rng)
                made += 1
    return made


def _complaint(
    contract: Any, manager: User, received: date, today: date, rng: random.Random
) -> None:
    subject, route, summary = rng.choice(COMPLAINTS)
    stages, _ = complaint_policy(contract)
    complaint = complaint_record(
        contract=contract,
        recorded_by=manager,
        received_on=received,
        complainant=rng.choice(("service_user", "service_user", "family_or_friend", "public")),
        route=route,
        subject=subject,
        summary=summary,
        stage=stages[0].key,
    )
    responded = received + timedelta(days=rng.randint(1, 12))
    if responded >= today:
        return  # still open, its response due
    stage = complaint.stages.get()
    complaint_stage_respond(stage=stage, responded_by=manager, responded_on=responded, response="")
    if len(stages) > 1 and rng.random() < 0.2:  # taken to formal stage 1
        escalated = responded + timedelta(days=rng.randint(1, 10))
        if escalated >= today:
            return
        complaint_escalate(complaint=complaint, escalated_by=manager, escalated_on=escalated)
        responded = escalated + timedelta(days=rng.randint(5, 20))
        if responded >= today:
            return
        complaint_stage_respond(
            stage=complaint.stages.order_by("-position").first(),  # type: ignore[arg-type]
            responded_by=manager,
            responded_on=responded,
            response="",
        )
    outcome = rng.choices(
        ("not_upheld", "partly_upheld", "upheld", "withdrawn"), weights=(8, 6, 5, 1)
    )[0]
    complaint_resolve(
        complaint=complaint,
        resolved_by=manager,
        outcome=outcome,
        resolved_on=responded,
        learning=rng.choice(LEARNING) if outcome != "not_upheld" else "",
    )


def _incident(contract: Any, manager: User, day: date, today: date, rng: random.Random) -> None:
    kinds = [kind for kind, _ in INCIDENT_KINDS]
    weights = [weight for _, weight in INCIDENT_KINDS]
    occurred = _moment(day, rng)
    incident = serious_incident_record(
        contract=contract,
        recorded_by=manager,
        kind=rng.choices(kinds, weights=weights)[0],
        occurred_at=occurred,
        summary="Synthetic: reported to the service by a partner agency",
    )
    notified = occurred + timedelta(hours=rng.choice((4, 20, 30, 50, 100)))
    if notified < timezone.now():
        serious_incident_notify(
            incident=incident,
            notified_by=manager,
            notified_at=notified,
            notified_to="The commissioner's contract manager",
        )
    if (today - day).days > 120:
        serious_incident_review(
            incident=incident,
            reviewed_by=manager,
            review_status="completed",
            findings="Synthetic: the agencies involved shared information late",
            learning="Synthetic: check for other agencies' involvement at every risk review",
            action_plan="Synthetic: added to the team's review checklist; training in March",
            review_completed_on=day + timedelta(days=rng.randint(30, 90)),
        )
