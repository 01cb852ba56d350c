"""Exits in the demo: the structured exit reason of each closure, attempts to re-engage,
exclusions and their appeals, as the casework services write them (`services/closure.py`,
`services/exclusions.py`), unsaved for `bulk_create`. Everything here draws from its own random
stream per case, so the rest of the demo is unchanged."""

from __future__ import annotations

import random
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from haven.accounts.models import Membership, User
from haven.accounts.roles import Role
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import (
    AppealOutcome,
    Case,
    Exclusion,
    ExitReason,
    NotContactableReason,
    ReengagementAttempt,
    ReengagementMethod,
)
from haven.casework.services.exclusions import contract_exclusion_criteria

EXITS_SALT = 0x5EED_E817
# the journey's free-text reasons, each with its structured reason
REASON_OF_TEXT = {
    "Support plan completed; feels safer and knows how to get help": ExitReason.SUPPORT_GOALS_MET,
    "Goals met; agreed to end support": ExitReason.SUPPORT_GOALS_MET,
    "Moved on to longer-term specialist support": ExitReason.MOVED_TO_OTHER_SUPPORT,
    "Disengaged after repeated contact attempts": ExitReason.DISENGAGED,
    "Moved out of the area": ExitReason.MOVED_OUT_OF_AREA,
    "Declined further support": ExitReason.DECLINED_SUPPORT,
    "Declined support": ExitReason.DECLINED_SUPPORT,
}
NOT_CONTACTABLE_WEIGHTS = {
    NotContactableReason.NO_ANSWER: 70,
    NotContactableReason.WRONG_DETAILS: 15,
    NotContactableReason.NO_DETAILS: 5,
    NotContactableReason.NOT_SAFE: 7,
    NotContactableReason.MOVED_AWAY: 3,
}
RETURNED = "Returned to the person causing harm; safety plan and helpline number shared"
SETTLED = "Moved into a settled home; support ended as planned"
ATTEMPTS = [
    (ReengagementMethod.PHONE, "Synthetic: called the safe number twice, no answer"),
    (ReengagementMethod.LETTER, "Synthetic: letter to the safe address offering a meeting"),
    (
        ReengagementMethod.THROUGH_AGENCY,
        "Synthetic: asked the housing officer to pass on a message",
    ),
    (ReengagementMethod.VISIT, "Synthetic: offered a meeting at the office; did not attend"),
]
EXCLUSION_REASON = (
    "Synthetic: repeated threats to staff and residents after a risk assessment; "
    "a safety plan and the options that were tried are on the case"
)
EXCLUSIONS_PER_CONTRACT = 2  # the first upheld on appeal, the second overturned


@dataclass
class ExitsPlan:
    """Shared by every journey of one build: which contracts may exclude (published criteria),
    how many exclusions each has had, and the manager who hears appeals."""

    appeal_manager: User | None
    criteria: dict[str, list[str]]  # contract slug -> criteria keys
    excluded: Counter[str] = field(default_factory=Counter)

    def take_exclusion(self, slug: str) -> int | None:
        """The number (0, 1) of the next exclusion on this contract, or None for no more."""
        if not self.criteria.get(slug) or self.excluded[slug] >= EXCLUSIONS_PER_CONTRACT:
            return None
        self.excluded[slug] += 1
        return self.excluded[slug] - 1


def exits_plan(organisation: Any, contracts: dict[str, Any]) -> ExitsPlan:
    """The exclusion criteria each demo contract publishes, and the service manager who hears
    appeals (none in a provider without one: appeals are then made but not yet decided)."""
    criteria = {
        slug: [c.key for c in contract_exclusion_criteria(c)] for slug, c in contracts.items()
    }
    manager = (
        Membership.objects.filter(organisation=organisation, role=Role.SERVICE_MANAGER)
        .select_related("user")
        .order_by("user__email")
        .first()
    )
    return ExitsPlan(manager.user if manager is not None else None, criteria)


def exits_rng(case: Case) -> random.Random:
    return random.Random(case.id.int ^ EXITS_SALT)


def not_contactable_reason_for(rng: random.Random) -> str:
    reasons, weights = zip(*NOT_CONTACTABLE_WEIGHTS.items(), strict=True)
    return str(rng.choices(reasons, weights=weights)[0])


def exit_reason_for(rng: random.Random, *, planned: bool, text: str) -> tuple[str, str, str]:
    """(exit reason, not-contactable reason, free text) for a closure the journey chose."""
    if not planned and text.startswith("Not contactable"):
        return ExitReason.NOT_CONTACTABLE, not_contactable_reason_for(rng), text
    if not planned and rng.random() < 0.1:
        return ExitReason.RETURNED_TO_HARM, "", RETURNED
    if planned and rng.random() < 0.15:
        return ExitReason.SETTLED_ACCOMMODATION, "", SETTLED
    default = ExitReason.OTHER_PLANNED if planned else ExitReason.OTHER_UNPLANNED
    return REASON_OF_TEXT.get(text, default), "", text


