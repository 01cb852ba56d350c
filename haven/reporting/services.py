"""Signing off and submitting a return, and setting its due date. Atomic and audited.

seed 004 s11.1: "100% complete quarterly data with an exceptions report and remedial plan";
issue 10 s2: draft -> signed off (frozen: figures, who, when, SHA-256 of the export) ->
submitted (the commissioner sees it).
"""

from __future__ import annotations

import hashlib
import zlib
from datetime import date, datetime

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from haven.accounts.models import User
from haven.contracts.models import Contract
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.reporting.exports import render
from haven.reporting.models import ReturnDueDate, ReturnSnapshot, ReturnStatus
from haven.reporting.periods import Period
from haven.reporting.record_sets import pack, records_of
from haven.reporting.selectors import contract_return
from haven.reporting.serialise import return_json
from haven.validators import NOTE_MAX_LENGTH, REASON_MAX_LENGTH, text_problem

SIGNABLE_KINDS = frozenset({"quarter", "month", "half_year", "year"})


class ReturnRefusedError(Exception):
    """A sign-off, submission or due date the rules refuse; `problems` by form field."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__("; ".join(problems.values()))
        self.problems = problems


def _may_sign_off(user: User, contract: Contract) -> None:
    if not user.has_perm("reporting.sign_off_return", contract):
        raise ReturnRefusedError(
            {"__all__": "Only a service manager of the providing organisation can do this"}
        )


@transaction.atomic
def return_sign_off(
    *,
    contract: Contract,
    period: Period,
    signed_off_by: User,
    remedial_plan: str = "",
    exceptions: int = 0,
    now: datetime | None = None,
) -> ReturnSnapshot:
    """Compute the return now and freeze it as the next version for this contract and period."""
    now = now or timezone.now()
    _may_sign_off(signed_off_by, contract)
    plan = remedial_plan.strip()
    problems: dict[str, str] = {}
    if period.kind not in SIGNABLE_KINDS:
        problems["__all__"] = "Only a quarter, month, half-year or year can be signed off"
    elif period.end > now:
        problems["__all__"] = f"{period.label} has not ended yet, so it cannot be signed off"
    if exceptions < 0:
        problems["exceptions"] = "The number of exceptions cannot be negative"
    # seed 004 s11.1: quarterly data comes "with an exceptions report and remedial plan"
    if exceptions > 0 and not plan:
        problems["remedial_plan"] = (
            "Enter the remedial plan for the data quality exceptions that remain"
        )
    if problem := text_problem(plan, subject="The remedial plan", limit=NOTE_MAX_LENGTH):
        problems["remedial_plan"] = problem
    if problems:
        raise ReturnRefusedError(problems)

    Contract.objects.select_for_update().filter(pk=contract.pk).first()  # one version at a time
    latest = ReturnSnapshot.objects.filter(contract=contract, period_code=period.code).aggregate(
        Max("version")
    )["version__max"]
    result = contract_return(contract, period, now=now)
    figures = return_json(result, contract.profile)
    export = render(figures, "json")
    snapshot = ReturnSnapshot.objects.create(
        contract=contract,
        period_code=period.code,
        period_kind=period.kind,
        first=period.first,
        last=period.last,
        version=(latest or 0) + 1,
        status=ReturnStatus.SIGNED_OFF,
        figures=figures,
        record_ids=pack(records_of(result)),
        export_json=zlib.compress(export, 6),
        export_sha256=hashlib.sha256(export).hexdigest(),
        signed_off_by=signed_off_by,
        signed_off_at=now,
        remedial_plan=plan,
        exceptions_at_sign_off=exceptions,
    )
    audit_event(
        actor=signed_off_by,
        action=AuditAction.CREATE,
        target=snapshot,
        changes={
            "contract": contract.slug,
            "period": period.code,
            "version": snapshot.version,
            "status": snapshot.status,
            "export_sha256": snapshot.export_sha256,
            "exceptions": exceptions,
            "remedial_plan": bool(plan),
        },
    )
    return snapshot


@transaction.atomic
def return_submit(
    *, snapshot: ReturnSnapshot, submitted_by: User, now: datetime | None = None
) -> ReturnSnapshot:
    """Send a signed-off version to the commissioner. Only the current version, only once."""
    now = now or timezone.now()
    if snapshot._state.adding or snapshot.status == ReturnStatus.DRAFT:
        raise ReturnRefusedError({"__all__": "A draft cannot be submitted: sign it off first"})
    locked = (
        ReturnSnapshot.objects.select_for_update().select_related("contract").get(pk=snapshot.pk)
    )
    _may_sign_off(submitted_by, locked.contract)
    if locked.status != ReturnStatus.SIGNED_OFF:
        raise ReturnRefusedError(
            {"__all__": "Only a signed-off return can be submitted, and only once"}
        )
    newest = ReturnSnapshot.objects.filter(
        contract_id=locked.contract_id, period_code=locked.period_code
    ).aggregate(Max("version"))["version__max"]
    if newest != locked.version:
        raise ReturnRefusedError(
            {"__all__": f"Version {newest} replaces this one: submit that version instead"}
        )
    locked.status = ReturnStatus.SUBMITTED
    locked.submitted_by = submitted_by
    locked.submitted_at = now
    locked.save(update_fields=["status", "submitted_by", "submitted_at", "updated_at"])
    audit_event(
        actor=submitted_by,
        action=AuditAction.UPDATE,
        target=locked,
        changes={"status": [ReturnStatus.SIGNED_OFF, ReturnStatus.SUBMITTED]},
    )
    return locked


@transaction.atomic
def return_due_date_set(
    *, contract: Contract, period: Period, due_on: date, set_by: User, reason: str = ""
) -> ReturnDueDate:
    """The service manager's due date for one period (seed 004 s10: Cornwall, "1 week prior to
    the contract review meetings"), replacing the profile's."""
    _may_sign_off(set_by, contract)
    reason = reason.strip()
    if problem := text_problem(reason, subject="The reason", limit=REASON_MAX_LENGTH):
        raise ReturnRefusedError({"reason": problem})
    existing = ReturnDueDate.objects.filter(contract=contract, period_code=period.code).first()
    before = existing.due_on if existing else None
    due, _ = ReturnDueDate.objects.update_or_create(
        contract=contract,
        period_code=period.code,
        defaults={"due_on": due_on, "reason": reason, "set_by": set_by},
    )
    audit_event(
        actor=set_by,
        action=AuditAction.UPDATE if existing else AuditAction.CREATE,
        target=due,
        changes={"period": period.code, "due_on": [before, due_on], "reason": reason},
    )
    return due
