"""Import a police export into referrals (seed 000 s5): idempotent, one transaction, audited.

Each eligible incident becomes a referral keyed by (source, incident id), linked to the person
its police nominal id is known to be; a new victim becomes a new person; a victim who may be
someone Haven already knows goes to a review list and is never linked without a person's say.
Every referral is accepted through the referral services, so its case opens with the 24-hour
first-contact task (seed 000 s5).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from haven.contracts.models import Contract
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.people.models import Person
from haven.people.services import person_create
from haven.referrals.models import Decision, Referral, RiskLevel
from haven.referrals.services import referral_accept, referral_create
from haven.workbook.engine import (
    ColumnMapping,
    MappingError,
    WorkbookInputError,
    WorkbookResult,
    WorkbookSettings,
    run_workbook,
    settings_for_contract,
    settings_from_mapping,
)
from haven.workbook.engine.settings import pseudonym_key_from_environment
from haven.workbook.matching import Candidates, Victim, possible_matches
from haven.workbook.models import (
    IdentityReview,
    ImportedIncident,
    PoliceNominal,
    ReviewStatus,
    RunStatus,
    WorkbookRun,
)

logger = logging.getLogger(__name__)

ROUTE = "police_workbook"  # seed 000 s5: the automated workbook route of the DV 360 profile
SOURCE_ORGANISATION = "Police (automated workbook)"
MAX_STORED_ISSUES = 1000
CHUNK = 500
COUNT_FIELDS = (
    "rows_read",
    "duplicates",
    "invalid",
    "eligible",
    "excluded",
    "referrals_created",
    "already_imported",
    "sent_to_review",
)


class ReviewDecidedError(Exception):
    """A review can be decided once."""


def workbook_source(contract: Contract) -> str:
    """The referral source an export's incident ids are unique within."""
    return f"workbook:{contract.slug}"[:40]


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def workbook_settings_for(contract: Contract) -> WorkbookSettings:
    """The contract's stored profile decides the rule; the shipped profile file otherwise."""
    section = (contract.profile or {}).get("workbook")
    if section:
        return settings_from_mapping(dict(section), pseudonym_key=pseudonym_key_from_environment())
    return settings_for_contract(contract.slug)


def workbook_import(
    *,
    path: Path,
    contract: Contract,
    imported_by: Any,
    file_name: str = "",
    as_of: dt.datetime | None = None,
    identity: str = "auto",
    mapping: ColumnMapping | None = None,
    team: Any = None,
) -> WorkbookRun:
    """Run the workbook over `path` and import its eligible incidents, all or nothing.

    The run is recorded whatever happens; a failed run keeps its error and imports nothing.
    """
    run = WorkbookRun.objects.create(
        contract=contract,
        started_by=imported_by if getattr(imported_by, "is_authenticated", False) else None,
        started_at=timezone.now(),
        file_name=Path(file_name or path.name).name[:255],
        file_sha256=file_sha256(path),
        identity=identity,
        as_of=as_of,
    )
    try:
        result = run_workbook(
            path,
            settings=workbook_settings_for(contract),
            identity=identity,
            as_of=as_of,
            mapping=mapping,
            victim_details=True,
        )
        with transaction.atomic():
            _record_result(run, result)
            _Importer(run, imported_by, team).import_rows(_rows(result))
            run.status = RunStatus.SUCCEEDED
            run.finished_at = timezone.now()
            run.save()
            audit_event(
                actor=imported_by, action=AuditAction.IMPORT, target=run, changes=_counts(run)
            )
    except (WorkbookInputError, MappingError, ValueError) as error:
        _fail(run, imported_by, str(error))
    except Exception as error:
        logger.warning("workbook run %s failed: %s", run.pk, type(error).__name__)
        _fail(run, imported_by, f"The run failed ({type(error).__name__}); nothing was imported")
    return run


def _rows(result: WorkbookResult) -> list[dict[str, Any]]:
    return [] if result.victims is None else list(result.victims.to_pylist())


def _record_result(run: WorkbookRun, result: WorkbookResult) -> None:
    summary = result.summary
    run.rows_read = summary.rows_read
    run.duplicates = summary.duplicates
    run.invalid = summary.invalid
    run.eligible = summary.eligible
    run.excluded = sum(summary.excluded.values())
    run.issues = [
        {"row": i.row, "field": i.field, "reason": i.reason, "severity": i.severity}
        for i in result.issues[:MAX_STORED_ISSUES]
    ]
    if len(result.issues) > MAX_STORED_ISSUES:
        more = len(result.issues) - MAX_STORED_ISSUES
        run.issues.append({"row": 0, "field": "", "reason": f"and {more} more", "severity": ""})


def _counts(run: WorkbookRun) -> dict[str, Any]:
    fields = COUNT_FIELDS
    return {"file_sha256": run.file_sha256, **{f: getattr(run, f) for f in fields}}


def _fail(run: WorkbookRun, actor: Any, error: str) -> None:
    run.status = RunStatus.FAILED
    run.error = error
    run.finished_at = timezone.now()
    run.referrals_created = run.already_imported = run.sent_to_review = 0
    run.save()
    audit_event(
        actor=actor, action=AuditAction.IMPORT, target=run, changes={"status": [None, "failed"]}
    )


