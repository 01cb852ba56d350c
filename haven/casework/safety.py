"""The safe-contact check for a case's person, through the people app's pure check_channel."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from haven.casework.first_contact import safe_contact_channels
from haven.people.safe_contact import SafeContactPreferences, check_channel


def preferences_of(person: Any) -> SafeContactPreferences:
    """The person's recorded preferences; nothing recorded means nothing is known to be safe."""
    safe_contact = getattr(person, "safe_contact", None)
    try:
        return safe_contact.preferences() if safe_contact is not None else SafeContactPreferences()
    except person.__class__.safe_contact.RelatedObjectDoesNotExist:
        return SafeContactPreferences()


def unsafe_reasons(person: Any, *, channel: str, outcome: str, at: datetime) -> list[str]:
    """Why this outbound attempt would be unsafe (empty when safe)."""
    preferences = preferences_of(person)
    reasons: list[str] = []
    for checked in safe_contact_channels(channel, outcome):
        result = check_channel(preferences, checked, at)  # type: ignore[arg-type]
        reasons += [reason for reason in result.reasons if reason not in reasons]
    return reasons
