"""Subject access tests: a person with a case, a note naming the person causing harm and a
child of the household, an earlier wording of a note, and reads of their record in the audit."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
from django.utils import timezone

from haven.casework.models import Case, CaseNote, CaseNoteVersion
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.people.models import Person
from haven.subjectaccess import services
from haven.subjectaccess.models import SubjectAccessRequest
from haven.testing.casework import CaseNoteFactory
from haven.testing.fixtures import open_case
from haven.testing.people import HarmLinkFactory, HouseholdLinkFactory

__all__ = ["open_case"]

HARMER_GIVEN, HARMER_FAMILY = "Darrow", "Quillfeather-Synthe"
CHILD_GIVEN = "Poppaea"
HARMER_NOTE = f"{HARMER_GIVEN} {HARMER_FAMILY} came to the door again. {CHILD_GIVEN} was at school."
PLAIN_NOTE = "Talked through housing options and the safety plan."


@dataclass
class World:
    personas: Any
    case: Case
    person: Person
    harmer_note: CaseNote
    plain_note: CaseNote


@pytest.fixture
def world(personas, open_case) -> World:
    case = open_case()
    person = case.person
    HarmLinkFactory(
        person=person, harmer__given_name=HARMER_GIVEN, harmer__family_name=HARMER_FAMILY
    )
    HouseholdLinkFactory(person=person, member__given_name=CHILD_GIVEN)
    harmer_note = CaseNoteFactory(case=case, author=personas.caseworker, text=HARMER_NOTE)
    plain_note = CaseNoteFactory(case=case, author=personas.caseworker, text=PLAIN_NOTE)
    CaseNoteVersion.objects.create(
        note=plain_note,
        version=1,
        note_type="case_note",
        happened_at=timezone.now(),
        text="Talked through housing.",
        replaced_at=timezone.now(),
        replaced_by=personas.caseworker,
    )
    audit_event(actor=personas.caseworker, action=AuditAction.VIEW, target=person)
    return World(personas, case, person, harmer_note, plain_note)


def new_sar(
    world: World, *, received_on: dt.date | None = None, **kwargs: Any
) -> SubjectAccessRequest:
    return services.sar_create(
        person=world.person,
        received_on=received_on or timezone.localdate() - dt.timedelta(days=3),
        received_how="email",
        requester="person",
        created_by=world.personas.data_protection_officer,
        **kwargs,
    )


def verified_sar(world: World, **kwargs: Any) -> SubjectAccessRequest:
    sar = new_sar(world, **kwargs)
    return services.sar_verify_identity(
        sar=sar,
        verified_on=sar.received_on,
        method="Photo ID seen in person",
        verified_by=world.personas.data_protection_officer,
    )


def gathered_sar(world: World) -> SubjectAccessRequest:
    sar = verified_sar(world)
    return services.sar_gather(sar=sar, gathered_by=world.personas.data_protection_officer)
