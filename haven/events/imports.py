"""Import past events from a CSV file: every row checked first, errors as (row, field, message),
nothing saved unless every row is good; idempotent by each row's `reference` (a row whose
reference the provider already has is skipped)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from django.db import transaction
from django.utils import timezone

from haven.accounts.models import User
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.events.models import Event, EventStatus
from haven.events.rules import may_record_for
from haven.events.selectors import contracts_by_slug, existing_refs
from haven.events.services import (
    REASON_MAX_LENGTH,
    Delivery,
    EventDetails,
    delivery_problems,
    details_problems,
    event_cancel,
    event_record_delivery,
    event_schedule,
)
from haven.validators import text_problem

COLUMNS = (
    "reference",
    "contracts",
    "kind",
    "title",
    "date",
    "start_time",
    "duration_minutes",
    "venue",
    "location_type",
    "audience",
    "status",
    "cancelled_reason",
    "attended",
    "feedback_forms",
    "awareness_increased",
    "more_confident",
    "feedback_themes",
    "materials",
)
REQUIRED = ("reference", "contracts", "kind", "title", "date", "start_time", "duration_minutes")
MAX_ROWS = 5_000
MAX_BYTES = 2_000_000
# which CSV column a service's field problem belongs to
FIELD_COLUMNS = {"starts_at": "date", "by_agency": "attended", "reason": "cancelled_reason"}


@dataclass(frozen=True)
class RowProblem:
    row: int  # the file's line number (the header is row 1)
    column: str
    message: str


@dataclass(frozen=True)
class ImportResult:
    created: int
    skipped: int
    problems: tuple[RowProblem, ...]


@dataclass(frozen=True)
class _Row:
    number: int
    reference: str
    provider: Any
    details: EventDetails
    status: str
    delivery: Delivery | None
    reason: str


def _int(value: str, column: str, problems: list[tuple[str, str]], default: int = 0) -> int:
    if not value.strip():
        return default
    try:
        return int(value.strip())
    except ValueError:
        problems.append((column, "must be a whole number"))
        return default


def _starts(cells: dict[str, str], problems: list[tuple[str, str]]) -> datetime | None:
    try:
        day = date.fromisoformat(cells["date"].strip())
    except ValueError:
        problems.append(("date", "must be a date like 2025-03-27"))
        return None
    try:
        clock = time.fromisoformat(cells["start_time"].strip())
    except ValueError:
        problems.append(("start_time", "must be a time like 14:30"))
        return None
    return timezone.make_aware(datetime.combine(day, clock.replace(tzinfo=None)))


def _parse(
    number: int, cells: dict[str, str], contracts: dict[str, Any], now: datetime
) -> tuple[_Row | None, list[tuple[str, str]]]:
    problems: list[tuple[str, str]] = []
    for column in REQUIRED:
        if not cells.get(column, "").strip():
            problems.append((column, "is required"))
    if problems:
        return None, problems
    slugs = [s.strip() for s in cells["contracts"].split(";") if s.strip()]
    chosen = [contracts[s] for s in slugs if s in contracts]
    if len(chosen) != len(slugs):
        problems.append(("contracts", "names a contract Haven does not have"))
    providers = {c.provider_id for c in chosen}
    if len(providers) > 1:
        problems.append(("contracts", "must all be provided by one organisation"))
    starts_at = _starts(cells, problems)
    duration = _int(cells["duration_minutes"], "duration_minutes", problems)
    status = cells.get("status", "").strip() or EventStatus.DELIVERED
    if status not in EventStatus.values:
        problems.append(("status", "must be scheduled, delivered or cancelled"))
    if problems or starts_at is None or not chosen:
        return None, problems
    details = EventDetails(
        contracts=chosen,
        kind=cells["kind"].strip(),
        title=cells["title"],
        starts_at=starts_at,
        duration_minutes=duration,
        venue=cells.get("venue", ""),
        location_type=cells.get("location_type", "").strip(),
        audience=cells.get("audience", "").strip(),
        materials=cells.get("materials", ""),
    )
    provider = chosen[0].provider
    for name, message in details_problems(provider, details).items():
        if message:
            problems.append((FIELD_COLUMNS.get(name, name), message))
    delivery = None
    if status == EventStatus.DELIVERED:
        delivery = Delivery(
            attended=_int(cells.get("attended", ""), "attended", problems, default=-1),
            feedback_forms=_int(cells.get("feedback_forms", ""), "feedback_forms", problems),
            awareness_increased=_int(
                cells.get("awareness_increased", ""), "awareness_increased", problems
            ),
            more_confident=_int(cells.get("more_confident", ""), "more_confident", problems),
            feedback_themes=cells.get("feedback_themes", ""),
        )
        if delivery.attended < 0:
            problems.append(("attended", "is required for a delivered event"))
        else:
            probe = Event(starts_at=starts_at)
            for name, message in delivery_problems(probe, delivery, now).items():
                if message:
                    problems.append((FIELD_COLUMNS.get(name, name), message))
    reason = cells.get("cancelled_reason", "").strip()
    if status == EventStatus.CANCELLED:
        problem = (
            "is required for a cancelled event"
            if not reason
            else text_problem(reason, subject="Reason", limit=REASON_MAX_LENGTH)
        )
        if problem:
            problems.append(("cancelled_reason", problem))
    row = _Row(number, cells["reference"].strip(), provider, details, status, delivery, reason)
    return (None if problems else row), problems


def read_rows(content: bytes) -> tuple[list[dict[str, str]], list[RowProblem]]:
    """The file's rows as dicts of the known columns, or the problems with the file itself."""
    if len(content) > MAX_BYTES:
        return [], [RowProblem(1, "file", "The file must be smaller than 2 MB")]
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [RowProblem(1, "file", "The file must be a CSV saved as UTF-8")]
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        return [], [RowProblem(1, c, "column is missing from the header") for c in missing]
    reader.fieldnames = header
    rows: list[dict[str, str]] = []
    for cells in reader:
        if len(rows) >= MAX_ROWS:
            return [], [RowProblem(1, "file", f"The file must have at most {MAX_ROWS:,} rows")]
        rows.append({k: (v or "") for k, v in cells.items() if isinstance(k, str)})
    if not rows:
        return [], [RowProblem(1, "file", "The file has no rows under its header")]
    return rows, []


