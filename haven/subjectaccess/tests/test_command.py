"""`haven sar-due` (reference.md s7): overdue and due-soon requests, with ids and reference codes
only, never a name."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from haven.subjectaccess.tests.conftest import new_sar

pytestmark = pytest.mark.django_db


def _run(*args):
    out = StringIO()
    call_command("sar-due", *args, stdout=out)
    return out.getvalue()


def test_reference_md_s7_overdue_requests_are_listed_without_personal_data(world):
    overdue = new_sar(world, received_on=timezone.localdate() - dt.timedelta(days=45))
    later = new_sar(world, received_on=timezone.localdate())
    output = _run()
    assert str(overdue.pk) in output
    assert "OVERDUE" in output
    assert world.person.reference_code in output
    assert str(later.pk) not in output  # due in a month: not listed without --all
    for personal in (world.person.given_name, world.person.family_name, world.person.postcode):
        assert personal not in output
    assert str(later.pk) in _run("--all")


def test_nothing_due_says_so(world):
    assert "No subject access requests" in _run()
