"""Read and check a bundle before anything is written: the manifest, every file's SHA-256, every
line against its type's JSON Schema, ids and references. Every problem names its file, line and
field."""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from jsonschema import Draft202012Validator, FormatChecker

from haven.handover.registry import STAFF_TYPE
from haven.handover.types import FORMAT, FORMAT_VERSION, STAFF_SCHEMA, RecordType, types_by_name

SUPPORTED_MAJOR = FORMAT_VERSION.split(".")[0]


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = self.file + (f" line {self.line}" if self.line is not None else "")
        return f"{where}: {self.field + ': ' if self.field else ''}{self.message}"


@dataclass
class Line:
    number: int
    record: dict[str, Any]


@dataclass
class Bundle:
    root: Path
    manifest: dict[str, Any]
    records: dict[str, list[Line]] = field(default_factory=dict)  # type name -> lines
    staff: list[Line] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def contract_id(self) -> str:
        return str(self.manifest.get("contract", {}).get("id", ""))

    @property
    def contract_slug(self) -> str:
        return str(self.manifest.get("contract", {}).get("slug", ""))

    def problem(self, file: str, line: int | None, field_name: str, message: str) -> None:
        self.problems.append(Problem(file, line, field_name, message))


class BundleError(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


def read_bundle(root: Path) -> Bundle:
    """Parse and check a bundle's files (no database access)."""
    bundle = Bundle(root=root, manifest={})
    manifest_path = root / "manifest.json"
    if not manifest_path.is_file():
        bundle.problem("manifest.json", None, "", "missing: a bundle starts with its manifest")
        return bundle
    try:
        bundle.manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        bundle.problem("manifest.json", None, "", f"not valid JSON ({exc})")
        return bundle
    if not _check_manifest(bundle):
        return bundle
    known = types_by_name()
    for name, entry in sorted(bundle.manifest["types"].items()):
        if name == STAFF_TYPE:
            bundle.staff = _read_lines(bundle, entry, STAFF_SCHEMA)
        elif name not in known:
            bundle.problem(
                str(entry.get("records", name)), None, "", f"unknown record type {name!r}"
            )
        else:
            bundle.records[name] = _read_lines(bundle, entry, known[name].schema(), known[name])
    return bundle


def _check_manifest(bundle: Bundle) -> bool:
    m = bundle.manifest
    ok = True
    if not isinstance(m, dict) or m.get("format") != FORMAT:
        bundle.problem("manifest.json", None, "format", f"expected {FORMAT!r}")
        return False
    version = str(m.get("format_version", ""))
    if version.split(".")[0] != SUPPORTED_MAJOR:
        bundle.problem(
            "manifest.json",
            None,
            "format_version",
            f"{version!r}: this Haven reads {FORMAT_VERSION}",
        )
        ok = False
    contract = m.get("contract")
    if not isinstance(contract, dict) or not contract.get("id") or not contract.get("slug"):
        bundle.problem("manifest.json", None, "contract", "give the contract's id and slug")
        ok = False
    if not isinstance(m.get("types"), dict) or not isinstance(m.get("files"), dict):
        bundle.problem("manifest.json", None, "types", "give the types and files objects")
        return False
    for relative, meta in sorted(m["files"].items()):
        path = bundle.root / relative
        if ".." in Path(relative).parts or Path(relative).is_absolute():
            bundle.problem("manifest.json", None, "files", f"{relative}: not inside the bundle")
            ok = False
        elif not path.is_file():
            bundle.problem(relative, None, "", "listed in the manifest but missing")
            ok = False
        elif _sha256(path) != meta.get("sha256"):
            bundle.problem(
                relative, None, "", "SHA-256 differs from the manifest (changed or damaged)"
            )
            ok = False
    for name, entry in m["types"].items():
        records = entry.get("records") if isinstance(entry, dict) else None
        if not records or records not in m["files"]:
            bundle.problem(
                "manifest.json", None, f"types.{name}", "records file not listed in files"
            )
            ok = False
    return ok


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _read_lines(
    bundle: Bundle, entry: dict[str, Any], schema: dict[str, Any], t: RecordType | None = None
) -> list[Line]:
    relative = str(entry["records"])
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    lines: list[Line] = []
    with open(bundle.root / relative, encoding="utf-8") as handle:
        for number, text in enumerate(handle, start=1):
            if not text.strip():
                bundle.problem(relative, number, "", "empty line")
                continue
            try:
                record = json.loads(text)
            except ValueError as exc:
                bundle.problem(relative, number, "", f"not valid JSON ({exc.args[0]})")
                continue
            errors = sorted(validator.iter_errors(record), key=lambda e: list(e.absolute_path))
            for error in errors:
                field_name = str(error.absolute_path[0]) if error.absolute_path else ""
                if not field_name and error.validator == "required":
                    field_name = str(error.message).split("'")[1] if "'" in error.message else ""
                bundle.problem(relative, number, field_name, _message(error))
            if not errors and t is not None:
                errors = _conversion_problems(bundle, relative, number, t, record)
            if not errors and isinstance(record, dict):
                lines.append(Line(number, record))
    if entry.get("count") is not None and entry["count"] != len(lines) and not bundle.problems:
        bundle.problem(
            relative, None, "", f"{len(lines)} records; the manifest says {entry['count']}"
        )
    return lines


CONVERTED = {"date", "date-time", "time", "duration", "decimal", "uuid", "binary", "reference"}


def _conversion_problems(
    bundle: Bundle, relative: str, number: int, t: RecordType, record: dict[str, Any]
) -> list[str]:
    """Values the schema's formats let through but the field cannot store (a date-time that is
    not ISO 8601, say: JSON Schema formats are annotations unless a checker is installed)."""
    found = []
    for f in t.fields:
        value = record.get(f.name)
        if value is None or f.kind not in CONVERTED:
            continue
        try:
            converted = f.from_json(value) if f.kind != "reference" else uuid.UUID(str(value))
        except (ValidationError, ValueError, TypeError):
            converted = None
        if converted is None:
            kind = "UUID" if f.kind == "reference" else f.kind
            bundle.problem(relative, number, f.name, f"not a valid {kind}")
            found.append(f.name)
    return found


def _message(error: Any) -> str:
    """The reason, without echoing the value (it may be personal data)."""
    rule, expected = error.validator, error.validator_value
    if rule == "required":
        return "missing (required)"
    if rule == "type":
        return f"expected {' or '.join(expected) if isinstance(expected, list) else expected}"
    if rule == "enum":
        shown = ", ".join(repr(v) for v in expected[:20])
        return f"not one of the allowed values ({shown}{', ...' if len(expected) > 20 else ''})"
    if rule == "format":
        return f"not a valid {expected}"
    if rule == "maxLength":
        return f"longer than {expected} characters"
    if rule == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        return f"unknown field(s): {', '.join(extra)[:200]}"
    if rule == "pattern":
        return "not in the expected form (a decimal number as text)"
    return f"fails the schema rule {rule!r}"


def type_of(name: str) -> RecordType:
    return types_by_name()[name]
