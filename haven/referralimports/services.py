"""Import a referral file (the police daily download, Sentinel ASB referrals; seed 002 s3.6).

As the police workbook does (haven/workbook/services.py): the run is recorded whatever happens,
its file kept by name and SHA-256 only; the writes are one transaction; a referral is keyed by
(source, source id) so importing the same file twice creates nothing twice; each referral is
created and accepted as `referral_create` / `referral_accept` would, so the case opens with the
contract's first-contact deadlines counted from the row's received time (Victim First, seed
002 s3.7: phone within 48 h, 24 h when high risk; a letter, email or SMS the same day).

Every row is checked before anything is written (checking.py). A file problem (unreadable,
a required column missing) refuses the whole file. A bad row is refused with its reasons and
the good rows are imported, as the workbook imports an export's valid rows and lists the
invalid ones; a mapping with `bad_rows: refuse_file` imports nothing when any row is bad.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from haven.accounts.models import User
from haven.casework.models import Case
from haven.casework.services import case_open_from_referral
from haven.casework.services.allocation_imports import imported_cases_allocate
from haven.contracts.models import Contract
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.people.models import Person
from haven.people.postcodes import normalise_postcode
from haven.people.services import person_create
from haven.referralimports.checking import (
    CheckedRow,
    FileRefusedError,
    Problem,
    check_file,
    is_repeat_only,
)
from haven.referralimports.mappings import PERSON_FIELDS, SourceMapping
from haven.referralimports.models import ImportRow, ImportRun, RowOutcome, RunStatus
from haven.referralimports.reading import FileUnreadableError, read_table
from haven.referrals.models import Decision, Referral
from haven.referrals.services import referral_create, refuse_unless_may_decide

logger = logging.getLogger(__name__)

COUNT_FIELDS = (
    "rows_read",
    "blank_rows",
    "created",
    "already_imported",
    "repeated",
    "refused",
    "not_imported",
)
REFERRAL_DETAILS = (
    "incident_at",
    "contact_method",
    "consent_to_contact",
    "referrer_risk_level",
    "referrer_name",
    "risk_indicators",
    "presenting_need",
)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def contract_problem(contract: Contract, mapping: SourceMapping) -> str | None:
    """A source is imported only into the contracts its mapping names, by a route they take."""
    routes = {r.get("key") for r in (contract.profile or {}).get("referral_routes") or []}
    if contract.slug not in mapping.contracts:
        return f"{mapping.label} files are not imported into {contract.name}"
    if mapping.route not in routes:
        return f"{contract.name} does not take referrals by the {mapping.route} route"
    return None


def is_user(actor: Any) -> bool:
    return bool(getattr(actor, "is_authenticated", False))


@dataclass
class _Outcome:
    outcome: str
    problems: list[Problem]
    referral: Referral | None = None
    new_person: bool = False


class _RollBackError(Exception):
    """refuse_file: a row failed while writing; undo the run's writes."""


def referrals_import_file(
    *,
    path: Path,
    contract: Contract,
    mapping: SourceMapping,
    imported_by: User | None,
    file_name: str = "",
    team: Any = None,
    now: dt.datetime | None = None,
    allocated_to: User | None = None,
) -> ImportRun:
    """Import one file; returns its run (status, counts and every row's outcome).

    `now` is the run's time: rows are checked against it and referrals accepted at it (the
    demo passes its own). The new cases join `team`, allocated to `allocated_to` when given,
    otherwise by the team's rule for imported cases (issue 13 item 13), as the workbook's."""
    actor = imported_by if is_user(imported_by) else None
    run = ImportRun.objects.create(
        contract=contract,
        source=mapping.source,
        started_by=actor,
        started_at=timezone.now(),
        file_name=Path(file_name or path.name).name[:255],
        file_sha256=file_sha256(path),
    )
    now = now or timezone.now()
    zone = ZoneInfo(str(timezone.get_current_timezone()))
    try:
        problem = contract_problem(contract, mapping)
        if problem:
            raise FileRefusedError([Problem("", problem)])
        table = read_table(
            path, encoding=mapping.encoding, delimiter=mapping.delimiter, sheet=mapping.sheet
        )
        run.encoding = table.encoding
        run.rows_read = len(table.rows)
        run.blank_rows = table.blank_rows
        checked = check_file(mapping, table, now=now, zone=zone)
        outcomes = _import(checked.rows, _Target(contract, mapping, actor, team, allocated_to, now))
    except FileUnreadableError as error:
        return _refuse_file(run, actor, [Problem("", str(error))])
    except FileRefusedError as error:
        return _refuse_file(run, actor, error.problems)
    except Exception as error:  # never a half-imported file, nor a 500 with the file's data
        logger.warning("referral import %s failed: %s", run.pk, type(error).__name__)
        failure = Problem("", f"The import failed ({type(error).__name__}); nothing was imported")
        return _refuse_file(run, actor, [failure])
    return run_after(run, outcomes, actor)


