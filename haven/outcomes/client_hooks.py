"""Where outcomes asks the apps above it whether a case is a perpetrator's (issue 16 leftover:
Wokingham's contract asks victims' and perpetrators' outcome questions, seed 003 s13, and
offered the perpetrator questions on every case). Outcomes cannot import programmes (the layers,
ADR 0009), so programmes registers its check here from its AppConfig.ready(), as workforce does
for allocation (`haven.casework.allocation_hooks`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from haven.casework.models import Case

PerpetratorCheck = Callable[["Case"], bool]
_CHECKS: list[PerpetratorCheck] = []


def register_perpetrator_check(check: PerpetratorCheck) -> None:
    if check not in _CHECKS:
        _CHECKS.append(check)


def is_perpetrators_case(case: Case) -> bool:
    """Whether any registered app knows this case as a perpetrator's."""
    return any(check(case) for check in _CHECKS)
