"""Nothing is recorded on a closed case (casework.rules), enforced by the services and read by the
views, bar the follow-up duties that start at closure: a closed case with an open follow-up
offers it on its page (seed 003 s6.9: Wokingham's 6- and 12-month contact)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from haven.casework.models import CaseNote, CaseState, ContactAttempt, TaskStatus
from haven.casework.services import (
    CaseClosedError,
    TaskNotMarkableError,
    case_close,
    case_note_add,
    case_note_correct,
    case_note_edit,
    contact_attempt_record,
    task_mark_done,
)
from haven.people.models import SafeContact
from haven.risk.models import RiskAssessment
from haven.testing.casework import TaskFactory
from haven.testing.risk import form_data as risk_form

pytestmark = pytest.mark.django_db


def close(case, user):
    case_close(
        case=case,
        closed_by=user,
        exit_type="unplanned",
        exit_reason="other_unplanned",
        reason="Moved away",
        overrides={
            "exit_risk_assessment": "Left before we could assess",
            "exit_interview": "Left before we could ask",
            "needs_reassessment": "Left before we could reassess",
        },
    )
    case.refresh_from_db()
    return case


def attempt_form(outcome="reached"):
    now = timezone.localtime()
    return {
        "channel": "phone",
        "direction": "outbound",
        "outcome": outcome,
        "attempted_at-day": now.day,
        "attempted_at-month": now.month,
        "attempted_at-year": now.year,
        "attempted_at-hour": now.hour,
        "attempted_at-minute": now.minute,
        "notes": "",
    }


def note_form():
    now = timezone.localtime()
    return {
        "note_type": "case_note",
        "text": "Synthetic note",
        "happened_at-day": now.day,
        "happened_at-month": now.month,
        "happened_at-year": now.year,
        "happened_at-hour": now.hour,
        "happened_at-minute": now.minute,
    }


@pytest.fixture
def closed_case(team_case, personas):
    """A closed case whose contract has no follow-up duties, with a note written before."""
    SafeContact.objects.create(person=team_case.person, safe_phone="07700 900123")
    note = case_note_add(
        case=team_case,
        author=personas.caseworker,
        note_type="case_note",
        text="Before closing",
        happened_at=timezone.now(),
    )
    close(team_case, personas.caseworker)
    team_case.note = note
    return team_case


@pytest.fixture
def wokingham_closed(open_case, contract_for, personas):
    case = open_case(contract_for("wokingham-da-2017"), route="professional")
    SafeContact.objects.create(person=case.person, safe_phone="07700 900123")
    return close(case, personas.caseworker)


def test_the_services_refuse_notes_attempts_and_tasks_on_a_closed_case(closed_case, personas):
    user = personas.caseworker
    now = timezone.now()
    with pytest.raises(CaseClosedError):
        contact_attempt_record(
            case=closed_case, channel="phone", outcome="reached", attempted_at=now, recorded_by=user
        )
    with pytest.raises(CaseClosedError):
        case_note_add(
            case=closed_case, author=user, note_type="case_note", text="x", happened_at=now
        )
    with pytest.raises(CaseClosedError):
        case_note_edit(
            note=closed_case.note,
            edited_by=user,
            text="Changed",
            note_type="case_note",
            happened_at=now,
        )
    with pytest.raises(CaseClosedError):
        case_note_correct(note=closed_case.note, author=user, text="Correction")
    task = TaskFactory(case=closed_case, action="review", rule_key="review")
    with pytest.raises(TaskNotMarkableError, match="closed"):
        task_mark_done(task=task, done_by=user, done_at=now)
    assert not ContactAttempt.objects.filter(case=closed_case).exists()
    assert CaseNote.objects.filter(case=closed_case).count() == 1


def test_posting_directly_to_a_closed_case_records_nothing(client, closed_case, personas):
    client.force_login(personas.caseworker)
    case_page = reverse("casework:detail", args=[closed_case.pk])
    posts = [
        reverse("casework:attempt_record", args=[closed_case.pk]),
        reverse("casework:note_add", args=[closed_case.pk]),
        reverse("casework:note_correct", args=[closed_case.note.pk]),
        reverse("risk:complete", args=[closed_case.pk]),
    ]
    bodies = [attempt_form(), note_form(), {"text": "Correction"}, risk_form(yes=3)]
    for url, body in zip(posts, bodies, strict=True):
        response = client.post(url, body)
        assert response.status_code == 302, url
        assert response.url == case_page, url
    assert not ContactAttempt.objects.filter(case=closed_case).exists()
    assert CaseNote.objects.filter(case=closed_case).count() == 1
    assert not RiskAssessment.objects.filter(case=closed_case).exists()
    page = client.get(case_page).content.decode()
    assert "nothing more is recorded on it" in page
    for url in posts:
        assert f'href="{url}"' not in page


def test_a_closed_case_with_an_open_follow_up_offers_the_follow_up_contact(
    client, wokingham_closed, personas
):
    # seed 003 s6.9: attempt to contact the customer 6 and 12 months after the end of support
    client.force_login(personas.caseworker)
    page = client.get(reverse("casework:detail", args=[wokingham_closed.pk])).content.decode()
    attempt_url = reverse("casework:attempt_record", args=[wokingham_closed.pk])
    # each follow-up is recorded for itself (haven/followups), not by the generic attempt page
    assert 'href="#follow-ups-and-surveys"' in page
    assert f'href="{attempt_url}"' not in page
    for task in wokingham_closed.tasks.filter(is_outstanding=True):
        record = reverse("followups:follow_up_record", args=[wokingham_closed.pk, task.pk])
        assert f'href="{record}"' in page
    assert "Attempt to contact the customer 6 months after the end of support" in page
    assert f'href="{reverse("casework:note_add", args=[wokingham_closed.pk])}"' not in page
    response = client.post(attempt_url, attempt_form())
    assert response.status_code == 302
    follow_up = wokingham_closed.tasks.get(rule_key="follow_up_6_months")
    assert follow_up.status == TaskStatus.MET
    wokingham_closed.refresh_from_db()
    assert wokingham_closed.state == CaseState.CLOSED
    # a note is still refused on the closed case
    with pytest.raises(CaseClosedError):
        case_note_add(
            case=wokingham_closed,
            author=personas.caseworker,
            note_type="case_note",
            text="x",
            happened_at=timezone.now(),
        )


def test_a_closed_case_s_review_follow_up_can_be_marked_done(
    client, open_case, contract_for, personas
):
    # seed 004 s4.2: move-on support for children reviewed at least 2 months after leaving
    case = open_case(contract_for("cornwall-mens-refuge-2021"), route="agency")
    close(case, personas.caseworker)
    follow_up = case.tasks.get(rule_key="children_move_on_support")
    client.force_login(personas.caseworker)
    page = client.get(reverse("casework:detail", args=[case.pk])).content.decode()
    assert reverse("casework:task_done", args=[case.pk, follow_up.pk]) in page
    task_mark_done(task=follow_up, done_by=personas.caseworker, done_at=timezone.now())
    follow_up.refresh_from_db()
    assert follow_up.status == TaskStatus.MET


def test_a_follow_up_contact_meets_only_the_follow_up_it_was_made_for(wokingham_closed, personas):
    # seed 003 s6.9: contact at 6 months AND at 12 months after support ends; one contact made
    # for the 6-month follow-up must not also meet the 12-month one (issue 11 item 6)
    tasks = {t.rule_key: t for t in wokingham_closed.tasks.all()}
    assert {"follow_up_6_months", "follow_up_12_months"} <= set(tasks)
    contact_attempt_record(
        case=wokingham_closed,
        channel="phone",
        outcome="reached",
        attempted_at=timezone.now(),
        recorded_by=personas.caseworker,
    )
    six = wokingham_closed.tasks.get(rule_key="follow_up_6_months")
    twelve = wokingham_closed.tasks.get(rule_key="follow_up_12_months")
    assert six.status == TaskStatus.MET
    assert twelve.status == TaskStatus.OPEN
    assert twelve.is_outstanding
    contact_attempt_record(
        case=wokingham_closed,
        channel="phone",
        outcome="reached",
        attempted_at=timezone.now(),
        recorded_by=personas.caseworker,
    )
    twelve.refresh_from_db()
    assert twelve.status == TaskStatus.MET
