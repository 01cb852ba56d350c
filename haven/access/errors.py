"""What access raises when a record is restricted for the user."""

from __future__ import annotations

from typing import Any


class ReasonRequiredError(Exception):
    """The case is restricted and the user is not named: they must give a reason to open it."""

    def __init__(self, case_id: Any) -> None:
        super().__init__("reason required")
        self.case_id = case_id


class RestrictedElsewhereError(Exception):
    """The person is restricted for this user and none of their restricted cases is in the
    user's scope: no reason they could give would open the record."""
