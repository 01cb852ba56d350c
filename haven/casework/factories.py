"""Moved to `haven.testing.casework` (one home for test factories); kept for the 35 test modules
that import it here. Import from `haven.testing.casework` in new tests."""

from haven.testing.casework import (
    CaseFactory,
    CaseNoteFactory,
    CaseworkPersonFactory,
    ContactAttemptFactory,
    ReferralFactory,
    TaskFactory,
)

__all__ = [
    "CaseFactory",
    "CaseNoteFactory",
    "CaseworkPersonFactory",
    "ContactAttemptFactory",
    "ReferralFactory",
    "TaskFactory",
]