class ExitsRecorder:
    """Mixed into `CaseRecorder`, which gives the case and the timeline (`event`)."""

    case: Case
    event: Callable[..., None]

    def __init__(self) -> None:
        self.reengagement_attempts: list[ReengagementAttempt] = []
        self.exclusions: list[Exclusion] = []

    def reengagement_attempt(
        self, *, ids: Callable[[], uuid.UUID], actor: User, at: datetime, method: str, what: str
    ) -> None:
        """`reengagement_attempt_record`."""
        attempt = ReengagementAttempt(
            id=ids(), case=self.case, attempted_at=at, method=method, what=what, recorded_by=actor
        )
        self.reengagement_attempts.append(attempt)
        self.event(
            kind=CaseEventKind.REENGAGEMENT_ATTEMPT,
            actor=actor,
            target=attempt,
            summary=f"Attempt to re-engage: {ReengagementMethod(method).label.lower()}",
            at=at,
            event_id=ids(),
        )

    def exclusion(
        self,
        *,
        ids: Callable[[], uuid.UUID],
        decided_by: User,
        at: datetime,
        criteria: list[str],
        appeal: dict[str, Any] | None,
    ) -> None:
        """`exclusion_decide`, then (with `appeal`) `exclusion_appeal_lodge` and
        `exclusion_appeal_decide`: lodged_at, recorded_by, heard_at, outcome, decided_by."""
        exclusion = Exclusion(
            id=ids(),
            case=self.case,
            decided_at=at,
            decided_by=decided_by,
            criteria=sorted(criteria),
            reason=EXCLUSION_REASON,
            appeal_notice_at=at,
            appeal_notice_method="in_person",
        )
        self.exclusions.append(exclusion)
        self.event(
            kind=CaseEventKind.EXCLUSION,
            actor=decided_by,
            target=exclusion,
            summary="Exclusion decided; the person was told of their right of appeal",
            at=at,
            event_id=ids(),
        )
        if appeal is None:
            return
        exclusion.appeal_lodged_at = appeal["lodged_at"]
        exclusion.appeal_lodged_recorded_by = appeal["recorded_by"]
        self.event(
            kind=CaseEventKind.EXCLUSION_APPEAL,
            actor=appeal["recorded_by"],
            target=exclusion,
            summary="Appeal against the exclusion made",
            at=appeal["lodged_at"],
            event_id=ids(),
        )
        if appeal.get("decided_by") is None:
            return
        exclusion.appeal_heard_at = appeal["heard_at"]
        exclusion.appeal_outcome = appeal["outcome"]
        exclusion.appeal_decided_by = appeal["decided_by"]
        exclusion.appeal_reason = (
            "Synthetic: the criteria were met and re-engagement was exhausted"
            if appeal["outcome"] == AppealOutcome.UPHELD
            else "Synthetic: a safety plan with the refuge manager can manage the risk"
        )
        self.event(
            kind=CaseEventKind.EXCLUSION_APPEAL,
            actor=appeal["decided_by"],
            target=exclusion,
            summary=f"Appeal decided: {AppealOutcome(appeal['outcome']).label.lower()}",
            at=appeal["heard_at"],
            event_id=ids(),
        )


def play_exclusion(
    recorder: ExitsRecorder,
    rng: random.Random,
    *,
    number: int,
    worker: User,
    leader: User,
    manager: User | None,
    criteria: list[str],
    end: datetime,
    now: datetime,
) -> None:
    """Attempts to re-engage over the last weeks, then the exclusion decided at `end`; the
    first on a contract is upheld on appeal, the second overturned (when a manager other than
    the team leader can hear it)."""

    def ids() -> uuid.UUID:
        return uuid.UUID(int=rng.getrandbits(128), version=4)

    for i, (method, what) in enumerate(ATTEMPTS[: 2 + number]):
        at = end - timedelta(days=21 - 6 * i, hours=rng.uniform(0, 6))
        recorder.reengagement_attempt(ids=ids, actor=worker, at=at, method=method, what=what)
    lodged = end + timedelta(days=rng.uniform(2, 6))
    heard = lodged + timedelta(days=rng.uniform(5, 12))
    appeal: dict[str, Any] | None = None
    if lodged <= now:
        appeal = {"lodged_at": lodged, "recorded_by": worker}
        if heard <= now and manager is not None and manager.pk != leader.pk:
            outcome = AppealOutcome.UPHELD if number == 0 else AppealOutcome.OVERTURNED
            appeal |= {"heard_at": heard, "outcome": outcome, "decided_by": manager}
    recorder.exclusion(ids=ids, decided_by=leader, at=end, criteria=criteria[:1], appeal=appeal)
