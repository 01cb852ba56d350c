"""A follow-up's contact, recorded for one follow-up task through casework's attempt service:
it meets that task only (issue 11 item 6: a 1-month follow-up never meets the 12-month one), the
safe-contact check applies, and it is on the timeline."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from haven.casework.models import CaseEvent, TaskStatus
from haven.casework.services import SafeContactBlockedError
from haven.followups.models import FollowUpContact
from haven.followups.services import follow_up_contact_record

pytestmark = pytest.mark.django_db


def _record(task, user, outcome="reached", channel="phone", **kwargs):
    return follow_up_contact_record(
        task=task,
        channel=channel,
        outcome=outcome,
        attempted_at=timezone.now(),
        recorded_by=user,
        **kwargs,
    )


def test_a_contact_for_the_12_month_follow_up_does_not_meet_the_1_month_one(dv360_closed, personas):
    # seed 000 s5: surveyed at 1 month and at 12 months: two duties, each met by its own contact
    one = dv360_closed.tasks.get(rule_key="follow_up_1_month")
    twelve = dv360_closed.tasks.get(rule_key="follow_up_12_months")
    contact = _record(twelve, personas.caseworker)
    one.refresh_from_db()
    twelve.refresh_from_db()
    assert twelve.status == TaskStatus.MET
    assert one.status == TaskStatus.OPEN
    assert one.is_outstanding
    assert contact.task == twelve
    assert contact.reached
    _record(one, personas.caseworker)
    one.refresh_from_db()
    assert one.status == TaskStatus.MET


def test_a_contact_for_the_6_month_follow_up_meets_only_it(wokingham_closed, personas):
    # seed 003 s6.9: contact at 6 and at 12 months after support ends
    six = wokingham_closed.tasks.get(rule_key="follow_up_6_months")
    twelve = wokingham_closed.tasks.get(rule_key="follow_up_12_months")
    _record(six, personas.caseworker)
    six.refresh_from_db()
    twelve.refresh_from_db()
    assert six.status == TaskStatus.MET
    assert twelve.status == TaskStatus.OPEN


def test_an_unanswered_call_counts_towards_its_follow_up_only(dv360_closed, personas):
    one = dv360_closed.tasks.get(rule_key="follow_up_1_month")
    twelve = dv360_closed.tasks.get(rule_key="follow_up_12_months")
    contact = _record(twelve, personas.caseworker, outcome="no_answer")
    one.refresh_from_db()
    twelve.refresh_from_db()
    assert (twelve.attempts_made, one.attempts_made) == (1, 0)
    assert twelve.status == TaskStatus.OPEN
    assert not contact.reached


def test_the_safe_contact_check_refuses_an_unsafe_channel(dv360_closed, personas):
    # DESIGN s4: safe contact first; no safe email address on file
    twelve = dv360_closed.tasks.get(rule_key="follow_up_12_months")
    with pytest.raises(SafeContactBlockedError):
        _record(twelve, personas.caseworker, channel="email", outcome="email_sent")
    assert not FollowUpContact.objects.exists()
    twelve.refresh_from_db()
    assert twelve.status == TaskStatus.OPEN


def test_the_attempt_is_on_the_timeline(dv360_closed, personas):
    twelve = dv360_closed.tasks.get(rule_key="follow_up_12_months")
    contact = _record(twelve, personas.caseworker)
    assert CaseEvent.objects.filter(case=dv360_closed, object_id=str(contact.attempt.pk)).exists()


def test_a_met_follow_up_takes_no_more_contacts(dv360_closed, personas):
    one = dv360_closed.tasks.get(rule_key="follow_up_1_month")
    _record(one, personas.caseworker)
    one.refresh_from_db()
    with pytest.raises(ValidationError, match="no longer open"):
        _record(one, personas.caseworker)
