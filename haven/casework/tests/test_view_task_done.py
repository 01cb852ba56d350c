"""Mark as done page: personas, GOV.UK date errors, met or done late, refused for event tasks."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from haven.casework.models import CaseEvent, CaseState, NeedsAssessment, TaskStatus
from haven.casework.presenters import when
from haven.casework.services import contact_attempt_record
from haven.people.models import SafeContact
from haven.testing.casework import CaseFactory, TaskFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def opened_case(team_case):
    """Opened ten days ago at 14:30 UK time."""
    opened = timezone.localtime() - dt.timedelta(days=10)
    team_case.opened_at = opened.replace(hour=14, minute=30, second=0, microsecond=0)
    team_case.save()
    return team_case


@pytest.fixture
def needs_task(opened_case):
    return TaskFactory(
        case=opened_case,
        action="needs_assessment",
        rule_key="needs_assessment",
        label="Needs assessment",
        due_at=timezone.now() + dt.timedelta(days=1),
    )


@pytest.fixture
def first_contact_task(opened_case):
    return TaskFactory(case=opened_case, action="phone_contact", rule_key="first_contact_phone")


def url(task):
    return reverse("casework:task_done", args=[task.case_id, task.pk])


def case_page(client, case):
    return client.get(reverse("casework:detail", args=[case.pk])).content.decode()


def form_data(at=None, **overrides):
    at = timezone.localtime(at or timezone.now() - dt.timedelta(minutes=5))
    data = {
        "done_at-day": at.day,
        "done_at-month": at.month,
        "done_at-year": at.year,
        "done_at-hour": at.hour,
        "done_at-minute": at.minute,
        "note": "",
    }
    return data | overrides


def test_the_case_page_offers_mark_as_done_only_for_tasks_no_event_meets(
    client, opened_case, needs_task, first_contact_task, personas
):
    client.force_login(personas.caseworker)
    body = case_page(client, opened_case)
    assert url(needs_task) in body
    assert url(first_contact_task) not in body


def test_the_form_defaults_to_now_and_has_a_csrf_token(client, needs_task, personas):
    client.force_login(personas.caseworker)
    response = client.get(url(needs_task))
    body = response.content.decode()
    assert response.status_code == 200
    assert 'method="post"' in body
    assert "csrfmiddlewaretoken" in body
    assert f'value="{timezone.localtime().year}"' in body
    assert "Needs assessment" in body


def test_a_caseworker_in_the_team_marks_it_done_in_time_and_it_shows_met(
    client, opened_case, needs_task, personas
):
    client.force_login(personas.caseworker)
    response = client.post(url(needs_task), form_data(note="Done at the refuge office"))
    assert response.status_code == 302
    assert response["Location"] == reverse("casework:detail", args=[opened_case.pk])
    needs_task.refresh_from_db()
    assert needs_task.status == TaskStatus.MET
    body = case_page(client, opened_case)
    assert "Needs assessment: met (marked done)" in body
    assert "Done at the refuge office" in body
    assert url(needs_task) not in body  # no longer offered


def test_a_teammate_may_mark_it_done(client, needs_task, personas):
    client.force_login(personas.teammate)
    assert client.post(url(needs_task), form_data()).status_code == 302
    needs_task.refresh_from_db()
    assert needs_task.completed_at is not None


def test_done_after_the_due_time_shows_done_late(client, opened_case, personas):
    task = TaskFactory(
        case=opened_case,
        action="support_plan",
        rule_key="support_plan",
        label="Support plan",
        due_at=timezone.now() - dt.timedelta(days=2),
    )
    client.force_login(personas.caseworker)
    client.post(url(task), form_data())
    task.refresh_from_db()
    assert (task.status, task.met_at) == (TaskStatus.BREACHED, None)
    body = case_page(client, opened_case)
    assert "Support plan: done late (marked done)" in body
    assert f"done late {when(task.completed_at)}" in body  # beside the tag in the table


def test_an_outsider_in_another_team_gets_404(client, needs_task, personas):
    client.force_login(personas.outsider)
    assert client.get(url(needs_task)).status_code == 404
    assert client.post(url(needs_task), form_data()).status_code == 404
    needs_task.refresh_from_db()
    assert needs_task.completed_at is None


def test_a_commissioner_is_refused(client, needs_task, personas):
    client.force_login(personas.commissioner)
    assert client.get(url(needs_task)).status_code == 403
    assert client.post(url(needs_task), form_data()).status_code == 403
    needs_task.refresh_from_db()
    assert needs_task.completed_at is None


def test_an_analyst_who_reads_the_case_may_not_mark_it_done(client, needs_task, personas):
    client.force_login(personas.analyst)
    assert client.post(url(needs_task), form_data()).status_code == 403


def test_a_task_of_another_case_is_not_found_through_this_case(client, needs_task, personas):
    other = CaseFactory(
        contract=personas.contract, team=personas.team, allocated_to=personas.caseworker
    )
    client.force_login(personas.caseworker)
    wrong = reverse("casework:task_done", args=[other.pk, needs_task.pk])
    assert client.get(wrong).status_code == 404


def test_a_closed_case_offers_no_action(client, opened_case, needs_task, personas):
    opened_case.state = CaseState.CLOSED
    opened_case.save()
    client.force_login(personas.caseworker)
    assert url(needs_task) not in case_page(client, opened_case)
    response = client.post(url(needs_task), form_data(), follow=True)
    assert "The case is closed" in response.content.decode()
    needs_task.refresh_from_db()
    assert needs_task.completed_at is None


def test_a_first_contact_task_cannot_be_marked_done_this_way(client, first_contact_task, personas):
    client.force_login(personas.caseworker)
    response = client.post(url(first_contact_task), form_data(), follow=True)
    assert "This deadline is met by recording a contact attempt" in response.content.decode()
    first_contact_task.refresh_from_db()
    assert (first_contact_task.status, first_contact_task.completed_at) == (TaskStatus.OPEN, None)
    assert not CaseEvent.objects.filter(kind="task_completed").exists()


def test_a_time_in_the_future_is_a_govuk_error(client, needs_task, personas):
    client.force_login(personas.caseworker)
    response = client.post(url(needs_task), form_data(timezone.now() + dt.timedelta(hours=2)))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Date and time it was done must be in the past" in body
    assert "govuk-error-summary" in body
    assert 'href="#id_done_at-day"' in body
    needs_task.refresh_from_db()
    assert needs_task.completed_at is None


def test_a_date_before_the_case_opened_is_a_govuk_error(client, opened_case, needs_task, personas):
    client.force_login(personas.caseworker)
    before = opened_case.opened_at - dt.timedelta(days=1)
    response = client.post(url(needs_task), form_data(before))
    opened = timezone.localtime(opened_case.opened_at)
    expected = f"Date and time it was done must be the same as or after {opened.day} {opened:%B %Y}"
    assert expected in response.content.decode()


def test_an_earlier_time_on_the_day_the_case_opened_is_a_govuk_error(
    client, opened_case, needs_task, personas
):
    client.force_login(personas.caseworker)
    response = client.post(url(needs_task), form_data(opened_case.opened_at.replace(hour=9)))
    opened = timezone.localtime(opened_case.opened_at)
    assert (
        "Date and time it was done must be the same as or after 14:30 on "
        f"{opened.day} {opened:%B %Y}, when the case opened"
    ) in response.content.decode()
    needs_task.refresh_from_db()
    assert needs_task.completed_at is None


def test_an_incomplete_date_is_a_govuk_error(client, needs_task, personas):
    client.force_login(personas.caseworker)
    response = client.post(url(needs_task), form_data(**{"done_at-month": ""}))
    assert "Date and time it was done must include a month" in response.content.decode()


def test_a_post_without_the_csrf_token_is_refused(needs_task, personas):
    client = Client(enforce_csrf_checks=True)
    client.force_login(personas.caseworker)
    assert client.post(url(needs_task), form_data()).status_code == 403
    needs_task.refresh_from_db()
    assert needs_task.completed_at is None


def test_a_needs_assessment_from_a_shipped_profile_is_marked_done(
    client, open_case, contract_for, personas
):
    # seed 002 s3.8: the needs-assessment clock starts at the first contact
    case = open_case(contract_for("victim-first-2018"), contact_method="mobile_phone")
    SafeContact.objects.create(
        person=case.person, safe_phone="07700 900123", harmer_at_address="no", letters="never"
    )
    contact_attempt_record(
        case=case,
        channel="phone",
        outcome="reached",
        attempted_at=timezone.now(),
        recorded_by=personas.caseworker,
    )
    task = case.tasks.get(rule_key="needs_assessment")
    client.force_login(personas.caseworker)
    assert url(task) in case_page(client, case)
    client.post(url(task), form_data(timezone.now()))  # the minute the case opened is fine
    task.refresh_from_db()
    assert task.status == TaskStatus.MET


def test_a_needs_assessment_deadline_points_to_the_reassessment_before_closure(
    client, open_case, contract_for, personas
):
    # seed 004 s7.5 (assessment within 2 weeks) is not the exit reassessment (s4.2)
    case = open_case(contract_for("cornwall-mens-refuge-2021"), route="professional")
    case.opened_at = timezone.now() - dt.timedelta(days=3)
    case.save()
    task = TaskFactory(
        case=case,
        action="needs_assessment",
        rule_key="comprehensive_assessment",
        due_at=timezone.now() + dt.timedelta(days=1),
    )
    client.force_login(personas.caseworker)
    body = client.get(url(task)).content.decode()
    assert "It is not the needs reassessment before closure" in body
    assert reverse("casework:needs_reassessment", args=[case.pk]) in body
    client.post(url(task), form_data())
    assert NeedsAssessment.objects.get(case=case, task=task).stage == "initial"
