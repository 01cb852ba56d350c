"""Where casework asks the apps above it whether workers may be allocated new cases: the
workforce app's vetting check (issue 16 item 6; seed 002 Lot 1 s12, s15: a worker whose vetting
has lapsed cannot be allocated new cases). Casework cannot import workforce (the layers, ADR
0009), so workforce registers its check here from its AppConfig.ready(). A check takes user ids
and returns, for each worker it refuses, why (one query for any number of workers)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

AllocationCheck = Callable[[list[Any]], dict[Any, str]]
_CHECKS: list[AllocationCheck] = []


def register_allocation_check(check: AllocationCheck) -> None:
    if check not in _CHECKS:
        _CHECKS.append(check)


def new_case_refusals(user_ids: Iterable[Any]) -> dict[Any, str]:
    """For each of these workers who may not take a new case, the reason (first check wins)."""
    ids = list(user_ids)
    refusals: dict[Any, str] = {}
    if not ids:
        return refusals
    for check in _CHECKS:
        for user_id, reason in check(ids).items():
            refusals.setdefault(user_id, reason)
    return refusals