def _chunks(values: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


class _Importer:
    """Turns one run's eligible rows into referrals, new people and reviews."""

    def __init__(self, run: WorkbookRun, actor: Any, team: Any) -> None:
        self.run, self.actor, self.team = run, actor, team
        self.contract = run.contract
        self.source = workbook_source(run.contract)
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
            victim = _victim(row)
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

    def _known_incidents(self, ids: list[str]) -> set[str]:
        known: set[str] = set()
        for chunk in _chunks(ids):
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
        for chunk in _chunks(sorted(nominal_ids)):
            links = PoliceNominal.objects.filter(source=self.source, nominal_id__in=chunk)
            found.update({link.nominal_id: link.person for link in links.select_related("person")})
        return found

    def _new_person(self, victim: Victim) -> Person:
        person = new_person_for(victim, self.contract, self.actor)
        if victim.nominal_id:
            link_nominal(source=self.source, victim=victim, person=person, actor=self.actor)
        return person

    def _refer(self, victim: Victim, person: Person) -> None:
        referral = refer_incident(
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


def _victim(row: dict[str, Any]) -> Victim:
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


def new_person_for(victim: Victim, contract: Contract, actor: Any) -> Person:
    """A person for a victim Haven does not know, in the contract's provider organisation."""
    return person_create(
        created_by=actor,
        details={
            "given_name": victim.given_name[:100] or "Not known",
            "family_name": victim.family_name[:100],
            "date_of_birth": victim.date_of_birth,
            "postcode": victim.postcode,
        },
        organisation=contract.provider,
    )


def link_nominal(*, source: str, victim: Victim, person: Person, actor: Any) -> None:
    """Remember that this police nominal id is this person (the id is not audited)."""
    link, created = PoliceNominal.objects.get_or_create(
        source=source,
        nominal_id=victim.nominal_id,
        defaults={"person": person, "linked_by": actor if _is_user(actor) else None},
    )
    if created:
        audit_event(
            actor=actor, action=AuditAction.CREATE, target=link, changes={"person": [None, person]}
        )


def refer_incident(
    *, victim: Victim, person: Person, contract: Contract, actor: Any, team: Any
) -> Referral:
    """The incident's referral, accepted so the case opens with its 24-hour task (seed 000 s5)."""
    grade = victim.risk_grade.lower()
    referral = referral_create(
        contract=contract,
        person=person,
        entered_by=actor if _is_user(actor) else None,
        route=ROUTE,
        received_at=timezone.now(),
        incident_at=victim.incident_at,
        source=workbook_source(contract),
        external_id=victim.incident_id,
        source_organisation=SOURCE_ORGANISATION,
        primary_support_need="da",
        referrer_risk_level=grade if grade in RiskLevel.values else "",
    )
    if referral.decision == Decision.PENDING:
        referral_accept(referral=referral, accepted_by=actor, team=team)
    return referral


def _is_user(actor: Any) -> bool:
    return bool(getattr(actor, "is_authenticated", False))


@transaction.atomic
def review_link_person(
    *, review: IdentityReview, person: Person, decided_by: Any, team: Any = None
) -> Referral:
    """A reviewer confirms the victim is this candidate: link, refer, open the case."""
    _check_pending(review)
    if not review.candidates.filter(pk=person.pk).exists():
        raise ValueError("Choose one of the people the review suggested")
    return _decide(review, person, ReviewStatus.LINKED, decided_by, team)


@transaction.atomic
def review_new_person(*, review: IdentityReview, decided_by: Any, team: Any = None) -> Referral:
    """A reviewer confirms the victim is none of the candidates: a new person, refer, open."""
    _check_pending(review)
    person = new_person_for(_review_victim(review), review.contract, decided_by)
    return _decide(review, person, ReviewStatus.NEW_PERSON, decided_by, team)


def _check_pending(review: IdentityReview) -> None:
    if review.status != ReviewStatus.PENDING:
        raise ReviewDecidedError("This review has already been decided")


def _review_victim(review: IdentityReview) -> Victim:
    return Victim(
        key=review.victim_key,
        incident_id=review.incident_id,
        incident_at=review.incident_at,
        nominal_id=review.nominal_id,
        given_name=review.given_name,
        family_name=review.family_name,
        date_of_birth=review.date_of_birth,
        postcode=review.postcode,
        risk_grade=review.risk_grade,
        match_confidence=review.match_confidence,
    )


def _decide(
    review: IdentityReview, person: Person, status: ReviewStatus, decided_by: Any, team: Any
) -> Referral:
    victim = _review_victim(review)
    if victim.nominal_id:
        link_nominal(source=review.source, victim=victim, person=person, actor=decided_by)
    referral = refer_incident(
        victim=victim, person=person, contract=review.contract, actor=decided_by, team=team
    )
    ImportedIncident.objects.create(
        run=review.run, referral=referral, incident_id=victim.incident_id
    )
    # decided: the review keeps no copy of the victim's details
    review.given_name = review.family_name = review.postcode = review.nominal_id = ""
    review.date_of_birth = None
    review.status = status
    review.decided_by = decided_by
    review.decided_at = timezone.now()
    review.referral = referral
    review.save()
    audit_event(
        actor=decided_by,
        action=AuditAction.UPDATE,
        target=review,
        changes={"status": [ReviewStatus.PENDING, status], "person": [None, person]},
    )
    return referral
