"""The bulk import writes what the per-row services write (seed 000 s5).

The same exports are imported twice, each time into its own provider organisation with its own
DV 360 contract: once by `workbook_import` (the bulk path), once with the import's rows replayed
one at a time through the services it used to call (`possible_matches`, `new_person_for` →
`person_create`, `link_nominal`, `refer_incident` → `referral_create` / `referral_accept` →
`case_open_from_referral`). People, nominal links, referrals, cases, tasks, timeline entries,
reviews, runs and audit events must match field by field, ids aside.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from pathlib import Path
from typing import Any

import pytest
import time_machine
from django.db import models

from haven.accounts.roles import Role
from haven.casework.models import Case, CaseAccess, CaseEvent, Task
from haven.casework.services import case_open_from_referral, case_restriction_set
from haven.contracts.models import Contract
from haven.core.auditor import audit_event
from haven.core.models import AuditAction, AuditEvent
from haven.people.models import EqualityData, Person, SafeContact
from haven.people.services import person_create
from haven.referrals.models import Referral
from haven.referrals.services import referral_create
from haven.testing.factories import MembershipFactory, OrganisationFactory
from haven.testing.fixtures import profile_contract
from haven.workbook import services
from haven.workbook.bulk import chunks, victim_of
from haven.workbook.engine.tests.exports import incident, write_csv
from haven.workbook.matching import Candidates, Victim, possible_matches
from haven.workbook.models import (
    IdentityReview,
    ImportedIncident,
    PoliceNominal,
    WorkbookRun,
)

from .conftest import AS_OF, series

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2026, 4, 1, 9, 30, tzinfo=dt.UTC)


class RowImport:
    """The import as it was before the bulk path: one service call per person and referral."""

    def __init__(self, *, run: WorkbookRun, actor: Any, team: Any, source: str) -> None:
        self.run, self.actor, self.team, self.source = run, actor, team, source
        self.contract = run.contract
        self.by_victim: dict[str, Person | Candidates] = {}

    def import_rows(self, rows: list[dict[str, Any]]) -> None:
        ids = [str(r["incident_id"]) for r in rows]
        done = self._known_incidents(ids)
        nominals = self._nominal_people({str(r["nominal_id"]) for r in rows if r["nominal_id"]})
        for row in rows:
            if row["incident_id"] in done:
                self.run.already_imported += 1
                continue
            done.add(row["incident_id"])
            victim = victim_of(row)
            target = self.by_victim.get(victim.key) or nominals.get(victim.nominal_id)
            if target is None:
                candidates = possible_matches(self.contract.provider, victim)
                target = candidates or self._new_person(victim)
                if isinstance(target, Person) and victim.nominal_id:
                    nominals[victim.nominal_id] = target
            self.by_victim[victim.key] = target
            if isinstance(target, Person):
                self._refer(victim, target)
            else:
                self._send_to_review(victim, target)

    def write(self) -> None:
        """Everything was saved as it went."""

    def _known_incidents(self, ids: list[str]) -> set[str]:
        known: set[str] = set()
        for chunk in chunks(ids):
            referred = Referral.objects.filter(source=self.source, external_id__in=chunk)
            known |= set(referred.values_list("external_id", flat=True))
            reviewed = IdentityReview.objects.filter(source=self.source, incident_id__in=chunk)
            known |= set(reviewed.values_list("incident_id", flat=True))
        return known

    def _nominal_people(self, nominal_ids: set[str]) -> dict[str, Person]:
        links = PoliceNominal.objects.filter(source=self.source, nominal_id__in=nominal_ids)
        return {link.nominal_id: link.person for link in links.select_related("person")}

    def _new_person(self, victim: Victim) -> Person:
        person = services.new_person_for(victim, self.contract, self.actor)
        if victim.nominal_id:
            services.link_nominal(
                source=self.source, victim=victim, person=person, actor=self.actor
            )
        return person

    def _refer(self, victim: Victim, person: Person) -> None:
        referral = services.refer_incident(
            victim=victim, person=person, contract=self.contract, actor=self.actor, team=self.team
        )
        ImportedIncident.objects.create(
            run=self.run, referral=referral, incident_id=victim.incident_id
        )
        self.run.referrals_created += 1

    def _send_to_review(self, victim: Victim, candidates: Candidates) -> None:
        review = IdentityReview.objects.create(
            run=self.run,
            contract=self.contract,
            source=self.source,
            incident_id=victim.incident_id,
            incident_at=victim.incident_at,
            victim_key=victim.key,
            nominal_id=victim.nominal_id,
            given_name=victim.given_name,
            family_name=victim.family_name,
            date_of_birth=victim.date_of_birth,
            postcode=victim.postcode,
            risk_grade=victim.risk_grade,
            match_confidence=victim.match_confidence,
            candidate_reasons={str(p.pk): list(why) for p, why in candidates.items()},
        )
        review.candidates.set(list(candidates))
        audit_event(actor=self.actor, action=AuditAction.CREATE, target=review)
        self.run.sent_to_review += 1


def exports() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """A day's export and the next day's, which repeats most of it and adds to it."""
    sam = {"victim_forename": "Sam", "victim_surname": "Sample", "victim_dob": "1985-01-02"}
    jo = {"victim_forename": "Jo", "victim_surname": "Bloggs", "victim_dob": "1970-07-07"}
    kim = {"victim_forename": "Kim", "victim_surname": "Young", "victim_dob": "2012-02-29"}
    nameless = {"victim_forename": "Lee", "victim_surname": "Noid", "victim_dob": "1961-11-30"}
    first = [
        *series(4),  # resembles someone already known: review
        *series(4, victim="N2", day=5, **sam, risk_grade="medium"),  # known nominal id
        *series(5, victim="N3", day=10, **jo, victim_postcode="LE3 9ZZ"),  # new, repeats
        *series(3, victim="N4", day=20, **jo, victim_postcode="LE3 9ZZ"),  # like N3: review
        *series(3, victim="N5", day=1, **kim, victim_postcode="LE5 5AA"),  # a child
        *series(3, victim="", day=2, **nameless, victim_postcode="LE7 7BB"),  # no nominal id
        incident("IN3-6", "2026-03-16 10:00", victim="N3", **jo, risk_grade="high"),  # excluded
        incident("BAD", "2026-02-30 10:00"),
    ]
    later = [*first, *series(7, victim="N3", day=10, **jo, victim_postcode="LE3 9ZZ")[5:]]
    later += series(4, victim="N6", day=25, victim_forename="Ola", victim_dob="1999-09-09")
    return first, later


def known_people(contract: Contract, actor: Any, named: Any) -> None:
    """Alex Example (whom N1 resembles) and Sam Sample, referred last month, nominal id N2, whose
    case is restricted with `named` on it (so a new case for Sam opens restricted)."""
    person_create(
        created_by=actor,
        details={
            "given_name": "Alex",
            "family_name": "Example",
            "date_of_birth": dt.date(1990, 5, 17),
        },
        organisation=contract.provider,
    )
    person_create(
        created_by=actor,
        details={"given_name": "Alex", "family_name": "Example", "postcode": "LE1 6AB"},
        organisation=contract.provider,
    )
    sam = person_create(
        created_by=actor,
        details={"given_name": "Samantha", "family_name": "Sample", "postcode": "LE9 9ZZ"},
        organisation=contract.provider,
    )
    PoliceNominal.objects.create(
        source=services.workbook_source(contract), nominal_id="n2", person=sam
    )
    earlier = referral_create(
        contract=contract,
        person=sam,
        entered_by=None,
        route="police_workbook",
        received_at=NOW - dt.timedelta(days=30),
    )
    case = case_open_from_referral(referral=earlier, opened_by=named, allocated_to=named)
    case_restriction_set(case=case, restricted=True, changed_by=named, reason="Synthetic")


def import_both(tmp_path: Path, contract: Contract, actor: Any, team: Any) -> None:
    first, later = exports()
    for n, rows in enumerate((first, later, later)):
        path = write_csv(tmp_path / f"{contract.slug}-{n}.csv", rows)
        services.workbook_import(
            path=path,
            contract=contract,
            imported_by=actor,
            file_name=f"export-{n}.csv",
            as_of=AS_OF,
            identity="auto",
            team=team,
        )


# -- comparing -----------------------------------------------------------------------------------
SKIP = {"id", "created_at", "updated_at"}


class Canon:
    """Ids, reference codes and the organisation's own records replaced by stable labels."""

    def __init__(self, contract: Contract, team: Any) -> None:
        self.labels: dict[str, str] = {
            str(contract.pk): "contract",
            str(contract.provider_id): "organisation",
        }
        if team is not None:
            self.labels[str(team.pk)] = "team"
        people = Person.objects.filter(organisation=contract.provider)
        for person in people:
            name = f"{person.given_name} {person.family_name} {person.date_of_birth}"
            label = f"person {name} {person.postcode}"
            self.labels[str(person.pk)] = label
            self.labels[person.reference_code] = f"code of {label}"
            for record in (person.safe_contact, person.equality):
                self.labels[str(record.pk)] = f"{type(record).__name__} of {label}"
        for referral in Referral.objects.filter(contract=contract):
            self.labels[str(referral.pk)] = f"referral {referral.external_id or 'manual'}"
        for case in Case.objects.filter(contract=contract).select_related("referral"):
            self.labels[str(case.pk)] = f"case {case.referral.external_id}"
        for task in Task.objects.filter(case__contract=contract).select_related("case__referral"):
            self.labels[str(task.pk)] = f"task {task.case.referral.external_id} {task.rule_key}"
        for event in CaseEvent.objects.filter(case__contract=contract):
            self.labels[str(event.pk)] = "event"
        for review in IdentityReview.objects.filter(contract=contract):
            self.labels[str(review.pk)] = f"review {review.incident_id}"
        for link in PoliceNominal.objects.filter(source=services.workbook_source(contract)):
            self.labels[str(link.pk)] = f"nominal {link.nominal_id}"
        # the clock stands still in the test: the runs are told apart by their file names
        runs = WorkbookRun.objects.filter(contract=contract).order_by("file_name")
        for n, run in enumerate(runs):
            self.labels[str(run.pk)] = f"run {n}"
        for imported in ImportedIncident.objects.filter(run__contract=contract):
            self.labels[str(imported.pk)] = f"imported {imported.incident_id}"
        self.source = services.workbook_source(contract)

    def value(self, value: Any) -> Any:
        if isinstance(value, uuid.UUID):
            value = str(value)
        if isinstance(value, str):
            if value == self.source:
                return "source"
            return self.labels.get(value, value)
        if isinstance(value, dt.datetime):
            return value.astimezone(dt.UTC).isoformat()
        if isinstance(value, dict):
            return {self.value(k): self.value(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [self.value(v) for v in value]
        return value

    def row(self, obj: models.Model) -> str:
        fields = {
            f.name: self.value(getattr(obj, f.attname))
            for f in type(obj)._meta.concrete_fields
            if f.name not in SKIP
        }
        if isinstance(obj, IdentityReview):
            fields["candidates"] = sorted(self.value(p.pk) for p in obj.candidates.all())
        return json.dumps(fields, sort_keys=True, default=str)

    def rows(self, objects: Any) -> list[str]:
        return sorted(self.row(o) for o in objects)

    def audit(self, event: AuditEvent) -> tuple[Any, ...]:
        changes = self.value(json.loads(json.dumps(event.changes)))
        target = self.labels.get(event.object_id, "elsewhere")
        return event.action, event.object_type, target, event.actor_label, changes, event.reason

    def everything(self, contract: Contract) -> dict[str, Any]:
        provider = contract.provider
        labels = set(self.labels)
        audits = [
            self.audit(e)
            for e in AuditEvent.objects.order_by("id")
            if e.object_id in labels and e.object_id not in {str(contract.pk), str(provider.pk)}
        ]
        return {
            "people": self.rows(Person.objects.filter(organisation=provider)),
            "safe contacts": self.rows(SafeContact.objects.filter(person__organisation=provider)),
            "equality": self.rows(EqualityData.objects.filter(person__organisation=provider)),
            "nominals": self.rows(PoliceNominal.objects.filter(source=self.source)),
            "referrals": self.rows(Referral.objects.filter(contract=contract)),
            "cases": self.rows(Case.objects.filter(contract=contract)),
            "named staff": self.rows(CaseAccess.objects.filter(case__contract=contract)),
            "tasks": self.rows(Task.objects.filter(case__contract=contract)),
            "timeline": self.rows(CaseEvent.objects.filter(case__contract=contract)),
            "imported": self.rows(ImportedIncident.objects.filter(run__contract=contract)),
            "reviews": self.rows(IdentityReview.objects.filter(contract=contract)),
            "runs": self.rows(WorkbookRun.objects.filter(contract=contract)),
            "audit": audits,
        }


@pytest.mark.parametrize("who", ["caseworker", "system"])
def test_the_bulk_import_writes_what_the_services_write(tmp_path, personas, monkeypatch, who):
    actor = personas.caseworker if who == "caseworker" else None
    team = personas.team if who == "caseworker" else None
    row_contract = profile_contract("opcc-dv360", OrganisationFactory())
    row_contract.slug = "opcc-dv360-per-row"  # its own referral source
    row_contract.save()
    bulk_contract = profile_contract("opcc-dv360", OrganisationFactory())
    if actor is not None:  # the importing caseworker works for both providers (decides referrals)
        for contract in (row_contract, bulk_contract):
            MembershipFactory(user=actor, role=Role.CASEWORKER, organisation=contract.provider)
    with time_machine.travel(NOW, tick=False):
        for contract in (bulk_contract, row_contract):
            known_people(contract, actor, personas.team_leader)
        import_both(tmp_path, bulk_contract, actor, team)
        with monkeypatch.context() as patch:
            patch.setattr(services, "BulkImport", RowImport)
            import_both(tmp_path, row_contract, actor, team)

    bulk = Canon(bulk_contract, team).everything(bulk_contract)
    per_row = Canon(row_contract, team).everything(row_contract)
    for kind, rows in per_row.items():
        assert bulk[kind] == rows, kind
    # the exports exercise what they are meant to
    runs = WorkbookRun.objects.filter(contract=bulk_contract).order_by("file_name")
    counts = [(r.referrals_created, r.sent_to_review, r.already_imported) for r in runs]
    assert counts == [(7, 3, 0), (3, 0, 10), (0, 0, 13)]
    assert sum('"is_repeat": true' in r for r in bulk["referrals"]) == 6
    assert sum('"is_child": true' in p for p in bulk["people"]) == 1
    # Sam's two new cases open restricted, naming the earlier case's named staff (and the
    # caseworker who imports)
    assert sum('"is_restricted": true' in c for c in bulk["cases"]) == 3
    assert len(bulk["named staff"]) == (3 if who == "system" else 5)
    assert len(bulk["audit"]) > 50
    assert all(bulk.values()), [kind for kind, rows in bulk.items() if not rows]
