"""What a workbook run returns: the output rows, the summary and every issue found."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa

OUTPUT_COLUMNS: tuple[str, ...] = (
    "incident_id",
    "eligible",
    "prior_incidents_365d",
    "victim_key",
    "prior_incident_ids",
    "reason",
    "match_confidence",
    "contact_due",
    "source_row",
)

Progress = Callable[[str, int, int], None]
"""Called with (stage, done, total); total is 0 when unknown."""


class WorkbookInputError(ValueError):
    """The whole input cannot be used (missing file or columns); nothing is written."""


@dataclass(frozen=True)
class Issue:
    """One problem with one row: `invalid` rows are not counted, `warning` rows are."""

    row: int
    field: str
    reason: str
    severity: str = "invalid"
    incident_id: str = ""

    def __str__(self) -> str:
        incident = f" ({self.incident_id})" if self.incident_id else ""
        return f"row {self.row}{incident}: {self.severity}: {self.field}: {self.reason}"


@dataclass
class Summary:
    """The figures printed after a run."""

    rows_read: int = 0
    incidents: int = 0
    duplicates: int = 0
    invalid: int = 0
    eligible: int = 0
    not_eligible: int = 0
    excluded: dict[str, int] = field(default_factory=dict)
    warnings: int = 0
    engine: str = "duckdb"
    identity: str = "exact"
    identity_parameters: str = ""  # fuzzy matching: estimated, shipped, given or fixed

    def lines(self) -> list[str]:
        lines = [
            f"rows read: {self.rows_read}",
            f"distinct incidents: {self.incidents}",
            f"repeated rows counted once: {self.duplicates}",
            f"invalid: {self.invalid}",
            f"eligible: {self.eligible}",
            f"not eligible: {self.not_eligible}",
        ]
        lines += [f"excluded: {reason}: {n}" for reason, n in sorted(self.excluded.items())]
        lines.append(f"warnings: {self.warnings}")
        lines.append(f"engine: {self.engine}; identity: {self.identity}")
        if self.identity_parameters:
            lines.append(f"identity matching parameters: {self.identity_parameters}")
        return lines


@dataclass
class WorkbookResult:
    """Output rows (an Arrow table, or a written file), the summary and the issues."""

    summary: Summary
    issues: list[Issue]
    table: pa.Table | None = None
    output_path: Path | None = None
    victims: pa.Table | None = None  # eligible incidents' victim fields (victim_details=True)
