"""Target hardening jobs and the items fitted in a return: loaded in two queries, only when a
measure reads them, and counted by target-hardening-2018's spend to date and cost per property
(seed 002 Lot 2 s4)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from haven.reporting.loaders import load_facts
from haven.reporting.periods import period_containing
from haven.reporting.selectors import contract_return
from haven.reporting.tests.test_loaders import NOW, Q1, cases
from haven.targethardening.models import FittedItem, Fitting, SecurityItem, TargetHardeningJob

pytestmark = pytest.mark.django_db
VISIT = datetime(2026, 5, 5, 11, tzinfo=UTC)  # the cases' referrals came on 5 May


def _job(case, user, level=3):
    return TargetHardeningJob.objects.create(
        case=case,
        visited_at=VISIT,
        visited_by=user,
        score=12,
        service_level=level,
        explanation="score 12",
    )


def _fit(job, user, on, price, quantity=1):
    item, _ = SecurityItem.objects.get_or_create(
        provider=job.case.contract.provider,
        name="Door chain",
        defaults={
            "police_approved": True,
            "unit_price": Decimal(price),
            "max_per_property": 9,
            "fitting": Fitting.SPECIALIST,
        },
    )
    return FittedItem.objects.create(
        job=job,
        item=item,
        quantity=quantity,
        unit_price=Decimal(price),
        fitted_on=on,
        recorded_by=user,
    )


def test_jobs_and_fittings_load_as_facts(contract_for, personas):
    contract = contract_for("target-hardening-2018")
    (case,) = cases(contract, 1)
    job = _job(case, personas.caseworker)
    _fit(job, personas.caseworker, date(2026, 5, 6), "25.00", quantity=2)
    facts = load_facts(contract, Q1.start, Q1.end)
    (loaded,) = facts.target_hardening_jobs
    assert (loaded.id, loaded.case_id, loaded.service_level) == (job.id, case.id, 3)
    assert loaded.received_on == date(2026, 5, 5)
    (fitting,) = facts.target_hardening_fittings
    assert (fitting.job_id, fitting.fitted_on, fitting.cost) == (job.id, date(2026, 5, 6), 50.0)


def test_they_are_read_in_two_queries_only_when_wanted(contract_for, personas):
    contract = contract_for("target-hardening-2018")
    for case in cases(contract, 3):
        _fit(_job(case, personas.caseworker), personas.caseworker, date(2026, 5, 6), "10")

    def queries(needs):
        with CaptureQueriesContext(connection) as captured:
            load_facts(contract, Q1.start, Q1.end, needs=needs)
        return len(captured)

    assert queries(frozenset({"target_hardening"})) == queries(frozenset()) + 2


def test_the_return_counts_spend_to_date_and_cost_per_property(contract_for, personas):
    contract = contract_for("target-hardening-2018")
    first, second = cases(contract, 2)
    _fit(_job(first, personas.caseworker), personas.caseworker, date(2026, 5, 6), "100")
    _fit(_job(second, personas.caseworker), personas.caseworker, date(2026, 5, 7), "100", 3)
    report = contract_return(contract, Q1, now=NOW)
    assert report.measure("spend_to_date").value == 400.0
    assert report.measure("cost_per_property").value == 200.0
    assert report.measure("referral_to_fitting").value == 1.5  # 1 and 2 days


def test_the_drill_down_lists_the_items_behind_spend_to_date(client, contract_for, personas):
    contract = contract_for("target-hardening-2018")
    (case,) = cases(contract, 1)
    job = _job(case, personas.caseworker)
    job.visited_at = timezone.now()
    job.save()
    _fit(job, personas.caseworker, timezone.localdate(), "40")
    client.force_login(personas.service_manager)
    current = period_containing(timezone.localdate(), "quarter", "04-01")
    url = reverse("reporting:measure", args=[contract.slug, current.code, "spend_to_date"])
    response = client.get(url)
    assert response.status_code == 200
    assert "Security items fitted" in response.content.decode()