@transaction.atomic
def events_import(
    *, content: bytes, imported_by: User, now: datetime | None = None
) -> ImportResult:
    """Check every row, then (only if all are good) create the new ones in one transaction."""
    now = now or timezone.now()
    rows, problems = read_rows(content)
    if problems:
        return ImportResult(0, 0, tuple(problems))
    slugs = sorted({s.strip() for r in rows for s in r.get("contracts", "").split(";")})
    contracts = contracts_by_slug(slugs)
    parsed: list[_Row] = []
    found: list[RowProblem] = []
    seen: dict[str, int] = {}
    for number, cells in enumerate(rows, start=2):
        row, row_problems = _parse(number, cells, contracts, now)
        found += [RowProblem(number, column, message) for column, message in row_problems]
        reference = cells.get("reference", "").strip()
        if reference in seen:
            found.append(RowProblem(number, "reference", f"repeats row {seen[reference]}"))
        seen.setdefault(reference, number)
        if row is not None:
            if not may_record_for(imported_by, row.provider.pk):
                found.append(RowProblem(number, "contracts", "is not a contract you record for"))
            parsed.append(row)
    if found:
        return ImportResult(0, 0, tuple(found))
    done = existing_refs({r.provider.pk for r in parsed}, [r.reference for r in parsed])
    created = []
    for row in parsed:
        if (row.provider.pk, row.reference) in done:
            continue
        event = event_schedule(
            provider=row.provider,
            scheduled_by=imported_by,
            details=row.details,
            external_ref=row.reference,
        )
        if row.delivery is not None:
            event_record_delivery(
                event=event, recorded_by=imported_by, delivery=row.delivery, at=now
            )
        elif row.status == EventStatus.CANCELLED:
            event_cancel(event=event, cancelled_by=imported_by, reason=row.reason)
        created.append(event.pk)
    audit_event(
        actor=imported_by,
        action=AuditAction.IMPORT,
        object_type="events.event",
        changes={"created": [str(pk) for pk in created], "skipped": len(parsed) - len(created)},
    )
    return ImportResult(len(created), len(parsed) - len(created), ())