@dataclass(frozen=True)
class _Target:
    """Where a run's referrals go, by whom and when."""

    contract: Contract
    mapping: SourceMapping
    actor: User | None
    team: Any
    allocated_to: User | None
    at: dt.datetime


def _import(rows: list[CheckedRow], target: _Target) -> list[tuple[CheckedRow, _Outcome]]:
    bad = [row for row in rows if row.problems and not is_repeat_only(row)]
    if bad and target.mapping.bad_rows == "refuse_file":
        return [(row, _unwritten(row)) for row in rows]
    try:
        with transaction.atomic():
            outcomes = [(row, _import_row(row, target)) for row in rows]
            failed = any(o.outcome == RowOutcome.REFUSED for _, o in outcomes)
            if failed and target.mapping.bad_rows == "refuse_file":
                raise _RollBackError
            if target.allocated_to is None:
                opened = Case.objects.filter(
                    referral__in=[
                        o.referral for _, o in outcomes if o.outcome == RowOutcome.CREATED
                    ]
                ).values_list("pk", flat=True)
                imported_cases_allocate(
                    case_ids=list(opened), team=target.team, contract=target.contract
                )
    except _RollBackError:
        return [
            (row, o if o.outcome == RowOutcome.REFUSED else _unwritten(row)) for row, o in outcomes
        ]
    return outcomes


def _unwritten(row: CheckedRow) -> _Outcome:
    if row.problems and not is_repeat_only(row):
        return _Outcome(RowOutcome.REFUSED, row.problems)
    return _Outcome(RowOutcome.NOT_IMPORTED, row.problems)


def _import_row(row: CheckedRow, target: _Target) -> _Outcome:
    mapping = target.mapping
    if is_repeat_only(row):
        return _Outcome(RowOutcome.REPEATED, row.problems)
    if row.problems:
        return _Outcome(RowOutcome.REFUSED, row.problems)
    existing = Referral.objects.filter(
        source=mapping.referral_source(), external_id=row.source_id
    ).first()
    if existing is not None:  # idempotent by source id (Referral's unique constraint)
        return _Outcome(RowOutcome.ALREADY_IMPORTED, [], existing)
    try:
        with transaction.atomic():
            person, new_person = find_or_create_person(row.values, target.contract, target.actor)
            referral = refer_row(row, person, target)
    except ValidationError as error:
        return _Outcome(RowOutcome.REFUSED, _problems_of(error, mapping))
    return _Outcome(RowOutcome.CREATED, [], referral, new_person)


def _problems_of(error: ValidationError, mapping: SourceMapping) -> list[Problem]:
    headers: dict[str, str] = {column.field: column.header for column in mapping.columns}
    if not hasattr(error, "error_dict"):
        return [Problem("", message) for message in error.messages]
    return [
        Problem(headers.get(field, field.replace("_", " ")), message)
        for field, messages in error.message_dict.items()
        for message in messages
    ]


def find_or_create_person(
    values: dict[str, Any], contract: Contract, actor: User | None
) -> tuple[Person, bool]:
    """The provider's person with the same name (ignoring case) and date of birth (or, without
    one, postcode) when there is exactly one; otherwise a new person. A simple exact match: the
    workbook's fuzzy matching and review list live above this app (haven/workbook/matching.py),
    so a near miss becomes a new person that the people duplicate finder shows staff."""
    given, family = values["given_name"], values["family_name"]
    people = Person.objects.filter(
        organisation=contract.provider_id, given_name__iexact=given, family_name__iexact=family
    )
    if values.get("date_of_birth"):
        people = people.filter(date_of_birth=values["date_of_birth"])
    elif values.get("postcode"):
        people = people.filter(postcode=normalise_postcode(values["postcode"]))
    else:
        people = people.none()  # a name alone never decides who someone is
    found = list(people[:2])
    if len(found) == 1:
        return found[0], False
    details = {name: values[name] for name in PERSON_FIELDS if values.get(name)}
    person = person_create(
        created_by=actor,  # type: ignore[arg-type]  # None: the system actor (the CLI)
        details=details,  # type: ignore[arg-type]
        organisation=contract.provider,
    )
    return person, True


