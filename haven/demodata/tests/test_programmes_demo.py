"""The demo's groups and programmes (issue 16 item 1): groups with registers, completions that
meet the programme's minimum (seed 001 Lot 4 s5), drop-outs with reasons, crèches (seed 001 Lot 1
s8), young people's groups (seed 002 s7) and partner liaison with victims' cases; and the
returns compute from them."""

from __future__ import annotations

import pytest

from haven.demodata.tests.test_build_demo_data import provider  # noqa: F401 - the fixture
from haven.programmes.models import (
    CrecheSession,
    Enrolment,
    PartnerLiaison,
    Programme,
    ProgrammeSession,
)

pytestmark = pytest.mark.django_db


def test_the_demo_has_programmes_with_registers_and_outcomes(provider):  # noqa: F811
    slugs = set(Programme.objects.values_list("contract__slug", flat=True))
    assert {"leicester-perpetrator-2012", "leicester-family-2012", "victim-first-2018"} <= slugs
    assert ProgrammeSession.objects.filter(format="group").exists()
    assert ProgrammeSession.objects.filter(format="one_to_one").exists()
    for place in Enrolment.objects.filter(status="completed").select_related("run__programme"):
        programme = place.run.programme
        attended = place.attendance.filter(mark="attended").count()
        assert attended >= (programme.min_sessions or 0)
        assert (place.completed_on - place.started_on).days >= 7 * ((programme.min_weeks or 1) - 1)
    assert not Enrolment.objects.filter(status="dropped_out", drop_out_reason="").exists()
    assert CrecheSession.objects.filter(contract__slug="leicester-family-2012").exists()
    for liaison in PartnerLiaison.objects.select_related("victim_case__contract"):
        place = Enrolment.objects.select_related("run__programme").get(pk=liaison.enrolment_id)
        assert place.run.programme.kind == "perpetrator"
        assert liaison.victim_case.contract.slug == "leicester-victim-survivor-2012"


def test_the_demo_puts_each_place_and_mark_on_its_case_timeline(provider):  # noqa: F811
    """As the live services do (haven.programmes.timeline): a place offered, each pre-group
    contact, a perpetrator's assessment, a start, a completion or leaving, each mark."""
    from haven.casework.models import CaseEvent
    from haven.programmes.models import PreGroupContact, SessionAttendance

    events = CaseEvent.objects.filter(kind__startswith="programme_")
    places = Enrolment.objects.all()
    assert events.filter(kind="programme_place_offered").count() == places.count()
    assert events.filter(kind="programme_pre_group_contact").count() == (
        PreGroupContact.objects.count()
    )
    assert events.filter(kind="programme_assessed").count() == (
        places.exclude(assessed_on=None).count()
    )
    assert (
        events.filter(kind="programme_started").count() == places.exclude(started_on=None).count()
    )
    assert events.filter(kind="programme_completed").count() == (
        places.filter(status="completed").count()
    )
    assert events.filter(kind="programme_left").count() == (
        places.filter(status__in=["dropped_out", "not_started"]).count()
    )
    marks = SessionAttendance.objects.all()
    assert events.filter(kind__startswith="programme_session_").count() == marks.count()
    first = places.select_related("case").first()
    assert set(events.filter(object_id=str(first.pk)).values_list("case_id", flat=True)) == {
        first.case_id
    }
