"""The job's forms through the browser's posts: the visit and assessment (level explained on
the job page), items fitted, work refused, additional needs, the manager's approval, the
catalogue; refusals shown on the fields, never a 500."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from haven.targethardening.models import FittedItem, Refusal, SecurityItem, TargetHardeningJob
from haven.targethardening.tests.conftest import SAFE

pytestmark = pytest.mark.django_db


def moment(prefix, when):
    when = timezone.localtime(when)
    return {
        f"{prefix}-day": when.day,
        f"{prefix}-month": when.month,
        f"{prefix}-year": when.year,
        f"{prefix}-hour": when.hour,
        f"{prefix}-minute": when.minute,
    }


def day(prefix, when):
    return {f"{prefix}-day": when.day, f"{prefix}-month": when.month, f"{prefix}-year": when.year}


def test_the_visit_form_records_the_assessment_and_explains_the_level(client, th_case, personas):
    client.force_login(personas.caseworker)
    data = {
        **moment("visited_at", timezone.now() - dt.timedelta(minutes=5)),
        "concerns": ["no_door_chain", "no_door_viewer"],
        "vulnerabilities": ["perpetrator_knows_address"],
        "override_reason": SAFE,
    }
    response = client.post(reverse("targethardening:visit", args=[th_case.pk]), data)
    assert response.status_code == 302
    job = TargetHardeningJob.objects.get(case=th_case)
    assert (job.score, job.service_level) == (7, 2)
    page = client.get(response.url).content.decode()
    assert "score 7: 3 for no door chain or door limiter, 1 for no door viewer (spy hole), " in page
    assert "level 2 from 5 points" in page


def test_the_visit_forms_refusal_is_on_the_field(client, th_case, personas):
    client.force_login(personas.caseworker)
    data = {**moment("visited_at", timezone.now()), "concerns": ["no_door_chain"]}
    response = client.post(reverse("targethardening:visit", args=[th_case.pk]), data)
    assert response.status_code == 200
    assert "Safe-contact warning" in response.content.decode()
    assert not TargetHardeningJob.objects.exists()


def test_items_fitted_refused_and_costed_on_the_job_page(client, job, items, personas):
    client.force_login(personas.caseworker)
    fit = reverse("targethardening:fit", args=[job.case.pk])
    data = {
        "item": str(items["lock"].pk),
        "quantity": "2",
        **day("fitted_on", timezone.localdate()),
    }
    assert client.post(fit, data).status_code == 302
    over = {
        "item": str(items["chain"].pk),
        "quantity": "2",
        **day("fitted_on", timezone.localdate()),
    }
    response = client.post(fit, over)  # £300 + £50 = £350: within £400
    assert response.status_code == 302
    assert FittedItem.objects.filter(job=job).count() == 2
    refused = {
        "work": "Replace the smashed back door",
        "refused_by": "landlord_or_owner",
        "reason": "Synthetic",
    }
    assert (
        client.post(reverse("targethardening:refusal", args=[job.case.pk]), refused).status_code
        == 302
    )
    assert Refusal.objects.get().work == "Replace the smashed back door"
    page = client.get(reverse("targethardening:job", args=[job.case.pk])).content.decode()
    assert "£350.00" in page
    assert "The landlord&#39;s or owner&#39;s responsibility".lower() in page.lower()


def test_an_unknown_item_or_odd_quantity_is_refused_on_the_field(client, job, personas):
    client.force_login(personas.caseworker)
    fit = reverse("targethardening:fit", args=[job.case.pk])
    for data in (
        {"item": "not-an-id", "quantity": "1"},
        {"item": "", "quantity": "9999999999999"},
        {"quantity": "\x00"},
    ):
        response = client.post(fit, {**data, **day("fitted_on", timezone.localdate())})
        assert response.status_code == 200
        assert "govuk-error-summary" in response.content.decode()


def test_needs_are_not_fed_back_without_consent_seed_002_lot_2_s6(client, job, personas):
    client.force_login(personas.caseworker)
    url = reverse("targethardening:needs", args=[job.case.pk])
    data = {"needs": "Synthetic: debt advice", "consent_to_share": "False", "feed_back": ["yes"]}
    response = client.post(url, data)
    assert response.status_code == 200
    assert "has not consented" in response.content.decode()
    data["consent_to_share"] = "True"
    assert client.post(url, data).status_code == 302
    job.refresh_from_db()
    assert job.needs_fed_back_at is not None


def test_the_job_page_links_the_end_of_visit_survey(client, job, personas):
    client.force_login(personas.caseworker)
    page = client.get(reverse("targethardening:job", args=[job.case.pk])).content.decode()
    assert reverse("followups:survey_new", args=[job.case.pk, "end_of_visit"]) in page


def test_a_manager_approves_spending_over_the_limit(client, job, personas):
    client.force_login(personas.team_leader)
    url = reverse("targethardening:over_limit", args=[job.case.pk])
    assert client.post(url, {"reason": ""}).status_code == 200
    assert client.post(url, {"reason": "Synthetic: two doors"}).status_code == 302
    job.refresh_from_db()
    assert job.over_limit_approved_by == personas.team_leader


def test_a_service_manager_adds_and_changes_an_item(client, th, personas):
    client.force_login(personas.service_manager)
    data = {
        "name": "Window lock",
        "police_approved": "True",
        "unit_price": "£12.50",
        "max_per_property": "6",
        "fitting": "specialist_fit",
        "active": "True",
    }
    add = reverse("targethardening:item_add", args=[personas.organisation.pk])
    assert client.post(add, data).status_code == 302
    item = SecurityItem.objects.get()
    assert item.unit_price == Decimal("12.50")
    response = client.post(add, data)
    assert "already has an item of this name" in response.content.decode()
    for price in ("12.505", "-1", "abc", "NaN", "1e9"):
        response = client.post(add, data | {"name": "Another", "unit_price": price})
        assert response.status_code == 200, price
        assert "govuk-error-summary" in response.content.decode(), price
    edit = reverse("targethardening:item_edit", args=[item.pk])
    assert client.post(edit, data | {"unit_price": "14"}).status_code == 302
    item.refresh_from_db()
    assert item.unit_price == Decimal("14.00")


def test_the_budget_page_shows_spend_and_remaining(client, job, items, personas):
    from haven.targethardening.services import item_fit

    item_fit(
        job=job,
        item=items["lock"],
        quantity=1,
        fitted_on=timezone.localdate(),
        recorded_by=personas.caseworker,
    )
    client.force_login(personas.service_manager)
    page = client.get(reverse("targethardening:budget")).content.decode()
    assert "£150.00" in page
    assert "£79,850.00" in page
