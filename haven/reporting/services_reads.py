"""Audited reads of returns: the drill-down to the records behind a figure, and each download."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from haven.accounts.signed_in import Viewer
from haven.contracts.models import Contract
from haven.core.auditor import audit_event
from haven.core.models import AuditAction


def return_drilldown_record(
    *,
    user: Viewer,
    contract: Contract,
    period: str,
    measure: str,
    query: dict[str, str],
    shown: Iterable[Any],
) -> None:
    """The records behind a figure were listed: who, which figure, which records (by id)."""
    audit_event(
        actor=user,
        action=AuditAction.VIEW,
        target=contract,
        changes={
            "page": "returns drill-down",
            "period": period,
            "measure": measure,
            **query,
            "shown": [str(pk) for pk in shown],
        },
    )


def return_export_record(*, user: Viewer, contract: Contract, period: str, fmt: str) -> None:
    audit_event(
        actor=user,
        action=AuditAction.EXPORT,
        target=contract,
        changes={"page": "return", "period": period, "format": fmt},
    )
