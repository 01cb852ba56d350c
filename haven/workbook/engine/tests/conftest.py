"""Fixtures for the workbook tests: run the engine over a few rows written as CSV."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest

from haven.workbook.engine import WorkbookResult, WorkbookSettings, run_workbook

from .exports import AS_OF, Row, write_csv


@pytest.fixture(autouse=True)
def _fast_password_hashing() -> None:
    """The project conftest's autouse fixture needs Django's `settings`; the engine has none."""


@pytest.fixture
def workbook(tmp_path: Path) -> Callable[..., dict[str, Row]]:
    """Run the engine over rows and return the output rows by incident id (or `row N`)."""

    def run(
        rows: Iterable[Row], *, settings: WorkbookSettings | None = None, **options: Any
    ) -> dict[str, Row]:
        source = write_csv(tmp_path / "export.csv", rows)
        options.setdefault("as_of", AS_OF)
        result = run_workbook(source, settings=settings or WorkbookSettings(), **options)
        assert result.table is not None
        return {
            row["incident_id"] or f"row {row['source_row']}": row
            for row in result.table.to_pylist()
        }

    return run


@pytest.fixture
def workbook_result(tmp_path: Path) -> Callable[..., WorkbookResult]:
    """Run the engine over rows and return the whole result (summary and issues too)."""

    def run(
        rows: Iterable[Row], *, settings: WorkbookSettings | None = None, **options: Any
    ) -> WorkbookResult:
        source = write_csv(tmp_path / "export-result.csv", rows)
        options.setdefault("as_of", AS_OF)
        return run_workbook(source, settings=settings or WorkbookSettings(), **options)

    return run
