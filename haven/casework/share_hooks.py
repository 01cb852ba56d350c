"""Where casework tells the share register (haven/consent, a layer above) that it shared a
person's information: an onward referral (issue 15 item 2). Casework cannot import consent (the
layers, ADR 0009), so consent registers its recorder here from its AppConfig.ready(); the
recorder runs inside the service's transaction, and its refusal (ValidationError) undoes it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

OnwardShareRecorder = Callable[[Any], None]
_RECORDERS: list[OnwardShareRecorder] = []


def register_onward_share_recorder(recorder: OnwardShareRecorder) -> None:
    if recorder not in _RECORDERS:
        _RECORDERS.append(recorder)


def onward_referral_shared(referral: Any) -> None:
    """Tell every registered recorder about an onward referral just made."""
    for recorder in _RECORDERS:
        recorder(referral)
