"""The helpline in the returns: its calls and call-backs load in two queries only when a measure
reads them, and Wokingham's (seed 003 s13, s6.1) and Leicester victim-survivor's (seed 001 Lot 3
s8) measures count them; the drill-down links to the call's own page."""

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from haven.helpline.services import CallBackRequest, call_back_close, helpline_call_log
from haven.reporting.loaders import load_facts
from haven.reporting.periods import parse_period, period_containing
from haven.reporting.selectors import contract_return

pytestmark = pytest.mark.django_db
WOKINGHAM_Q1 = parse_period("2026-Q1", "07-01")  # July to September 2026
LEICESTER_Q2 = parse_period("2026-Q2", "04-01")  # July to September 2026
NOW = datetime(2026, 10, 20, tzinfo=UTC)


def _log(contract, user, started, **fields):
    values = {
        "direction": "in",
        "caller_type": "victim",
        "duration_minutes": 20,
        "outcomes": ["information"],
    }
    values.update(fields)
    return helpline_call_log(contract=contract, taken_by=user, started_at=started, **values)


def _voicemail(contract, user, started):
    return _log(
        contract,
        user,
        started,
        duration_minutes=0,
        outcomes=["call_back_booked"],
        answered_live=False,
        call_back=CallBackRequest(due_at=started, phone="07700 900111"),
    )


def test_calls_and_call_backs_load_in_two_queries_only_when_wanted(wokingham, personas):
    _voicemail(wokingham, personas.caseworker, datetime(2026, 8, 3, 10, tzinfo=UTC))
    _log(wokingham, personas.caseworker, datetime(2026, 8, 4, 10, tzinfo=UTC))

    def queries(needs):
        with CaptureQueriesContext(connection) as captured:
            load_facts(wokingham, WOKINGHAM_Q1.start, WOKINGHAM_Q1.end, needs=needs)
        return len(captured)

    assert queries(frozenset({"helpline"})) == queries(frozenset()) + 2
    facts = load_facts(wokingham, WOKINGHAM_Q1.start, WOKINGHAM_Q1.end)
    assert len(facts.helpline_calls) == 2
    assert len(facts.call_backs) == 1


def test_seed_003_wokingham_calls_and_enquiries_answered_within_2_working_days(wokingham, personas):
    """Monday 3 August 2026: a live call (answered at once), a voicemail answered on Tuesday (in
    time) and one answered on Thursday 6 August (late: due by the end of Wednesday); an outgoing
    call is not a call to the helpline."""
    user = personas.caseworker
    _log(wokingham, user, datetime(2026, 8, 3, 10, tzinfo=UTC))
    _log(wokingham, user, datetime(2026, 8, 3, 11, tzinfo=UTC), direction="out")
    in_time = _voicemail(wokingham, user, datetime(2026, 8, 3, 12, tzinfo=UTC))
    late = _voicemail(wokingham, user, datetime(2026, 8, 3, 13, tzinfo=UTC))
    for call, answered in (
        (in_time, datetime(2026, 8, 4, 9, tzinfo=UTC)),
        (late, datetime(2026, 8, 6, 9, tzinfo=UTC)),
    ):
        call_back_close(call_back=call.call_backs.get(), closed_by=user, status="done", at=answered)
    report = contract_return(wokingham, WOKINGHAM_Q1, now=NOW)
    assert report.measure("helpline_calls").value == 3
    assert report.measure("enquiries_answered_in_2_working_days").value == pytest.approx(2 / 3)


def test_seed_001_lot_3_leicester_call_backs_counselling_and_out_of_hours(contract_for, personas):
    leicester = contract_for("leicester-victim-survivor-2012")
    user = personas.caseworker
    _log(
        leicester,
        user,
        datetime(2026, 8, 3, 10, tzinfo=UTC),
        kind="counselling",
        duration_minutes=45,
    )
    _log(
        leicester,
        user,
        datetime(2026, 8, 3, 19, tzinfo=UTC),
        kind="counselling",
        duration_minutes=45,
    )
    call = _voicemail(leicester, user, datetime(2026, 8, 4, 7, 30, tzinfo=UTC))
    call_back_close(
        call_back=call.call_backs.get(),
        closed_by=user,
        status="done",
        at=datetime(2026, 8, 4, 10, tzinfo=UTC),
    )
    report = contract_return(leicester, LEICESTER_Q2, now=NOW)
    assert report.measure("call_backs").value == 1
    assert report.measure("telephone_counselling_hours").value == 1.5
    # 19:00 UTC is 20:00 BST and 07:30 UTC is 08:30 BST: both outside 9am-5pm
    assert report.measure("out_of_hours_helpline_calls").value == 2


def test_the_drill_down_links_to_the_call(client, wokingham, personas):
    call = _log(wokingham, personas.caseworker, timezone.now().replace(microsecond=0))
    client.force_login(personas.service_manager)
    current = period_containing(timezone.localdate(), "quarter", "07-01")
    url = reverse("reporting:measure", args=[wokingham.slug, current.code, "helpline_calls"])
    page = client.get(url).content.decode()
    assert "Helpline call" in page
    assert reverse("helpline:call", args=[call.pk]) in page
