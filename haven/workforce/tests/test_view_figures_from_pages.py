"""seed 004 s10: the workforce figures (vacancy, plan vs actual, turnover) are fed by the pages,
not only by demo data: a post added, a worker put in it, their leaving and the post's end,
all through the test client, move the figures of haven/workforce/figures.py."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from haven.workforce import figures
from haven.workforce.models import EstablishmentPost, StaffMember
from haven.workforce.selectors import workforce_rows

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def day_boxes(name, day):
    return {f"{name}-day": day.day, f"{name}-month": day.month, f"{name}-year": day.year}


def _figures(organisation_id):
    rows = workforce_rows(organisation_id)
    today = TODAY()
    return {
        "vacancy": figures.vacancy(rows.posts, rows.staff, today),
        "plan_vs_actual": figures.plan_vs_actual(rows.posts, rows.staff, today),
        "turnover": figures.turnover(rows.staff, today),
    }


def test_seed_004_s10_vacancy_plan_vs_actual_and_turnover_follow_the_pages(client, personas):
    organisation = personas.organisation.pk
    client.force_login(personas.team_leader)
    start = TODAY() - timedelta(days=200)
    client.post(
        reverse("workforce:post_add", args=[organisation]),
        {
            "title": "Outreach worker",
            "contract_type": "permanent",
            "fte": "2",
            **day_boxes("valid_from", start),
        },
    )
    post = EstablishmentPost.objects.get()
    vacant, _ = _figures(organisation)["vacancy"]
    assert vacant == {post.pk: 2.0}
    assert _figures(organisation)["plan_vs_actual"] == ({post.pk: 0.0}, {post.pk: 2.0})

    client.post(
        reverse("workforce:staff_add", args=[organisation]),
        {
            "full_name": "Synthetic Worker",
            "kind": "staff",
            "contract_type": "permanent",
            "fte": "1",
            "post": str(post.pk),
            **day_boxes("started_on", start),
        },
    )
    worker = StaffMember.objects.get()
    assert worker.post == post
    now = _figures(organisation)
    assert now["vacancy"] == ({post.pk: 1.0}, {post.pk: 1.0})
    assert now["plan_vs_actual"] == ({post.pk: 1.0}, {post.pk: 2.0})
    assert now["turnover"][0] == {}

    client.post(
        reverse("workforce:staff_leave", args=[worker.pk]),
        {**day_boxes("left_on", TODAY() - timedelta(days=1)), "reason": "resignation"},
    )
    now = _figures(organisation)
    assert now["turnover"][0] == {worker.pk: 1.0}
    assert now["vacancy"][0] == {post.pk: 2.0}
    assert now["plan_vs_actual"][0] == {post.pk: 0.0}

    client.post(
        reverse("workforce:post_close", args=[post.pk]),
        day_boxes("closed_on", TODAY() - timedelta(days=1)),
    )
    now = _figures(organisation)
    assert now["vacancy"] == ({}, {})
    assert now["plan_vs_actual"] == ({}, {})

    # and the figures page (service managers) shows the turnover
    client.force_login(personas.service_manager)
    page = client.get(reverse("workforce:figures", args=[organisation])).content.decode()
    assert "Labour turnover" in page
