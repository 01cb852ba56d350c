"""The record types of the bundle, built from the registry and each model's ``_meta``."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from django.db import models

from haven.handover.fields import BundleField, bundle_field
from haven.handover.registry import AUDIT_LABEL, STAFF_TYPE, Exported, exported_models

FORMAT = "haven-handover"
FORMAT_VERSION = "1.0"
SCHEMA_BASE = "https://haven.example/handover/1.0/"


@dataclass(frozen=True)
class RecordType:
    name: str  # e.g. "casework.casenote"
    model: type[models.Model]
    decision: Exported
    fields: tuple[BundleField, ...]

    @property
    def has_id(self) -> bool:
        """Types with integer ids (the audit trail) carry no id: their order is their identity."""
        return isinstance(self.model._meta.pk, models.UUIDField)

    @property
    def records_path(self) -> str:
        return f"records/{self.name}.jsonl"

    @property
    def schema_path(self) -> str:
        return f"schemas/{self.name}.schema.json"

    @property
    def csv_path(self) -> str:
        return f"csv/{self.name}.csv"

    @property
    def references(self) -> list[BundleField]:
        return [f for f in self.fields if f.kind in {"reference", "references"}]

    def schema(self) -> dict[str, Any]:
        doc = (self.model.__doc__ or "").strip()
        return {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"{SCHEMA_BASE}{self.name}.schema.json",
            "title": f"{self.name} ({self.model._meta.verbose_name})",
            "description": " ".join(doc.split())
            if doc and not doc.startswith(self.model.__name__ + "(")
            else "",
            "type": "object",
            "properties": {f.name: f.schema() for f in self.fields},
            "required": [f.name for f in self.fields if _required(f)],
            "additionalProperties": False,
            "x-haven-shared": self.decision.shared,
        }


def _required(f: BundleField) -> bool:
    """A field an importing supplier must give: no default, not nullable, not a time stamp."""
    field = f.field
    if field.primary_key:
        return True  # references need it, even in a hand-made bundle
    if f.kind == "references" or field.null or field.has_default():
        return False
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return False
    return not (field.blank and f.kind in {"string", "text", "json"})


STAFF_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": f"{SCHEMA_BASE}{STAFF_TYPE}.schema.json",
    "title": "staff (a member of staff referenced by records)",
    "description": "Staff are referenced by their email address (the staff key). No password "
    "hashes, MFA secrets or roles are exported.",
    "type": "object",
    "properties": {
        "key": {"type": "string", "description": "email address, lower case: the staff key"},
        "full_name": {"type": "string", "description": "full name"},
    },
    "required": ["key", "full_name"],
    "additionalProperties": False,
}


@functools.cache
def record_types() -> tuple[RecordType, ...]:
    """Every exported type, ordered by name (the audit trail included)."""
    listed = exported_models()
    names = {model: name for name, model, _decision in listed}
    types = []
    for name, model, decision in listed:
        fields = []
        for field in [*model._meta.concrete_fields, *model._meta.many_to_many]:
            if field.name in decision.omit:
                continue
            if getattr(field, "derived", False):
                continue  # a blind index (ADR 0019): keyed per Haven, recomputed on import
            if name == AUDIT_LABEL and field.primary_key:
                continue
            if field.primary_key and not isinstance(field, models.UUIDField):
                continue  # integer ids are local to one database
            fields.append(bundle_field(field, names))
        types.append(RecordType(name, model, decision, tuple(fields)))
    return tuple(types)


def types_by_name() -> dict[str, RecordType]:
    return {t.name: t for t in record_types()}
