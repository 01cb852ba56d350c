"""Write a contract's handover bundle: JSON Lines, JSON Schemas, CSV and a manifest.

# seed 003 s15: "At cessation of the contract, the Provider will return all data".
# seed 004 s11.1: "the provider will supply the commissioner with an electronic copy of service
# user records and performance relevant information".
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path as FilePath
from typing import Any

from django.db import models
from django.utils import timezone

from haven.accounts.models import User
from haven.contracts.models import Contract
from haven.core.models import AuditEvent
from haven.handover.registry import AUDIT_LABEL, STAFF_TYPE, Path, Referenced, Within
from haven.handover.types import (
    FORMAT,
    FORMAT_VERSION,
    STAFF_SCHEMA,
    RecordType,
    record_types,
)

CHUNK = 500


@dataclass
class ExportResult:
    manifest: dict[str, Any]
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def dumps_line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def dumps_document(document: Any) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def canonical(value: Any) -> Any:
    """JSON values with their object keys sorted (PostgreSQL's jsonb reorders them)."""
    if isinstance(value, dict):
        return {k: canonical(value[k]) for k in sorted(value)}
    if isinstance(value, list):
        return [canonical(v) for v in value]
    return value


def chunks(values: list[Any], size: int = CHUNK) -> Iterator[list[Any]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def contract_scope(contract: Contract) -> dict[str, set[Any]]:
    """The ids of every record of the contract, per type: the registry's rules to a fixed point."""
    types = [t for t in record_types() if t.name != AUDIT_LABEL]
    by_model = {t.model: t.name for t in types}
    ids: dict[str, set[Any]] = {t.name: set() for t in types}
    direct: dict[str, set[Any]] = {}
    for t in types:
        direct[t.name] = set()
        for rule in t.decision.scope:
            if isinstance(rule, Path):
                manager = t.model._base_manager
                direct[t.name] |= set(
                    manager.filter(**{rule.lookup: contract.pk}).values_list("pk", flat=True)
                )
        ids[t.name] |= direct[t.name]
    changed = True
    while changed:
        changed = False
        referenced = _referenced(types, ids, by_model)
        for t in types:
            found: set[Any] = set()
            for rule in t.decision.scope:
                if isinstance(rule, Within):
                    model_field = t.model._meta.get_field(rule.field)
                    target = by_model[model_field.related_model]  # type: ignore[index]
                    for part in chunks(sorted(ids[target], key=str)):
                        found |= set(
                            t.model._base_manager.filter(
                                **{f"{model_field.attname}__in": part}  # type: ignore[union-attr]
                            ).values_list("pk", flat=True)
                        )
                elif isinstance(rule, Referenced):
                    found |= referenced.get(t.name, set())
            if not found <= ids[t.name]:
                ids[t.name] |= found
                changed = True
    return ids


def _referenced(
    types: list[RecordType], ids: dict[str, set[Any]], by_model: dict[Any, str]
) -> dict[str, set[Any]]:
    """Ids that records in the bundle point at, per referenced type."""
    found: dict[str, set[Any]] = {}
    for t in types:
        refs = [f for f in t.fields if f.kind == "reference"]
        if not refs or not ids[t.name]:
            continue
        columns = [f.field.attname for f in refs]
        for part in chunks(sorted(ids[t.name], key=str)):
            rows = t.model._base_manager.filter(pk__in=part).values_list(*columns)
            for row in rows:
                for f, value in zip(refs, row, strict=True):
                    if value is not None:
                        found.setdefault(f.target, set()).add(value)
        for f in t.fields:
            if f.kind == "references":
                through = f.field.remote_field.through  # type: ignore[union-attr]
                source = f.field.m2m_field_name()  # type: ignore[attr-defined]
                target = f.field.m2m_reverse_field_name()  # type: ignore[attr-defined]
                for part in chunks(sorted(ids[t.name], key=str)):
                    found.setdefault(f.target, set()).update(
                        through.objects.filter(**{f"{source}__in": part}).values_list(
                            f"{target}_id", flat=True
                        )
                    )
    return found


class BundleWriter:
    """Writes one type's JSON Lines and CSV, hashing as it goes."""

    def __init__(self, root: FilePath) -> None:
        self.root = root
        self.files: dict[str, dict[str, Any]] = {}

    def write_text(self, relative: str, text: str) -> None:
        data = text.encode("utf-8")
        target = self.root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        self.files[relative] = {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}

    def write_records(
        self, records_path: str, csv_path: str, columns: list[str], rows: Iterable[dict[str, Any]]
    ) -> int:
        from haven.handover.fields import csv_cell

        count = 0
        lines_hash, csv_hash = hashlib.sha256(), hashlib.sha256()
        lines_bytes = csv_bytes = 0
        (self.root / records_path).parent.mkdir(parents=True, exist_ok=True)
        (self.root / csv_path).parent.mkdir(parents=True, exist_ok=True)
        with (
            open(self.root / records_path, "wb") as lines_file,
            open(self.root / csv_path, "wb") as csv_file,
        ):
            buffer = io.StringIO()
            writer = csv.writer(buffer, lineterminator="\r\n")
            writer.writerow(columns)
            for row in rows:
                line = (dumps_line(row) + "\n").encode("utf-8")
                lines_file.write(line)
                lines_hash.update(line)
                lines_bytes += len(line)
                writer.writerow([csv_cell(row.get(c)) for c in columns])
                count += 1
                if buffer.tell() > 1 << 16:
                    csv_bytes += self._flush(buffer, csv_file, csv_hash)
            csv_bytes += self._flush(buffer, csv_file, csv_hash)
        self.files[records_path] = {"sha256": lines_hash.hexdigest(), "bytes": lines_bytes}
        self.files[csv_path] = {"sha256": csv_hash.hexdigest(), "bytes": csv_bytes}
        return count

    @staticmethod
    def _flush(buffer: io.StringIO, out: Any, digest: Any) -> int:
        data = buffer.getvalue().encode("utf-8")
        out.write(data)
        digest.update(data)
        buffer.seek(0)
        buffer.truncate()
        return len(data)


def export_bundle(
    contract: Contract, out: FilePath, *, now: datetime | None = None
) -> ExportResult:
    """Write the bundle of ``contract`` into the empty or new directory ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    if any(out.iterdir()):
        raise FileExistsError(f"{out} is not empty")
    scope = contract_scope(contract)
    staff_by_id = dict(User.objects.values_list("pk", "email"))
    staff_used: set[Any] = set()
    writer = BundleWriter(out)
    result = ExportResult(manifest={})
    types_doc: dict[str, dict[str, Any]] = {}
    all_ids = {str(pk) for pks in scope.values() for pk in pks}
    for t in record_types():
        writer.write_text(t.schema_path, dumps_document(t.schema()))
        if t.name == AUDIT_LABEL:
            rows: Iterable[dict[str, Any]] = _audit_rows(t, all_ids, staff_by_id, staff_used)
        else:
            rows = _type_rows(t, scope, staff_by_id, staff_used)
        count = writer.write_records(t.records_path, t.csv_path, [f.name for f in t.fields], rows)
        result.counts[t.name] = count
        types_doc[t.name] = _type_entry(t.records_path, t.schema_path, t.csv_path, count)
    staff = sorted(
        (
            {"key": staff_by_id[pk].lower(), "full_name": name}
            for pk, name in User.objects.filter(pk__in=staff_used).values_list("pk", "full_name")
        ),
        key=lambda row: row["key"],
    )
    writer.write_text(f"schemas/{STAFF_TYPE}.schema.json", dumps_document(STAFF_SCHEMA))
    count = writer.write_records(
        f"records/{STAFF_TYPE}.jsonl", f"csv/{STAFF_TYPE}.csv", ["key", "full_name"], staff
    )
    result.counts[STAFF_TYPE] = count
    types_doc[STAFF_TYPE] = _type_entry(
        f"records/{STAFF_TYPE}.jsonl",
        f"schemas/{STAFF_TYPE}.schema.json",
        f"csv/{STAFF_TYPE}.csv",
        count,
    )
    exported_at = (now or timezone.now()).astimezone(UTC).isoformat().replace("+00:00", "Z")
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "contract": {"id": str(contract.pk), "slug": contract.slug, "name": contract.name},
        "exported_at": exported_at,
        "types": types_doc,
        "files": dict(sorted(writer.files.items())),
    }
    (out / "manifest.json").write_text(dumps_document(manifest), encoding="utf-8")
    result.manifest = manifest
    return result


def _type_entry(records: str, schema: str, csv_path: str, count: int) -> dict[str, Any]:
    return {"records": records, "schema": schema, "csv": csv_path, "count": count}


def record_json(
    t: RecordType, obj: models.Model, staff_by_id: dict[Any, str], m2m: dict[str, list[str]]
) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for f in t.fields:
        if f.kind == "references":
            row[f.name] = m2m.get(f.name, [])
        elif f.kind == "json":
            row[f.name] = canonical(f.to_json(obj, staff_by_id))
        else:
            row[f.name] = f.to_json(obj, staff_by_id)
    if "key" not in row and any(f.kind == "staff" for f in t.fields):
        pass
    return row


def _staff_key(staff_by_id: dict[Any, str]) -> dict[Any, str]:
    return {pk: email.lower() for pk, email in staff_by_id.items()}


def _type_rows(
    t: RecordType, scope: dict[str, set[Any]], staff_by_id: dict[Any, str], staff_used: set[Any]
) -> Iterator[dict[str, Any]]:
    keys = _staff_key(staff_by_id)
    staff_columns = [f.field.attname for f in t.fields if f.kind == "staff"]
    ordered = sorted(scope[t.name], key=str)
    for part in chunks(ordered):
        objects = sorted(t.model._base_manager.filter(pk__in=part), key=lambda o: str(o.pk))
        m2m = _m2m_values(t, part, scope)
        for obj in objects:
            for column in staff_columns:
                value = getattr(obj, column)
                if value is not None:
                    staff_used.add(value)
            yield record_json(t, obj, keys, m2m.get(obj.pk, {}))


def _m2m_values(
    t: RecordType, part: list[Any], scope: dict[str, set[Any]]
) -> dict[Any, dict[str, list[str]]]:
    values: dict[Any, dict[str, list[str]]] = {}
    for f in t.fields:
        if f.kind != "references":
            continue
        through = f.field.remote_field.through  # type: ignore[union-attr]
        source = f.field.m2m_field_name()  # type: ignore[attr-defined]
        target = f.field.m2m_reverse_field_name()  # type: ignore[attr-defined]
        in_bundle = scope[f.target]
        pairs = through.objects.filter(**{f"{source}__in": part}).values_list(
            f"{source}_id", f"{target}_id"
        )
        for owner, ref in pairs:
            if ref in in_bundle:  # references outside the bundle are left out of lists
                values.setdefault(owner, {}).setdefault(f.name, []).append(str(ref))
    for per_owner in values.values():
        for name in per_owner:
            per_owner[name].sort()
    return values


def _audit_rows(
    t: RecordType, all_ids: set[str], staff_by_id: dict[Any, str], staff_used: set[Any]
) -> Iterator[dict[str, Any]]:
    """Audit events about any record in the bundle, oldest first (their order is their id)."""
    keys = _staff_key(staff_by_id)
    event_ids: list[tuple[Any, int]] = []
    for part in chunks(sorted(all_ids)):
        event_ids.extend(
            AuditEvent.objects.filter(object_id__in=part).values_list("occurred_at", "pk")
        )
    event_ids.sort()
    for part in chunks([pk for _at, pk in event_ids]):
        events = {e.pk: e for e in AuditEvent.objects.filter(pk__in=part)}
        for pk in part:
            event = events[pk]
            if event.actor_id is not None:
                staff_used.add(event.actor_id)
            yield record_json(t, event, keys, {})
