"""Import a police export into referrals (seed 000 s5): idempotent, one transaction, audited.

Each eligible incident becomes a referral keyed by (source, incident id), linked to the person
its police nominal id is known to be; a new victim becomes a new person; a victim who may be
someone Haven already knows goes to a review list and is never linked without a person's say.
Every referral is accepted and its case opened with the 24-hour first-contact task (seed 000 s5):
a run's rows are built and written in bulk (`bulk.py`, checked against the per-row services by
`tests/test_bulk_import.py`); a reviewer's decision goes through the services one at a time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from pathlib import Path
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from haven.accounts.models import ImportAllocation, User
from haven.casework.models import Case
from haven.casework.services import referral_accept
from haven.casework.services.allocation_imports import imported_cases_allocate
from haven.contracts.models import Contract
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.deadlines import RiskLevel
from haven.people.models import Person
from haven.people.services import person_create
from haven.referrals.models import Decision, Referral
from haven.referrals.services import referral_create
from haven.workbook.bulk import ROUTE, SOURCE_ORGANISATION, BulkImport, is_user
from haven.workbook.engine import (
    ColumnMapping,
    Issue,
    MappingError,
    WorkbookInputError,
    WorkbookResult,
    WorkbookSettings,
    run_workbook,
    settings_for_contract,
    settings_from_mapping,
)
from haven.workbook.keys import workbook_pseudonym_key
from haven.workbook.matching import Victim
from haven.workbook.models import (
    INTERRUPTED_AFTER,
    IdentityReview,
    ImportedIncident,
    PoliceNominal,
    ReviewStatus,
    RunStatus,
    WorkbookRun,
)

logger = logging.getLogger(__name__)

MAX_STORED_ISSUES = 1000
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
        return settings_from_mapping(dict(section), pseudonym_key=workbook_pseudonym_key())
    return settings_for_contract(contract.slug, pseudonym_key=workbook_pseudonym_key())


def workbook_import(
    *,
    path: Path,
    contract: Contract,
    imported_by: User | None,
    file_name: str = "",
    as_of: dt.datetime | None = None,
    identity: str = "auto",
    mapping: ColumnMapping | None = None,
    team: Any = None,
) -> WorkbookRun:
    """Run the workbook over `path` and import its eligible incidents, all or nothing.

    The run is recorded whatever happens; a failed run keeps its error and imports nothing.
    """
    workbook_runs_interrupted(now=timezone.now())
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
        victims = _rows_that_fit(result)
        with transaction.atomic():
            _record_result(run, result)
            rows = BulkImport(
                run=run, actor=imported_by, team=team, source=workbook_source(contract)
            )
            rows.import_rows(victims)
            rows.write()
            _apply_team_rule(run, team, contract)
            run.status = RunStatus.SUCCEEDED
            run.finished_at = timezone.now()
            run.save()
            audit_event(
                actor=imported_by, action=AuditAction.IMPORT, target=run, changes=_counts(run)
            )
    except (WorkbookInputError, MappingError, ValueError) as error:
        _fail(run, imported_by, public_error(str(error), path, run.file_name))
    except Exception as error:
        logger.warning("workbook run %s failed: %s", run.pk, type(error).__name__)
        _fail(run, imported_by, f"The run failed ({type(error).__name__}); nothing was imported")
    return run


def _apply_team_rule(run: WorkbookRun, team: Any, contract: Contract) -> None:
    """issue 13 item 13: the run's new cases wait in the team's Unallocated queue (no query),
    or go to the top suggested worker when that is the team's rule."""
    if team is None or team.import_allocation != ImportAllocation.SUGGESTED:
        return
    referrals = ImportedIncident.objects.filter(run=run).values("referral_id")
    opened = Case.objects.filter(referral_id__in=referrals).values_list("pk", flat=True)
    imported_cases_allocate(case_ids=list(opened), team=team, contract=contract)


# The columns each eligible row's ids are kept in: an id longer than one of them is a row error
# (on PostgreSQL it would otherwise fail the whole run).
ID_COLUMNS = {
    "incident_id": [
        (Referral, "external_id"),
        (ImportedIncident, "incident_id"),
        (IdentityReview, "incident_id"),
    ],
    "nominal_id": [(PoliceNominal, "nominal_id"), (IdentityReview, "nominal_id")],
}
EXPORT_FIELD = {"incident_id": "incident_id", "nominal_id": "victim_nominal_id"}


# an absolute path (two or more segments) that does not continue a word, such as a date's 01/02
SERVER_PATH = re.compile(r"(?<![\w/\\])(?:[A-Za-z]:)?(?:[\\/][\w.~+-]+){2,}")


def public_error(message: str, path: Path, file_name: str) -> str:
    """An error as staff see it: the export by its name, never a path on the server."""
    message = message.replace(str(path), file_name or path.name)
    return SERVER_PATH.sub(lambda found: Path(found.group()).name, message)


def _rows_that_fit(result: WorkbookResult) -> list[dict[str, Any]]:
    """The eligible rows to import; one whose id does not fit Haven's columns becomes invalid."""
    rows = [] if result.victims is None else list(result.victims.to_pylist())
    fitting = []
    for row in rows:
        problem = _id_too_long(row)
        if problem is None:
            fitting.append(row)
            continue
        field, limit = problem
        result.issues.append(
            Issue(
                row=int(row["source_row"]),
                field=EXPORT_FIELD[field],
                reason=f"longer than {limit} characters",
                incident_id=str(row["incident_id"])[:limit],
            )
        )
        result.summary.invalid += 1
        result.summary.eligible -= 1
    result.issues.sort(key=lambda issue: issue.row)
    return fitting


