"""The data-quality page of a contract's return (issue 10 s3; seed 004 s11.1): completeness per
field, the records missing each (restricted ones shown as "Restricted record"), assigning tasks
to allocated workers; who may see it; bad input never a 500."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from haven.casework.models import Task
from haven.casework.services import case_open_from_referral, case_restriction_set
from haven.core.models import AuditAction, AuditEvent
from haven.reporting.periods import current_period
from haven.testing.casework import CaseworkPersonFactory, ReferralFactory
from haven.testing.fixtures import profile_contract

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(personas):
    contract = profile_contract("victim-first-2018", personas.organisation)
    contract.commissioner = personas.commissioner_body
    contract.save(update_fields=["commissioner"])
    cases = []
    for worker in (personas.caseworker, personas.teammate):
        person = CaseworkPersonFactory(organisation=personas.organisation)
        cases.append(
            case_open_from_referral(
                referral=ReferralFactory(contract=contract, person=person),
                opened_by=worker,
                team=personas.team,
                allocated_to=worker,
            )
        )
    period = current_period(timezone.now(), "quarter", "04-01").code
    return contract, period, cases


def _url(name, contract, period, *rest):
    return reverse(f"quality:{name}", args=[contract.slug, period, *rest])


@pytest.mark.parametrize("who", ["service_manager", "analyst"])
def test_managers_and_analysts_see_completeness_per_field(client, personas, world, who):
    contract, period, _ = world
    client.force_login(getattr(personas, who))
    response = client.get(_url("data_quality", contract, period))
    assert response.status_code == 200
    body = response.content.decode()
    # neither person has any equality answer: 0 of 2 referrals complete for sex
    assert "Referrals received: completeness" in body
    assert "0.0%" in body
    assert "Equality analysis (seed 004 s11.1" in body
    assert AuditEvent.objects.filter(
        request_id=response["X-Request-Id"], action=AuditAction.VIEW
    ).exists()


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("caseworker", 403),
        ("team_leader", 403),
        ("commissioner", 403),
        ("other_provider_caseworker", 404),
    ],
)
def test_others_may_not(client, personas, world, who, status):
    contract, period, _ = world
    client.force_login(getattr(personas, who))
    assert client.get(_url("data_quality", contract, period)).status_code == status
    assert client.get(_url("records", contract, period, "cases_open.sex")).status_code == status
    response = client.post(_url("assign", contract, period, "cases_open.sex"), {"case": "all"})
    assert response.status_code == status
    assert not Task.objects.filter(action="data_quality").exists()


def test_the_records_missing_a_field_link_to_the_case_or_say_restricted(client, personas, world):
    contract, period, (mine, theirs) = world
    case_restriction_set(
        case=theirs, restricted=True, changed_by=personas.teammate, reason="Synthetic"
    )
    client.force_login(personas.service_manager)
    response = client.get(_url("records", contract, period, "cases_open.sex"))
    assert response.status_code == 200
    body = response.content.decode()
    assert reverse("casework:detail", args=[mine.pk]) in body
    assert mine.person.reference_code in body
    assert "Restricted record" in body
    assert theirs.person.reference_code not in body
    (event,) = AuditEvent.objects.filter(request_id=response["X-Request-Id"])
    assert event.changes["shown"] == [str(mine.pk)]


def test_assigning_sets_one_task_for_the_allocated_worker(client, personas, world):
    contract, period, (mine, _) = world
    client.force_login(personas.service_manager)
    url = _url("assign", contract, period, "cases_open.ethnicity")
    response = client.post(url, {"case": str(mine.pk)})
    assert response.status_code == 302
    (task,) = Task.objects.filter(action="data_quality")
    assert (task.case, task.allocated_to, task.label) == (
        mine,
        personas.caseworker,
        "Data quality: Ethnic group",
    )
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_id=str(task.pk)).exists()
    client.post(url, {"case": str(mine.pk)})  # again: the open task is kept
    client.post(url, {"case": "all"})  # every case: only the other one is new
    assert Task.objects.filter(action="data_quality").count() == 2
    page = client.get(_url("records", contract, period, "cases_open.ethnicity")).content.decode()
    assert "Task open" in page


def test_implausible_values_are_listed(client, personas, world):
    contract, period, (mine, _) = world
    referral = mine.referral
    referral.decided_at = referral.received_at.replace(year=referral.received_at.year - 1)
    referral.save(update_fields=["decided_at"])
    client.force_login(personas.analyst)
    page = client.get(_url("data_quality", contract, period)).content.decode()
    assert "Referral decided before it was received" in page
    listing = client.get(_url("records", contract, period, "implausible.decided_before_received"))
    assert referral.person.reference_code in listing.content.decode()


@pytest.mark.parametrize(
    ("period", "item"),
    [
        ("2026-Q9", "cases_open.sex"),
        ("not-a-period", "cases_open.sex"),
        ("9999-Q1", "cases_open.sex"),
        (None, "cases_open.nothing"),
        (None, "implausible.nothing"),
        (None, "%00"),
    ],
)
def test_bad_input_is_a_404_never_a_500(client, personas, world, period, item):
    contract, current, _ = world
    client.force_login(personas.service_manager)
    response = client.get(_url("records", contract, period or current, item))
    assert response.status_code == 404


@pytest.mark.parametrize("value", ["", "not-a-uuid", "00000000-0000-0000-0000-000000000000"])
def test_assigning_a_case_not_in_the_list_is_refused(client, personas, world, value):
    contract, period, _ = world
    client.force_login(personas.service_manager)
    response = client.post(_url("assign", contract, period, "cases_open.sex"), {"case": value})
    assert response.status_code in {302, 404}
    assert not Task.objects.filter(action="data_quality").exists()


def test_the_page_answers_get_only(client, personas, world):
    contract, period, _ = world
    client.force_login(personas.service_manager)
    assert client.post(_url("data_quality", contract, period)).status_code == 405
    assert client.get(_url("assign", contract, period, "cases_open.sex")).status_code == 405
