"""Is it safe to contact this person this way, now? Pure Python, no Django.

Design §4 and reference §5.1: before any call, voicemail, text, email, letter or visit is suggested
or sent, the person's safe-contact preferences are checked; an unsafe channel is blocked with the
reasons shown, never silently used. Anything not recorded counts as not safe.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
CHANNELS = ("phone", "voicemail", "sms", "email", "letter", "visit")
Channel = Literal["phone", "voicemail", "sms", "email", "letter", "visit"]
Letters = Literal["any_address", "safe_address_only", "never"]
HarmerAtAddress = Literal["yes", "no", "unknown"]
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
TIMED_CHANNELS = frozenset({"phone", "voicemail", "sms", "visit"})


@dataclass(frozen=True)
class SafeTimeWindow:
    """A time span on some days of the week (0 = Monday), in UK time; ``end`` is exclusive."""

    days: tuple[int, ...]
    start: dt.time
    end: dt.time

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> SafeTimeWindow:
        """From the stored JSON shape ``{"days": [0-6], "start": "HH:MM", "end": "HH:MM"}``."""
        days = data.get("days") or []
        return cls(
            days=tuple(int(day) for day in days),  # type: ignore[attr-defined]
            start=dt.time.fromisoformat(str(data["start"])),
            end=dt.time.fromisoformat(str(data["end"])),
        )

    def to_dict(self) -> dict[str, object]:
        return {"days": list(self.days), "start": f"{self.start:%H:%M}", "end": f"{self.end:%H:%M}"}

    def contains(self, moment: dt.datetime) -> bool:
        local = moment.astimezone(LONDON)
        return local.weekday() in self.days and self.start <= local.time() < self.end

    def describe(self) -> str:
        days = ", ".join(DAY_NAMES[day] for day in sorted(self.days))
        return f"{days}, {self.start:%H:%M} to {self.end:%H:%M}"


@dataclass(frozen=True)
class SafeContactPreferences:
    """What the person has told the service about contacting them safely."""

    safe_phone: str = ""
    safe_times: tuple[SafeTimeWindow, ...] = ()
    voicemail_allowed: bool = False
    texts_allowed: bool = False
    email_address: str = ""
    email_safe: bool = False
    letters: Letters = "never"
    safe_address: str = ""
    harmer_at_address: HarmerAtAddress = "unknown"


@dataclass(frozen=True)
class SafeContactResult:
    allowed: bool
    reasons: list[str] = field(default_factory=list)


def _digits(number: str) -> str:
    digits = re.sub(r"\D", "", number)
    return "0" + digits[2:] if digits.startswith("44") else digits


def _phone_reasons(preferences: SafeContactPreferences, number: str | None) -> list[str]:
    if not preferences.safe_phone.strip():
        return ["No safe phone number is recorded"]
    if number is not None and _digits(number) != _digits(preferences.safe_phone):
        return ["This is not the safe phone number"]
    return []


def _time_reasons(preferences: SafeContactPreferences, at: dt.datetime | None) -> list[str]:
    if at is None or not preferences.safe_times:
        return []
    if any(window.contains(at) for window in preferences.safe_times):
        return []
    windows = "; ".join(window.describe() for window in preferences.safe_times)
    return [f"It is outside the safe times ({windows})"]


def _letter_reasons(preferences: SafeContactPreferences) -> list[str]:
    if preferences.letters == "never":
        return ["Letters must never be sent"]
    has_safe_address = bool(preferences.safe_address.strip())
    if preferences.letters == "safe_address_only" and not has_safe_address:
        return ["Letters may only go to a safe address and none is recorded"]
    if preferences.harmer_at_address == "yes" and not has_safe_address:
        return ["The person causing harm lives at the address"]
    return []


def _visit_reasons(preferences: SafeContactPreferences) -> list[str]:
    if preferences.harmer_at_address == "yes":
        return ["The person causing harm lives at the address"]
    if preferences.harmer_at_address == "unknown":
        return ["It is not known whether the person causing harm lives at the address"]
    return []


def _channel_reasons(
    preferences: SafeContactPreferences, channel: Channel, number: str | None
) -> list[str]:
    if channel == "phone":
        return _phone_reasons(preferences, number)
    if channel == "voicemail":
        reasons = [] if preferences.voicemail_allowed else ["Voicemail messages are not allowed"]
        return reasons + _phone_reasons(preferences, number)
    if channel == "sms":
        reasons = [] if preferences.texts_allowed else ["Text messages are not allowed"]
        return reasons + _phone_reasons(preferences, number)
    if channel == "email":
        if not preferences.email_address.strip():
            return ["No email address is recorded"]
        return [] if preferences.email_safe else ["Email is not safe"]
    if channel == "letter":
        return _letter_reasons(preferences)
    if channel == "visit":
        return _visit_reasons(preferences)
    raise ValueError(f"unknown contact channel {channel!r}")


def check_channel(
    preferences: SafeContactPreferences,
    channel: Channel,
    at: dt.datetime | None,
    *,
    number: str | None = None,
) -> SafeContactResult:
    """Whether ``channel`` may be used at ``at`` (aware; ``None`` ignores safe times), and why not.

    ``number`` is the phone number about to be used for phone, voicemail or text, if known.
    """
    if at is not None and at.tzinfo is None:
        raise ValueError("at must be an aware datetime")
    reasons = _channel_reasons(preferences, channel, number)
    if channel in TIMED_CHANNELS:
        reasons += _time_reasons(preferences, at)
    return SafeContactResult(allowed=not reasons, reasons=reasons)


def unsafe_channels(
    preferences: SafeContactPreferences,
    channels: Sequence[Channel] = CHANNELS,  # type: ignore[assignment]
) -> dict[str, list[str]]:
    """Channels that are blocked whatever the time, with their reasons (for the warning box)."""
    blocked: dict[str, list[str]] = {}
    for channel in channels:
        result = check_channel(preferences, channel, None)
        if not result.allowed:
            blocked[channel] = result.reasons
    return blocked
