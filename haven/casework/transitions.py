"""Which case state may follow which: a pure table, enforced by `case_state_change`."""

from __future__ import annotations

NEW = "new"
CONTACTING = "contacting"
ENGAGED = "engaged"
WAITING_LIST = "waiting_list"
DECLINED = "declined"
NOT_CONTACTABLE = "not_contactable"
CLOSED = "closed"

STATES = (NEW, CONTACTING, ENGAGED, WAITING_LIST, DECLINED, NOT_CONTACTABLE, CLOSED)

# Closing always goes through case_close (exit type, reason, exit requirements).
ALLOWED: dict[str, frozenset[str]] = {
    NEW: frozenset({CONTACTING, ENGAGED, WAITING_LIST, DECLINED, NOT_CONTACTABLE, CLOSED}),
    CONTACTING: frozenset({ENGAGED, WAITING_LIST, DECLINED, NOT_CONTACTABLE, CLOSED}),
    # a person engaged at first contact (profile first_contact.on_success) may still decline
    ENGAGED: frozenset({WAITING_LIST, DECLINED, CLOSED}),
    WAITING_LIST: frozenset({CONTACTING, ENGAGED, DECLINED, CLOSED}),
    DECLINED: frozenset({CONTACTING, CLOSED}),
    NOT_CONTACTABLE: frozenset({CONTACTING, CLOSED}),
    CLOSED: frozenset(),
}


class TransitionRefusedError(ValueError):
    """A state change the table does not allow, with the reason staff see."""


def allowed_next_states(current: str) -> frozenset[str]:
    return ALLOWED.get(current, frozenset())


def check_transition(current: str, target: str) -> None:
    """Raise TransitionRefusedError unless `target` may follow `current`."""
    if target not in ALLOWED:
        raise TransitionRefusedError(f"{target!r} is not a case state")
    if current == target:
        raise TransitionRefusedError("The case is already in that state")
    if target not in allowed_next_states(current):
        raise TransitionRefusedError(
            f"A case cannot move from {current.replace('_', ' ')} to {target.replace('_', ' ')}"
        )


def waiting_list_refusal(
    *, allowed: bool, exempt_cohorts: list[str], person_cohorts: list[str]
) -> str | None:
    """Why this person may not go on the waiting list, or None (seed 003 s5, s7)."""
    if not allowed:
        return "This contract has no waiting list"
    exempt = sorted(set(exempt_cohorts) & set(person_cohorts))
    if exempt:
        # seed 003 s7: never a waiting list for YOS plans, looked-after children, CP plans
        return "This person must not wait: " + ", ".join(c.replace("_", " ") for c in exempt)
    return None
