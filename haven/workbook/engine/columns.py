"""The incident columns Haven reads, and how a force's export maps onto them."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

INCIDENT_COLUMNS: tuple[str, ...] = (
    "incident_id",
    "reported_at",
    "victim_nominal_id",
    "victim_forename",
    "victim_surname",
    "victim_dob",
    "victim_postcode",
    "risk_grade",
    "offence_type",
)
REQUIRED_COLUMNS: tuple[str, ...] = ("incident_id", "reported_at")
IDENTITY_COLUMNS: tuple[str, ...] = (
    "victim_forename",
    "victim_surname",
    "victim_dob",
    "victim_postcode",
)
DATE_COLUMNS: tuple[str, ...] = ("reported_at", "victim_dob")
MAPPING_KEYS = frozenset({"columns", "formats", "risk_grades", "note"})


class MappingError(ValueError):
    """A mapping file that cannot be used; the message names the file, key and reason."""


@dataclass(frozen=True)
class ColumnMapping:
    """Renames a force's columns to Haven's and says how its dates are written."""

    columns: dict[str, str] = field(default_factory=dict)  # haven name -> force column
    formats: dict[str, tuple[str, ...]] = field(default_factory=dict)  # strptime formats
    risk_grades: dict[str, str] = field(default_factory=dict)  # force value -> haven grade

    def source_name(self, column: str) -> str:
        return self.columns.get(column, column)

    def grade(self, value: str) -> str:
        cleaned = value.strip().lower()
        lookup = {k.strip().lower(): v.strip().lower() for k, v in self.risk_grades.items()}
        return lookup.get(cleaned, cleaned)


def load_mapping(path: Path) -> ColumnMapping:
    """Read a mapping YAML file (`columns`, `formats`, `risk_grades`); unknown keys are errors."""
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8-sig")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise MappingError(f"{path}: cannot read the mapping: {error}") from error
    if not isinstance(document, dict):
        raise MappingError(f"{path}: a mapping file is a YAML mapping")
    unknown = sorted(set(document) - MAPPING_KEYS)
    if unknown:
        raise MappingError(f"{path}: unknown key(s) {', '.join(unknown)}")
    columns = _string_dict(path, "columns", document.get("columns"))
    bad = sorted(set(columns) - set(INCIDENT_COLUMNS))
    if bad:
        raise MappingError(f"{path}: columns: {', '.join(bad)} is not a Haven column")
    formats = {
        name: _format_list(path, name, value)
        for name, value in _any_dict(path, "formats", document.get("formats")).items()
    }
    bad = sorted(set(formats) - set(DATE_COLUMNS))
    if bad:
        raise MappingError(f"{path}: formats: {', '.join(bad)} is not a date column")
    grades = _string_dict(path, "risk_grades", document.get("risk_grades"))
    return ColumnMapping(columns=columns, formats=formats, risk_grades=grades)


def _any_dict(path: Path, key: str, value: Any) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise MappingError(f"{path}: {key}: expected a mapping")
    return {str(k): v for k, v in value.items()}


def _string_dict(path: Path, key: str, value: Any) -> dict[str, str]:
    return {k: str(v) for k, v in _any_dict(path, key, value).items()}


def _format_list(path: Path, name: str, value: Any) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise MappingError(f"{path}: formats: {name}: expected a format or a list of formats")
    return tuple(items)
