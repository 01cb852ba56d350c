"""One field of one record type: its JSON value, its CSV cell and its JSON Schema (draft 2020-12).

Values are read with ``field.value_from_object`` (an encrypted-at-rest text field gives its
plaintext that way), so the bundle is plain, documented JSON.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.duration import duration_iso_string

from haven.handover.registry import STAFF_TYPE


class FieldTypeError(Exception):
    """A model field of a kind the format does not describe yet."""


@dataclass(frozen=True)
class BundleField:
    """How one model field appears in the bundle."""

    name: str
    field: models.Field[Any, Any]
    kind: str  # string, text, uuid, boolean, integer, number, decimal, date, date-time, time,
    # duration, json, binary, reference, staff, references
    target: str = ""  # the referenced type for reference / references / staff

    @property
    def nullable(self) -> bool:
        return bool(self.field.null)

    def schema(self) -> dict[str, Any]:
        base: dict[str, Any] = dict(_SCHEMAS[self.kind](self))
        description = str(getattr(self.field, "verbose_name", "") or self.name)
        help_text = str(getattr(self.field, "help_text", "") or "")
        base["description"] = f"{description}. {help_text}".strip() if help_text else description
        if self.kind == "references":
            return base
        choices = getattr(self.field, "choices", None)
        if choices and self.kind in {"string", "integer"}:
            values: list[Any] = [value for value, _label in _flat_choices(choices)]
            if self.kind == "string" and self.field.blank and "" not in values:
                values.append("")
            base["enum"] = values
            base["x-haven-labels"] = {str(v): str(label) for v, label in _flat_choices(choices)}
        if self.nullable:
            base = _nullable(base)
        return base

    def to_json(self, obj: models.Model, staff: dict[Any, str]) -> Any:
        if self.kind in {"reference", "staff"}:
            raw = getattr(obj, self.field.attname)
            if raw is None:
                return None
            return staff[raw] if self.kind == "staff" else str(raw)
        value = self.field.value_from_object(obj)
        return to_json_value(self.kind, value)

    def from_json(self, value: Any) -> Any:
        """The Python value to store (references are resolved by the importer)."""
        if value is None:
            return None
        if self.kind == "json":
            return value
        if self.kind == "binary":
            return base64.b64decode(value)
        return self.field.to_python(value)


def to_json_value(kind: str, value: Any) -> Any:
    if value is None:
        return None
    if kind == "date-time":
        assert isinstance(value, datetime)
        return value.astimezone(UTC).isoformat().replace("+00:00", "Z")
    if kind in {"date", "time"}:
        assert isinstance(value, date | time)
        return value.isoformat()
    if kind in {"uuid", "decimal"}:
        return str(value)
    if kind == "duration":
        assert isinstance(value, timedelta)
        return duration_iso_string(value)
    if kind == "binary":
        return base64.b64encode(bytes(value)).decode("ascii")
    if kind == "json" and isinstance(value, Decimal):
        return str(value)
    return value


def csv_cell(value: Any) -> str:
    """The CSV rendering of a JSON value: empty for null, JSON text for lists and objects."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return str(value)


def bundle_field(
    field: models.Field[Any, Any], type_names: dict[type[models.Model], str]
) -> BundleField:
    """The bundle's description of a model field (``type_names``: model -> exported type)."""
    if field.is_relation:
        target = field.related_model
        assert isinstance(target, type)
        if target._meta.label == settings.AUTH_USER_MODEL:
            if field.many_to_many:
                raise FieldTypeError(f"{field}: lists of staff are not described")
            return BundleField(field.name, field, "staff", STAFF_TYPE)
        if target not in type_names:
            raise FieldTypeError(f"{field} points at {target._meta.label}, which is not exported")
        kind = "references" if field.many_to_many else "reference"
        return BundleField(field.name, field, kind, type_names[target])
    for cls, kind in _KINDS:
        if isinstance(field, cls):
            return BundleField(field.name, field, kind)
    raise FieldTypeError(f"{field}: a {type(field).__name__} is not described by the format")


_KINDS: list[tuple[type[Any], str]] = [
    (models.UUIDField, "uuid"),
    (models.BooleanField, "boolean"),
    (models.DateTimeField, "date-time"),
    (models.DateField, "date"),
    (models.TimeField, "time"),
    (models.DurationField, "duration"),
    (models.DecimalField, "decimal"),
    (models.FloatField, "number"),
    (models.IntegerField, "integer"),  # includes the auto, small, big and positive kinds
    (models.JSONField, "json"),
    (models.BinaryField, "binary"),
    (models.TextField, "text"),  # includes encrypted-at-rest text fields
    (models.CharField, "string"),  # includes slug, email and URL fields
]


def _flat_choices(choices: Any) -> list[tuple[Any, Any]]:
    flat: list[tuple[Any, Any]] = []
    for value, label in choices:
        if isinstance(label, list | tuple):
            flat.extend(label)
        else:
            flat.append((value, label))
    return flat


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    if "enum" in schema:
        schema["enum"] = [*schema["enum"], None]
    if isinstance(schema.get("type"), str):
        schema["type"] = [schema["type"], "null"]
    elif "type" not in schema:
        return schema  # JSON: any value, null included
    return schema


def _string(f: BundleField) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string"}
    max_length = getattr(f.field, "max_length", None)
    if max_length:
        schema["maxLength"] = max_length
    return schema


_SCHEMAS: dict[str, Any] = {
    "string": _string,
    "text": lambda f: {"type": "string"},
    "uuid": lambda f: {"type": "string", "format": "uuid"},
    "boolean": lambda f: {"type": "boolean"},
    "integer": lambda f: {"type": "integer"},
    "number": lambda f: {"type": "number"},
    "decimal": lambda f: {
        "type": "string",
        "pattern": r"^-?[0-9]+(\.[0-9]+)?$",
        "x-haven-decimal": {
            "max_digits": f.field.max_digits,
            "decimal_places": f.field.decimal_places,
        },
    },
    "date": lambda f: {"type": "string", "format": "date"},
    "date-time": lambda f: {"type": "string", "format": "date-time"},
    "time": lambda f: {"type": "string", "format": "time"},
    "duration": lambda f: {"type": "string", "format": "duration"},
    "json": lambda f: {},
    "binary": lambda f: {"type": "string", "contentEncoding": "base64"},
    "reference": lambda f: {
        "type": "string",
        "format": "uuid",
        "x-haven-references": f.target,
    },
    "staff": lambda f: {"type": "string", "x-haven-references": STAFF_TYPE},
    "references": lambda f: {
        "type": "array",
        "items": {"type": "string", "format": "uuid"},
        "uniqueItems": True,
        "x-haven-references": f.target,
    },
}
