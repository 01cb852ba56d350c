"""`haven demo`'s target hardening part: the catalogue and, for every visited case, a job with
its assessment, items fitted within the per-property limit and the year's budget (issue 13)."""

import datetime as dt

import pytest
from django.utils import timezone

from haven.casework.services.attempts import contact_attempt_record
from haven.demodata.targethardening import build_demo_target_hardening
from haven.targethardening.models import FittedItem, SecurityItem, TargetHardeningJob
from haven.targethardening.services import spent_on

pytestmark = pytest.mark.django_db


def test_the_demo_builds_jobs_with_items_within_budget(open_case, th, personas):
    for n in range(12):
        case = open_case(
            contract=th, route="victim_first", received_at=timezone.now() - dt.timedelta(days=20)
        )
        contact_attempt_record(
            case=case,
            channel="visit",
            outcome="visit_done",
            attempted_at=timezone.now() - dt.timedelta(days=19 - n),
            recorded_by=personas.caseworker,
            override_reason="Synthetic: safe",
        )
    made = build_demo_target_hardening(
        organisation=personas.organisation, seed=7, now=timezone.now()
    )
    assert made == 12
    assert SecurityItem.objects.filter(provider=personas.organisation).count() >= 10
    jobs = list(TargetHardeningJob.objects.all())
    assert {job.service_level for job in jobs} >= {2, 3}
    for job in jobs:
        if job.over_limit_approved_at is None:
            assert spent_on(job) <= 400
        assert all(f.item.police_approved for f in FittedItem.objects.filter(job=job))
    total = sum(spent_on(job) for job in jobs)
    assert 0 < total < 80_000
    # a second run adds nothing
    assert (
        build_demo_target_hardening(organisation=personas.organisation, seed=7, now=timezone.now())
        == 0
    )
