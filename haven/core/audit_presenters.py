"""The audit trail as people read it: each event's record named by its reference code, its
details worded for its kind of event, and values hidden where the record is restricted.

Typed rows, no HTML (as ``risk/presenters.py``). The records are looked up through Django's app
registry by the event's ``object_type`` (the trail names them that way), so ``core`` imports no
app above it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.urls import reverse

from haven.core.formatting import datetime_format
from haven.core.models import AuditAction, AuditEvent

HIDDEN = "Details hidden: the record is restricted and you are not named on it"
# How a record reaches its person, tried in turn: the record itself, or through these fields.
PERSON_PATHS = ("person", "case__person", "referral__person", "note__case__person")


@dataclass(frozen=True)
class AuditRow:
    """One event, ready for the page and the CSV."""

    event: AuditEvent
    when: str
    who: str
    action: str
    record: str  # "Case HVN-7K3P-Q9", "Audit trail", "" for none
    record_url: str
    details: list[str]
    reason: str
    hidden: bool


def _text(value: Any) -> str:
    if value is None or value == "":
        return "(blank)"
    if isinstance(value, list):
        return ", ".join(_text(v) for v in value) or "(none)"
    if isinstance(value, dict):
        return "; ".join(f"{_label(k)}: {_text(v)}" for k, v in value.items())
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _label(field: str) -> str:
    return field.replace("_", " ").capitalize()


def _change_lines(changes: Mapping[str, Any]) -> list[str]:
    """``field: [old, new]`` pairs as 'Field: old → new'; anything else as 'Field: value'."""
    lines = []
    for field, values in changes.items():
        if isinstance(values, list) and len(values) == 2:
            old, new = values
            lines.append(
                f"{_label(field)}: {_text(new)}"
                if old is None
                else f"{_label(field)}: {_text(old)} → {_text(new)}"
            )
        else:
            lines.append(f"{_label(field)}: {_text(values)}")
    return lines


SEARCH_BY = {
    "reference_code": "by reference code",
    "name_and_date_of_birth": "by name and date of birth",
}


def _search(changes: Mapping[str, Any]) -> list[str]:
    by = SEARCH_BY.get(str(changes.get("searched_by", "")), "")
    results = changes.get("results")
    line = " ".join(filter(None, ["Searched", by]))
    if results is not None:
        line += f": {results} result{'' if results == 1 else 's'} shown"
    restricted = changes.get("restricted_results") or 0
    lines = [line]
    if restricted:
        lines.append(f"{restricted} restricted record{'' if restricted == 1 else 's'} not shown")
    return lines


def _import(changes: Mapping[str, Any]) -> list[str]:
    if "status" in changes:
        return _change_lines(changes)
    return [f"{_label(k)}: {_text(v)}" for k, v in changes.items()]


def _view(changes: Mapping[str, Any]) -> list[str]:
    lines = []
    if "page" in changes:
        lines.append(f"Page: {str(changes['page']).replace(':', ' ').replace('_', ' ')}")
    if "shown" in changes:
        count = len(changes["shown"] or [])
        lines.append(f"{count} record{'' if count == 1 else 's'} shown")
    return lines


def _export(changes: Mapping[str, Any]) -> list[str]:
    lines = [f"{_label(k)}: {_text(v)}" for k, v in changes.items() if k != "filters"]
    filters = changes.get("filters") or {}
    lines.append("Filters: " + (_text(filters) if filters else "none"))
    return lines


# One presenter per kind of event; the rest show their changes as 'field: old → new'.
PRESENTERS: dict[str, Callable[[Mapping[str, Any]], list[str]]] = {
    AuditAction.SEARCH: _search,
    AuditAction.IMPORT: _import,
    AuditAction.VIEW: _view,
    AuditAction.EXPORT: _export,
}


def details_of(event: AuditEvent) -> list[str]:
    changes = event.changes if isinstance(event.changes, dict) else {"value": event.changes}
    presenter = PRESENTERS.get(event.action, _change_lines)
    return presenter(changes)


# --- records: names and restriction ----------------------------------------------------------


def _model(object_type: str) -> type[models.Model] | None:
    try:
        return apps.get_model(object_type)
    except (LookupError, ValueError):
        return None


def _person_path(model: type[models.Model]) -> str | None:
    """The lookup from this model to its person ('' for a person), or None."""
    if model._meta.label_lower == "people.person":
        return ""
    for path in PERSON_PATHS:
        current: Any = model
        try:
            for part in path.split("__"):
                current = current._meta.get_field(part).related_model
        except (FieldDoesNotExist, AttributeError):  # a model without that field
            continue
        if current is not None and current._meta.label_lower == "people.person":
            return path
    return None


@dataclass(frozen=True)
class RecordInfo:
    label: str
    person_id: Any


def _code_of(obj: Any, path: str | None) -> str:
    code = getattr(obj, "reference_code", "")
    if not code and path:
        person = obj
        for part in path.split("__"):
            person = getattr(person, part, None)
        code = getattr(person, "reference_code", "")
    return str(code or getattr(obj, "slug", "") or str(obj.pk)[:8])


def records_of(events: Iterable[AuditEvent]) -> dict[tuple[str, str], RecordInfo]:
    """Each event's record: its name and its person (one query per kind of record)."""
    wanted: dict[str, set[str]] = {}
    for event in events:
        if event.object_type and event.object_id:
            wanted.setdefault(event.object_type, set()).add(event.object_id)
    found: dict[tuple[str, str], RecordInfo] = {}
    for object_type, ids in wanted.items():
        model = _model(object_type)
        if model is None:
            continue
        path = _person_path(model)
        rows = model._default_manager.all()
        if path:
            rows = rows.select_related(path)
        noun = str(model._meta.verbose_name).capitalize()
        try:
            objects = list(rows.filter(pk__in=ids))
        except (ValidationError, ValueError):  # ids of another shape: named as they are
            objects = []
        for obj in objects:
            person_id = obj.pk if path == "" else _follow_id(obj, path)
            found[(object_type, str(obj.pk))] = RecordInfo(
                f"{noun} {_code_of(obj, path)}", person_id
            )
    return found


