"""The services' side of "nothing is recorded on a closed case" (the rule is `casework.rules`)."""

from __future__ import annotations

from typing import Any

from haven.casework.rules import attempt_refusal, record_refusal


class CaseClosedError(Exception):
    """The case is closed: nothing more is recorded on it (bar an open follow-up duty)."""


def refuse_if_closed(case: Any) -> None:
    refusal = record_refusal(case)
    if refusal:
        raise CaseClosedError(refusal)


def refuse_attempt_if_closed(case: Any) -> None:
    refusal = attempt_refusal(case)
    if refusal:
        raise CaseClosedError(refusal)
