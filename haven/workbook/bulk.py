"""The import's rows, built in memory and written a table at a time (seed 000 s5).

For each eligible incident this builds what the per-row services write: `person_create` (with
its safe-contact and equality records), `link_nominal`, `referral_create` (repeat flag and
eligibility), `referral_accept` and `case_open_from_referral` (timeline entries and a task per
deadline rule, from the same pure deadline engine), each with its audit event, in the same
order. The reads it needs (incidents already imported, known nominal ids, people who may be a
victim, earlier referrals) are a few queries for the whole export; the writes are one
INSERT per table and batch (`core.table_writer`), inside the caller's transaction. `tests/test_bulk_import.py`
imports the same exports through the per-row services and compares the rows field by field.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from django.db import IntegrityError, models
from django.utils import timezone

from haven.accounts.models import User
from haven.casework.deadline_rules import case_situation, evaluator_for
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import Case, CaseAccess, CaseEvent, CaseState, Task
from haven.casework.services.access import RESTRICTED_ON_OPENING
from haven.casework.services.opening import referral_received_summary
from haven.casework.services.tasks import deadline_task_fields
from haven.contracts.models import Contract
from haven.core.auditor import audit_events_append, audit_record, diff
from haven.core.models import AuditAction, AuditEvent
from haven.core.table_writer import TableWriter
from haven.deadlines import RiskLevel
from haven.people import reference_codes
from haven.people.models import EqualityData, HouseholdLink, Person, SafeContact
from haven.people.services import is_child_today, person_details_tidy, person_snapshot
from haven.referrals.models import Decision, Referral
from haven.referrals.services import REPEAT_WINDOW, eligibility_apply
from haven.workbook.matching import Candidates, MatchPool, Victim
from haven.workbook.models import IdentityReview, ImportedIncident, PoliceNominal, WorkbookRun

ROUTE = "police_workbook"  # seed 000 s5: the automated workbook route of the DV 360 profile
SOURCE_ORGANISATION = "Police (automated workbook)"
CHUNK = 500


def chunks[T](values: list[T]) -> Iterator[list[T]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def is_user(actor: Any) -> bool:
    return bool(getattr(actor, "is_authenticated", False))


def victim_of(row: dict[str, Any]) -> Victim:
    """An eligible output row's victim (`run_workbook(..., victim_details=True)`)."""
    return Victim(
        key=str(row["victim_key"]),
        incident_id=str(row["incident_id"]),
        incident_at=dt.datetime.fromtimestamp(int(row["reported_us"]) / 1_000_000, tz=dt.UTC),
        nominal_id=str(row["nominal_id"] or ""),
        given_name=str(row["forename"] or ""),
        family_name=str(row["surname"] or ""),
        date_of_birth=row["date_of_birth"],
        postcode=str(row["postcode"] or ""),
        risk_grade=str(row["risk_grade"] or ""),
        match_confidence=str(row["match_confidence"] or ""),
    )


def _cut(model: type[models.Model], field: str, value: str) -> str:
    """Text cut to the column's length (a long name or grade would fail on PostgreSQL)."""
    length = getattr(model._meta.get_field(field), "max_length", None)
    return value[:length] if length else value


class ReferenceCodes:
    """Fresh person reference codes: free in the database and within the import."""

    def __init__(self) -> None:
        self.ready: list[str] = []
        self.taken: set[str] = set()

    def take(self, wanted: int) -> str:
        if not self.ready:
            self._fill(min(max(wanted, 1), CHUNK))
        return self.ready.pop()

    def _fill(self, count: int) -> None:
        for _ in range(20):  # people.services.CODE_ATTEMPTS: 32**8 codes, never in practice
            codes = {reference_codes.generate() for _ in range(count)} - self.taken
            used = set(
                Person.objects.filter(reference_code__in=sorted(codes)).values_list(
                    "reference_code", flat=True
                )
            )
            self.taken |= codes
            self.ready = sorted(codes - used, reverse=True)
            if self.ready:
                return
        raise IntegrityError("could not find a free reference code")