def refer_row(row: CheckedRow, person: Person, target: _Target) -> Referral:
    """The row's referral by the mapping's route, received when the row says (the deadlines
    count from it, seed 002 s3.7), accepted so its case opens with the first-contact tasks."""
    details = {name: row.values[name] for name in REFERRAL_DETAILS if name in row.values}
    referral = referral_create(
        contract=target.contract,
        person=person,
        entered_by=target.actor,
        route=target.mapping.route,
        received_at=row.values["received_at"],
        source=target.mapping.referral_source(),
        external_id=row.source_id,
        source_organisation=target.mapping.source_organisation,
        **details,
    )
    if referral.decision == Decision.PENDING:
        accept_at(referral, target)
    return referral


def accept_at(referral: Referral, target: _Target) -> Case:
    """`casework.services.referral_accept` at the run's time rather than the clock's (the
    demo builds the same data from the same seed; a real run's time is when it started)."""
    refuse_unless_may_decide(referral, target.actor)
    referral.decision = Decision.ACCEPTED
    referral.decided_at = target.at
    referral.decided_by = target.actor
    referral.save(update_fields=["decision", "decided_at", "decided_by", "updated_at"])
    audit_event(
        actor=target.actor,
        action=AuditAction.UPDATE,
        target=referral,
        changes={"decision": [Decision.PENDING, Decision.ACCEPTED]},
    )
    return case_open_from_referral(
        referral=referral,
        opened_by=target.actor,  # type: ignore[arg-type]  # None: the system actor
        at=target.at,
        team=target.team,
        allocated_to=target.allocated_to,
    )


def run_after(
    run: ImportRun, outcomes: list[tuple[CheckedRow, _Outcome]], actor: User | None
) -> ImportRun:
    """Record every row's outcome and the counts; audited as an import."""
    ImportRow.objects.bulk_create(
        ImportRow(
            run=run,
            row_number=row.row,
            source_id=row.source_id[:100],
            outcome=outcome.outcome,
            problems=[{"column": p.column, "reason": p.reason} for p in outcome.problems],
            referral=outcome.referral,
            new_person=outcome.new_person,
        )
        for row, outcome in outcomes
    )
    kinds = [outcome.outcome for _, outcome in outcomes]
    run.created = kinds.count(RowOutcome.CREATED)
    run.already_imported = kinds.count(RowOutcome.ALREADY_IMPORTED)
    run.repeated = kinds.count(RowOutcome.REPEATED)
    run.refused = kinds.count(RowOutcome.REFUSED)
    run.not_imported = kinds.count(RowOutcome.NOT_IMPORTED)
    if run.not_imported or (run.refused and not (run.created or run.already_imported)):
        run.status = RunStatus.REFUSED
        run.error = f"{run.refused} row(s) have problems; nothing was imported"
    elif run.refused:
        run.status = RunStatus.SOME_REFUSED
    else:
        run.status = RunStatus.IMPORTED
    run.finished_at = timezone.now()
    run.save()
    audit_event(actor=actor, action=AuditAction.IMPORT, target=run, changes=_counts(run))
    return run


def _counts(run: ImportRun) -> dict[str, Any]:
    return {
        "source": run.source,
        "file_sha256": run.file_sha256,
        "status": run.status,
        **{name: getattr(run, name) for name in COUNT_FIELDS},
    }


def _refuse_file(run: ImportRun, actor: User | None, problems: list[Problem]) -> ImportRun:
    run.status = RunStatus.REFUSED
    run.file_problems = [{"column": p.column, "reason": p.reason} for p in problems]
    run.error = "The file was refused; nothing was imported"
    run.created = run.already_imported = run.repeated = run.refused = run.not_imported = 0
    run.finished_at = timezone.now()
    run.save()
    audit_event(actor=actor, action=AuditAction.IMPORT, target=run, changes=_counts(run))
    return run
