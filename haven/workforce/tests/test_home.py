"""The home page's workforce lists (issue 16 item 6): each worker's next supervision (seed 000
s12, seed 004 s13: every 6 weeks), their team leader's list of supervisions due with the
overdue highlighted, and vetting reminders 60 days before expiry (seed 002 Lot 1 s12, s15)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from haven.workforce.services import supervision_record
from haven.workforce.tests.conftest import make_staff, vet

pytestmark = pytest.mark.django_db


def test_seed_004_s13_team_leader_sees_overdue_supervision_and_lapsing_vetting(
    client, personas, caseworker_record, lapsed_record
):
    today = timezone.localdate()
    supervision_record(
        staff=caseworker_record,
        held_on=today - timedelta(weeks=7),
        kind="individual",
        recorded_by=personas.team_leader,
    )
    expiring = make_staff(personas, None, full_name="Synthetic Expiring", team=personas.team)
    vet(personas, expiring, expires_in_days=30)
    supervision_record(
        staff=expiring, held_on=today, kind="individual", recorded_by=personas.team_leader
    )
    client.force_login(personas.team_leader)
    html = client.get(reverse("home")).content.decode()
    assert "Supervisions due (every 6 weeks)" in html
    due = html.split("Supervisions due")[1].split("</table>")[0]
    assert caseworker_record.full_name in due
    assert "Overdue" in due
    assert "Synthetic Expiring" not in due  # supervised today: next due in six weeks
    reminders = html.split("Vetting lapsed or expiring within 60 days")[1].split("</table>")[0]
    assert "Synthetic Expiring" in reminders
    assert "Expires soon" in reminders
    assert lapsed_record.full_name in reminders
    assert "Lapsed" in reminders
    assert caseworker_record.full_name not in reminders


def test_a_worker_sees_only_their_own_next_supervision(client, personas, caseworker_record):
    client.force_login(personas.caseworker)
    html = client.get(reverse("home")).content.decode()
    assert "My next supervision" in html
    assert "Supervisions due (every 6 weeks)" not in html
    assert reverse("workforce:mine") in html


def test_no_staff_record_and_no_team_shows_nothing(client, personas):
    client.force_login(personas.analyst)
    assert "Supervision and vetting" not in client.get(reverse("home")).content.decode()