class EarlierReferrals:
    """`is_repeat_referral` for the import: the people's referrals to the provider in the
    window (one query), plus the referrals the import makes as it goes."""

    def __init__(self, contract: Contract, people: Iterable[Any], now: dt.datetime) -> None:
        self.received: dict[Any, list[dt.datetime]] = defaultdict(list)
        ids = sorted({str(pk) for pk in people})
        for chunk in chunks(ids):
            earlier = Referral.objects.filter(
                person_id__in=chunk,
                contract__provider_id=contract.provider_id,
                received_at__gte=now - REPEAT_WINDOW,
            ).values_list("person_id", "received_at")
            for person_id, received_at in earlier:
                self.received[str(person_id)].append(received_at)

    def is_repeat(self, person: Person, received_at: dt.datetime) -> bool:
        since = received_at - REPEAT_WINDOW
        return any(since <= at <= received_at for at in self.received[str(person.pk)])

    def add(self, person: Person, received_at: dt.datetime) -> None:
        self.received[str(person.pk)].append(received_at)


class BulkImport:
    """One run's eligible rows as new people, nominal links, accepted referrals with their
    cases, and reviews; `write` saves them all."""

    def __init__(self, *, run: WorkbookRun, actor: User | None, team: Any, source: str) -> None:
        self.run, self.actor, self.team, self.source = run, actor, team, source
        self.contract = run.contract
        self.user = actor if is_user(actor) else None
        self.evaluate = evaluator_for(self.contract)
        self.codes = ReferenceCodes()
        self.rows: dict[type[models.Model], list[models.Model]] = defaultdict(list)
        self.audits: list[AuditEvent] = []
        self.by_victim: dict[str, Person | Candidates] = {}
        self.restricted: dict[Any, set[Any]] = {}  # person id -> staff named on their cases

    # -- deciding -----------------------------------------------------------------------------
    def import_rows(self, rows: list[dict[str, Any]]) -> None:
        """What `_Importer.import_rows` did one service call at a time, in the same order."""
        victims = [victim_of(row) for row in rows]
        done = self._known_incidents([v.incident_id for v in victims])
        nominals = self._nominal_people({v.nominal_id for v in victims if v.nominal_id})
        self.restricted = self._restricted_people([p.pk for p in nominals.values()])
        waiting = [v for v in victims if v.incident_id not in done]
        pool = MatchPool(
            self.contract.provider, [v for v in waiting if v.nominal_id not in nominals]
        )
        earlier = EarlierReferrals(self.contract, [p.pk for p in nominals.values()], timezone.now())
        for index, victim in enumerate(victims):
            if victim.incident_id in done:
                self.run.already_imported += 1
                continue
            done.add(victim.incident_id)
            target = self.by_victim.get(victim.key) or nominals.get(victim.nominal_id)
            if target is None:
                candidates = pool.candidates(victim)
                target = candidates or self._new_person(victim, len(victims) - index)
                if isinstance(target, Person):
                    pool.add(target)
                    if victim.nominal_id:
                        nominals[victim.nominal_id] = target
            self.by_victim[victim.key] = target
            if isinstance(target, Person):
                self._refer(victim, target, earlier)
            else:
                self._send_to_review(victim, target)

    def _known_incidents(self, ids: list[str]) -> set[str]:
        known: set[str] = set()
        for chunk in chunks(ids):
            known |= set(
                Referral.objects.filter(source=self.source, external_id__in=chunk).values_list(
                    "external_id", flat=True
                )
            )
            known |= set(
                IdentityReview.objects.filter(
                    source=self.source, incident_id__in=chunk
                ).values_list("incident_id", flat=True)
            )
        return known

    def _nominal_people(self, nominal_ids: set[str]) -> dict[str, Person]:
        found: dict[str, Person] = {}
        for chunk in chunks(sorted(nominal_ids)):
            links = PoliceNominal.objects.filter(source=self.source, nominal_id__in=chunk)
            found.update({link.nominal_id: link.person for link in links.select_related("person")})
        return found

    def _restricted_people(self, person_ids: list[Any]) -> dict[Any, set[Any]]:
        """casework.services.access.inherited_restriction, for every known person at once: their
        own restricted cases and those of anyone whose household they are in (ADR 0008)."""
        named: dict[Any, set[Any]] = {}
        for chunk in chunks(person_ids):
            in_chunk = set(chunk)
            members_of: dict[Any, set[Any]] = defaultdict(set)  # household's person -> members
            for member_id, person_id in HouseholdLink.objects.filter(
                member_id__in=chunk
            ).values_list("member_id", "person_id"):
                members_of[person_id].add(member_id)
            rows = Case.objects.filter(
                models.Q(person_id__in=chunk) | models.Q(person_id__in=list(members_of)),
                is_restricted=True,
            ).values_list("person_id", "accesses__user_id")
            for person_id, user_id in rows:
                for who in ({person_id} & in_chunk) | members_of.get(person_id, set()):
                    named.setdefault(who, set()).update({user_id} - {None})
        return named

    def _add(self, *rows: models.Model) -> None:
        for row in rows:
            self.rows[type(row)].append(row)

    def _audit(self, **event: Any) -> None:
        self.audits.append(audit_record(actor=self.actor, **event))

    # -- people.services.person_create and workbook.services.link_nominal ---------------------
    def _new_person(self, victim: Victim, still_to_go: int) -> Person:
        details = person_details_tidy(
            {
                "given_name": victim.given_name[:100] or "Not known",
                "family_name": victim.family_name[:100],
                "date_of_birth": victim.date_of_birth,
                "postcode": victim.postcode,
            }
        )
        person = Person(
            reference_code=self.codes.take(still_to_go),
            organisation=self.contract.provider,
            created_by=self.actor,
            **details,
        )
        person.is_child = is_child_today(person.date_of_birth, False)
        # full_clean without the unique checks (each a query): the only unique field is the
        # reference code, checked above
        person.clean_fields(exclude={"reference_code", "organisation", "created_by"})
        person.clean()
        self._add(person, SafeContact(person=person), EqualityData(person=person))
        changes = diff({}, {**person_snapshot(person), "aliases": []})
        changes.update(
            diff({}, {"reference_code": person.reference_code, "is_child": person.is_child})
        )
        self._audit(action=AuditAction.CREATE, target=person, changes=changes)
        if victim.nominal_id:
            link = PoliceNominal(
                source=self.source, nominal_id=victim.nominal_id, person=person, linked_by=self.user
            )
            self._add(link)
            self._audit(action=AuditAction.CREATE, target=link, changes={"person": [None, person]})
        return person

    # -- workbook.services.refer_incident ------------------------------------------------------
    def _refer(self, victim: Victim, person: Person, earlier: EarlierReferrals) -> None:
        grade = victim.risk_grade.lower()
        referral = Referral(
            contract=self.contract,
            person=person,
            entered_by=self.user,
            route=ROUTE,
            received_at=timezone.now(),
            incident_at=victim.incident_at,
            source=self.source,
            external_id=victim.incident_id,
            source_organisation=SOURCE_ORGANISATION,
            primary_support_need="da",
            referrer_risk_level=grade if grade in RiskLevel else "",
        )
        # referrals.services.referral_create
        referral.is_repeat = earlier.is_repeat(person, referral.received_at)
        earlier.add(person, referral.received_at)
        eligibility_apply(referral)
        self._add(referral)
        changes = {
            "route": [None, ROUTE],
            "decision": [None, referral.decision],
            "is_repeat": [None, referral.is_repeat],
        }
        self._audit(action=AuditAction.CREATE, target=referral, changes=changes)
        if referral.decision == Decision.PENDING:
            self._accept(referral)
        self._add(ImportedIncident(run=self.run, referral=referral, incident_id=victim.incident_id))
        self.run.referrals_created += 1

    def _accept(self, referral: Referral) -> None:
        """casework.services.referral_accept and casework's case_open_from_referral."""
        referral.decision = Decision.ACCEPTED
        referral.decided_at = timezone.now()
        referral.decided_by = self.actor
        self._audit(
            action=AuditAction.UPDATE,
            target=referral,
            changes={"decision": [Decision.PENDING, Decision.ACCEPTED]},
        )
        named = self.restricted.get(referral.person.pk)
        case = Case(
            person=referral.person,
            contract=referral.contract,
            referral=referral,
            state=CaseState.NEW,
            team=self.team,
            allocated_to=None,
            risk_level=referral.referrer_risk_level,
            is_restricted=named is not None,
            opened_at=referral.decided_at,
        )
        self._add(case)
        changes: dict[str, list[Any]] = {
            "state": [None, case.state],
            "contract": [None, str(case.contract_id)],
        }
        if named is not None:
            changes["is_restricted"] = [None, True]
        self._audit(action=AuditAction.CREATE, target=case, changes=changes)
        self._event(
            case,
            kind=CaseEventKind.REFERRAL_RECEIVED,
            actor=None,
            target=referral,
            occurred_at=referral.received_at,
            summary=referral_received_summary(referral),
        )
        self._event(
            case,
            kind=CaseEventKind.CASE_OPENED,
            actor=self.user,
            target=case,
            occurred_at=case.opened_at,
            summary="Referral accepted; case opened",
        )
        if named is not None:
            staff = named | ({self.user.pk} if self.user is not None else set())
            self._add(
                *(CaseAccess(case=case, user_id=u, granted_by=self.user) for u in sorted(staff))
            )
            self._event(
                case,
                kind=CaseEventKind.RESTRICTION,
                actor=self.user,
                target=case,
                occurred_at=timezone.now(),
                summary=RESTRICTED_ON_OPENING,
            )
        self._tasks(case)

    def _tasks(self, case: Case) -> None:
        """casework.services.tasks.case_tasks_sync for a new case (it has no tasks yet)."""
        for deadline in self.evaluate(case_situation(case)).computed:
            rule = deadline.rule
            task = Task(case=case, **deadline_task_fields(case, deadline))
            self._add(task)
            self._audit(
                action=AuditAction.CREATE, target=task, changes={"due_at": [None, task.due_at]}
            )
            due = timezone.localtime(deadline.due)
            self._event(
                case,
                kind=CaseEventKind.TASK_CREATED,
                actor=self.user,
                target=task,
                occurred_at=timezone.now(),
                summary=f"Deadline set: {rule.label} (due {due:%d %b %Y %H:%M})",
                data={"rule_key": rule.key, "citation": rule.citation},
            )

    def _event(
        self,
        case: Case,
        *,
        kind: str,
        actor: User | None,
        target: models.Model,
        occurred_at: dt.datetime,
        summary: str,
        data: dict[str, Any] | None = None,
    ) -> None:
        """casework.services.events.case_event_record."""
        self._add(
            CaseEvent(
                case=case,
                kind=kind,
                occurred_at=occurred_at,
                actor=actor,
                summary=summary[:500],
                object_type=target._meta.label_lower,
                object_id=str(target.pk),
                data=dict(data or {}),
            )
        )

    # -- the review list -----------------------------------------------------------------------
    def _send_to_review(self, victim: Victim, candidates: Candidates) -> None:
        review = IdentityReview(
            run=self.run,
            contract=self.contract,
            source=self.source,
            incident_id=victim.incident_id,
            incident_at=victim.incident_at,
            victim_key=victim.key,
            nominal_id=victim.nominal_id,
            given_name=_cut(IdentityReview, "given_name", victim.given_name),
            family_name=_cut(IdentityReview, "family_name", victim.family_name),
            date_of_birth=victim.date_of_birth,
            postcode=victim.postcode,
            risk_grade=_cut(IdentityReview, "risk_grade", victim.risk_grade),
            match_confidence=_cut(IdentityReview, "match_confidence", victim.match_confidence),
            candidate_reasons={str(p.pk): list(why) for p, why in candidates.items()},
        )
        self._add(review)
        through = IdentityReview.candidates.through
        self._add(*(through(identityreview=review, person=person) for person in candidates))
        self._audit(action=AuditAction.CREATE, target=review)
        self.run.sent_to_review += 1

    # -- writing -------------------------------------------------------------------------------
    def write(self) -> None:
        """Every row, parents first; the audit events last, in the order they were made."""
        stamp = timezone.now()
        order: list[type[models.Model]] = [
            Person,
            SafeContact,
            EqualityData,
            PoliceNominal,
            Referral,
            Case,
            CaseAccess,
            Task,
            CaseEvent,
            ImportedIncident,
            IdentityReview,
            IdentityReview.candidates.through,
        ]
        for model in order:
            rows = self.rows.pop(model, [])
            if rows:
                TableWriter(model).write(rows, stamp)
        if self.rows:
            raise ValueError(f"no write order for {sorted(m.__name__ for m in self.rows)}")
        audit_events_append(self.audits)
        self.audits = []