def _max_length(model: type[models.Model], name: str) -> int:
    return int(getattr(model._meta.get_field(name), "max_length", 0) or 0)


def _id_too_long(row: dict[str, Any]) -> tuple[str, int] | None:
    for field, columns in ID_COLUMNS.items():
        limit = min(_max_length(model, name) for model, name in columns)
        if len(str(row[field] or "")) > limit:
            return field, limit
    return None


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
    if summary.identity_parameters.startswith("fixed parameters"):
        # the summary says how victims were matched when the file could not train a model
        note = f"victims matched with {summary.identity_parameters}"
        run.issues.insert(0, {"row": 0, "field": "victim matching", "reason": note, "severity": ""})
    if len(result.issues) > MAX_STORED_ISSUES:
        more = len(result.issues) - MAX_STORED_ISSUES
        run.issues.append({"row": 0, "field": "", "reason": f"and {more} more", "severity": ""})


def _counts(run: WorkbookRun) -> dict[str, Any]:
    fields = COUNT_FIELDS
    return {"file_sha256": run.file_sha256, **{f: getattr(run, f) for f in fields}}


INTERRUPTED_ERROR = (
    "The run was interrupted before it finished (the process stopped); nothing was imported. "
    "Import the export again."
)


def workbook_runs_interrupted(*, now: dt.datetime) -> int:
    """Mark runs left "running" by a stopped process as failed, and audit each; how many."""
    stale = WorkbookRun.objects.filter(
        status=RunStatus.RUNNING, started_at__lt=now - INTERRUPTED_AFTER
    )
    count = 0
    for run in stale:
        _fail(run, None, INTERRUPTED_ERROR)
        count += 1
    return count


def _fail(run: WorkbookRun, actor: User | None, error: str) -> None:
    run.status = RunStatus.FAILED
    run.error = error
    run.finished_at = timezone.now()
    run.referrals_created = run.already_imported = run.sent_to_review = 0
    run.save()
    audit_event(
        actor=actor, action=AuditAction.IMPORT, target=run, changes={"status": [None, "failed"]}
    )


def new_person_for(victim: Victim, contract: Contract, actor: User) -> Person:
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


def link_nominal(*, source: str, victim: Victim, person: Person, actor: User) -> None:
    """Remember that this police nominal id is this person (the id is not audited)."""
    link, created = PoliceNominal.objects.get_or_create(
        source=source,
        nominal_id=victim.nominal_id,
        defaults={"person": person, "linked_by": actor if is_user(actor) else None},
    )
    if created:
        audit_event(
            actor=actor, action=AuditAction.CREATE, target=link, changes={"person": [None, person]}
        )


def refer_incident(
    *, victim: Victim, person: Person, contract: Contract, actor: User, team: Any
) -> Referral:
    """The incident's referral, accepted so the case opens with its 24-hour task (seed 000 s5)."""
    grade = victim.risk_grade.lower()
    referral = referral_create(
        contract=contract,
        person=person,
        entered_by=actor if is_user(actor) else None,
        route=ROUTE,
        received_at=timezone.now(),
        incident_at=victim.incident_at,
        source=workbook_source(contract),
        external_id=victim.incident_id,
        source_organisation=SOURCE_ORGANISATION,
        primary_support_need="da",
        referrer_risk_level=grade if grade in RiskLevel else "",
    )
    if referral.decision == Decision.PENDING:
        referral_accept(referral=referral, accepted_by=actor, team=team)
    return referral


@transaction.atomic
def review_link_person(
    *, review: IdentityReview, person: Person, decided_by: User, team: Any = None
) -> Referral:
    """A reviewer confirms the victim is this candidate: link, refer, open the case."""
    _check_pending(review)
    if not review.candidates.filter(pk=person.pk).exists():
        raise ValueError("Choose one of the people the review suggested")
    return _decide(review, person, ReviewStatus.LINKED, decided_by, team)


@transaction.atomic
def review_new_person(
    *,
    review: IdentityReview,
    decided_by: User,
    team: Any = None,
    restricted_match_acknowledged: bool = False,
) -> Referral:
    """A reviewer confirms the victim is none of the candidates: a new person, refer, open.
    ``restricted_match_acknowledged``: a restricted candidate was ruled out by someone named on
    it (the reviewer says so; kept in the audit event)."""
    _check_pending(review)
    person = new_person_for(_review_victim(review), review.contract, decided_by)
    extra = (
        {"restricted_match_acknowledged": [False, True]} if restricted_match_acknowledged else {}
    )
    return _decide(review, person, ReviewStatus.NEW_PERSON, decided_by, team, extra)


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
    review: IdentityReview,
    person: Person,
    status: ReviewStatus,
    decided_by: User,
    team: Any,
    extra_changes: dict[str, Any] | None = None,
) -> Referral:
    victim = _review_victim(review)
    if victim.nominal_id:
        link_nominal(source=review.source, victim=victim, person=person, actor=decided_by)
    referral = refer_incident(
        victim=victim, person=person, contract=review.contract, actor=decided_by, team=team
    )
    if team is not None and team.import_allocation == ImportAllocation.SUGGESTED:
        opened = Case.objects.filter(referral=referral).values_list("pk", flat=True)
        imported_cases_allocate(case_ids=list(opened), team=team, contract=review.contract)
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
        changes={
            "status": [ReviewStatus.PENDING, status],
            "person": [None, person],
            **(extra_changes or {}),
        },
    )
    return referral