def _follow_id(obj: Any, path: str | None) -> Any:
    if not path:
        return None
    current = obj
    for part in path.split("__"):
        current = getattr(current, part, None)
        if current is None:
            return None
    return current.pk


def restricted_people(user: Any, person_ids: Iterable[Any]) -> set[str]:
    """The people among these whom the user may not see (``restricted_for``)."""
    ids = {pid for pid in person_ids if pid is not None}
    if not ids:
        return set()
    person = apps.get_model("people", "Person")
    hidden = person._default_manager.filter(pk__in=ids).restricted_for(user)
    return {str(pk) for pk in hidden.values_list("pk", flat=True)}


def audit_rows(user: Any, events: Iterable[AuditEvent]) -> list[AuditRow]:
    """The page's rows: records named, details worded, values of restricted records hidden."""
    events = list(events)
    records = records_of(events)
    hidden_people = restricted_people(user, (r.person_id for r in records.values()))
    rows = []
    for event in events:
        info = records.get((event.object_type, event.object_id))
        hidden = info is not None and str(info.person_id) in hidden_people
        if info is not None:
            record = info.label
        elif event.object_type:
            model = _model(event.object_type)
            noun = str(model._meta.verbose_name).capitalize() if model else event.object_type
            record = f"{noun} (no longer held)" if event.object_id else noun
        else:
            record = ""
        url = (
            reverse("audit:record", args=[event.object_type, event.object_id])
            if event.object_id
            else ""
        )
        rows.append(
            AuditRow(
                event=event,
                when=datetime_format(event.occurred_at),
                who=event.actor_label,
                action=event.get_action_display(),
                record=record,
                record_url=url,
                details=[HIDDEN] if hidden else details_of(event),
                reason="" if hidden else event.reason,
                hidden=hidden,
            )
        )
    return rows
