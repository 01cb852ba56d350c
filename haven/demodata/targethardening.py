"""Demo target hardening (seed 002 Lot 2): the provider's catalogue of police-approved items and,
for each target hardening case the journeys visited, the Home Security Assessment (every service
level), items fitted within the per-property limit and the year's budget, work refused and
additional needs, written through the targethardening services from their own random stream.
The end-of-visit surveys are the follow-up story's (demodata/follow_up_story.py)."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from haven.casework.models import ContactAttempt
from haven.contracts.models import Contract
from haven.demodata.incidents import _manager
from haven.targethardening.models import (
    FittedItem,
    Fitting,
    Refusal,
    RefusedBy,
    SecurityItem,
    TargetHardeningJob,
)
from haven.targethardening.services import (
    additional_needs_record,
    item_fit,
    job_over_limit_approve,
    job_visit_record,
    refusal_record,
    security_item_save,
    spent_on,
    target_hardening_spec,
)

STREAM = 16  # this part's own random stream: seed + STREAM
# (name, police approved, unit price, most per property, fitting): seed 002 Lot 2 s3.1's examples
CATALOGUE = (
    ("Door alarm", True, "12.50", 4, Fitting.SELF_FIT),
    ("Timer switch", True, "9.99", 4, Fitting.SELF_FIT),
    ("Personal attack alarm", True, "15.00", 2, Fitting.SELF_FIT),
    ("Window alarm", True, "8.50", 6, Fitting.SELF_FIT),
    ("Door chain", True, "24.00", 2, Fitting.SPECIALIST),
    ("Door viewer", True, "18.00", 2, Fitting.SPECIALIST),
    ("Window lock", True, "14.00", 8, Fitting.SPECIALIST),
    ("British Standard mortice lock", True, "95.00", 2, Fitting.SPECIALIST),
    ("Anti-snap cylinder lock", True, "65.00", 2, Fitting.SPECIALIST),
    ("Letterbox restrictor", True, "22.00", 1, Fitting.SPECIALIST),
    ("Dusk-to-dawn security light", True, "45.00", 2, Fitting.SPECIALIST),
    ("Unbranded padlock", False, "6.00", 2, Fitting.SELF_FIT),
)
NEEDS = (
    "Synthetic: would like help with a housing transfer",
    "Synthetic: asked about debt advice",
    "Synthetic: children anxious at night; asked about support for them",
)
REFUSALS = (
    (
        RefusedBy.LANDLORD_OR_OWNER,
        "Replace the front door damaged in the incident",
        "Synthetic: the housing association replaces doors damaged in a crime",
    ),
    (RefusedBy.VICTIM, "Window locks", "Synthetic: did not want the windows locked"),
    (
        RefusedBy.LANDLORD_OR_OWNER,
        "Repair the broken back gate",
        "Synthetic: the landlord's repair",
    ),
)


def demo_target_hardening_reset(cases: Any) -> None:
    """Delete the jobs of these cases and what hangs on them (the catalogue stays)."""
    jobs = TargetHardeningJob.objects.filter(case_id__in=cases)
    FittedItem.objects.filter(job__in=jobs).delete()
    Refusal.objects.filter(job__in=jobs).delete()
    jobs.delete()


def _catalogue(organisation: Any, manager: Any) -> list[SecurityItem]:
    items = []
    for name, approved, price, most, fitting in CATALOGUE:
        existing = SecurityItem.objects.filter(provider=organisation, name=name).first()
        items.append(
            existing
            or security_item_save(
                provider=organisation,
                saved_by=manager,
                name=name,
                police_approved=approved,
                unit_price=Decimal(price),
                max_per_property=most,
                fitting=fitting,
            )
        )
    return items


def _visits(contract: Contract) -> list[ContactAttempt]:
    """The first visit done on each of the contract's cases (the journeys record it)."""
    first: dict[Any, ContactAttempt] = {}
    for attempt in (
        ContactAttempt.objects.filter(
            case__contract=contract, channel="visit", outcome="visit_done"
        )
        .select_related("case__contract", "case__referral", "recorded_by")
        .order_by("attempted_at")
    ):
        first.setdefault(attempt.case_id, attempt)
    return list(first.values())


def build_demo_target_hardening(*, organisation: Any, seed: int, now: datetime) -> int:
    """Catalogue and jobs for every target hardening contract; returns the jobs made."""
    manager = _manager(organisation)
    if manager is None:
        return 0
    rng = random.Random(seed + STREAM)
    today = min(timezone.localdate(now), timezone.localdate())
    made = 0
    items: list[SecurityItem] | None = None
    for contract in Contract.objects.filter(provider=organisation).order_by("slug"):
        spec = target_hardening_spec(contract)
        if spec is None:
            continue
        items = items or _catalogue(organisation, manager)
        for visit in _visits(contract):
            if TargetHardeningJob.objects.filter(case_id=visit.case_id).exists():
                continue
            _job(visit, spec, items, manager, rng, today)
            made += 1
    return made


def _job(
    visit: ContactAttempt, spec: Any, items: list[SecurityItem], manager: Any, rng: Any, today: Any
) -> None:
    rules = spec.assessment
    # every level: a few concerns (more for some), and the referrer's factors
    concerns = rng.sample([q.key for q in rules.questions], rng.choice((0, 1, 2, 3, 3, 4, 5)))
    factors = rng.sample([f.key for f in rules.vulnerability_factors], rng.choice((0, 1, 1, 2)))
    worker = visit.recorded_by
    job = job_visit_record(
        case=visit.case,
        recorded_by=worker,
        visited_at=visit.attempted_at,
        concerns=concerns,
        vulnerabilities=factors,
        attempt_recorded=True,
    )
    visited = timezone.localdate(visit.attempted_at)
    if job.service_level > 1:
        _fit(job, spec, items, worker, manager, rng, visited, today)
    if rng.random() < 0.2:
        refused_by, work, reason = rng.choice(REFUSALS)
        refusal_record(job=job, recorded_by=worker, refused_by=refused_by, reason=reason, work=work)
    if rng.random() < 0.25:
        consent = rng.random() < 0.8
        additional_needs_record(
            job=job,
            recorded_by=worker,
            needs=rng.choice(NEEDS),
            consent_to_share=consent,
            feed_back=consent,
        )


def _fit(
    job: TargetHardeningJob,
    spec: Any,
    items: list[SecurityItem],
    worker: Any,
    manager: Any,
    rng: Any,
    visited: Any,
    today: Any,
) -> None:
    allowed = [
        item
        for item in items
        if item.police_approved and (job.service_level == 3 or item.fitting == Fitting.SELF_FIT)
    ]
    limit = spec.budget.per_property
    if rng.random() < 0.03:  # now and then a manager approves more (two doors, say)
        job_over_limit_approve(
            job=job, approved_by=manager, reason="Synthetic: front and back doors both need locks"
        )
        job.refresh_from_db()
        limit *= 2
    fitted_on = min(visited + timedelta(days=rng.choice((0, 0, 0, 1, 3, 7, 12))), today)
    for item in rng.sample(allowed, min(len(allowed), rng.randint(1, 5))):
        quantity = rng.randint(1, item.max_per_property)
        if spent_on(job) + item.unit_price * quantity > limit:
            continue
        item_fit(job=job, item=item, quantity=quantity, fitted_on=fitted_on, recorded_by=worker)
