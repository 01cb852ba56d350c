"""Warnings on the allocation form from apps above casework (e.g. risk: a worker over the
contract's high-risk caseload, seed 001 s5), registered as case sections are (ADR 0012)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from haven.accounts.models import User
    from haven.casework.models import Case

AllocationWarning = Callable[["Case", Sequence["User"]], list[str]]
_WARNINGS: dict[str, AllocationWarning] = {}


def register_allocation_warning(key: str, warning: AllocationWarning) -> None:
    """Add (or, with the same key, replace) one app's allocation warning."""
    _WARNINGS[key] = warning


def allocation_warnings(case: Case, workers: Sequence[User]) -> list[str]:
    """Every registered app's warnings about allocating `case` to any of `workers`."""
    return [text for key in sorted(_WARNINGS) for text in _WARNINGS[key](case, workers)]
