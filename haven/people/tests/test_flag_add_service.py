"""flag_add: a dated flag, audited."""

import datetime as dt

from haven.core.models import AuditAction, AuditEvent
from haven.people.services import flag_add


def test_it_adds_a_current_flag_and_audits_it(personas, person):
    flag = flag_add(
        person=person, added_by=personas.caseworker, kind="nrpf", started_on=dt.date(2026, 1, 5)
    )
    assert flag.is_current
    event = AuditEvent.objects.get(object_type="people.personflag")
    assert event.action == AuditAction.CREATE
    assert event.changes["kind"] == [None, "nrpf"]


def test_the_flags_the_seeds_ask_for_can_be_recorded(personas, person):
    # seed 001 s6: no recourse to public funds, disability; seed 004 s3.2: routine enquiry about ACEs
    for kind in ("nrpf", "disability", "aces", "mental_health", "substance_use"):
        flag_add(
            person=person, added_by=personas.caseworker, kind=kind, started_on=dt.date(2026, 1, 5)
        )
    assert person.flags.count() == 5
