"""The safe-contact check of one outbound message, and its rendering. Every message Haven sends
passes here first (design §4, reference §5.1): a blocked message says why and is not sent.

The checks, in order:
- the channel (haven/people/safe_contact.py `check_channel`, through casework's
  `preferences_of`: nothing recorded counts as not safe): texts allowed and a safe phone, email
  recorded and safe, letters allowed; for a text, the safe times now;
- where it goes: a letter only ever to the recorded safe address (never the home address),
  an email to the recorded address, a text to the safe phone;
- the code word: never written into a message (it checks identity on calls; a message can be
  read by the person causing harm);
- what may be said: Haven records no "what may be said" field, so the discreet default holds:
  the rendered text (names and details included) never names domestic abuse unless the template
  is marked `names_service: true`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from haven.casework.safety import preferences_of
from haven.core.formatting import datetime_format
from haven.outbox.wording import MessageTemplate, Wording, revealing_words
from haven.people.safe_contact import SafeContactPreferences, check_channel


@dataclass(frozen=True)
class Rendered:
    subject: str
    body: str


@dataclass(frozen=True)
class Check:
    allowed: bool
    recipient: str  # "" when blocked
    reasons: list[str] = field(default_factory=list)


def _name(person: Any) -> str:
    return str(person.preferred_name or person.given_name or "")


def render(
    template: MessageTemplate,
    channel: str,
    wording: Wording,
    person: Any,
    details: dict[str, dt.datetime] | None = None,
) -> Rendered:
    """The subject and body for this person; a missing detail renders as an empty string."""
    text = template.channels[channel]  # type: ignore[index]
    values = {
        "name": _name(person),
        "sender": wording.sender,
        "phone": wording.phone,
        "reference": str(person.reference_code),
        **{key: datetime_format(value) for key, value in (details or {}).items()},
    }
    values = {**dict.fromkeys(("visit_at", "chat_at"), ""), **values}
    return Rendered(text.subject.format_map(values), text.body.format_map(values).strip())


def recipient_of(preferences: SafeContactPreferences, channel: str) -> str:
    if channel == "letter":
        return preferences.safe_address.strip()
    if channel == "email":
        return preferences.email_address.strip()
    return preferences.safe_phone.strip()


def code_word_of(person: Any) -> str:
    safe_contact = getattr(person, "safe_contact", None)
    try:
        return str(safe_contact.code_word).strip() if safe_contact is not None else ""
    except person.__class__.safe_contact.RelatedObjectDoesNotExist:
        return ""


def message_check(
    *,
    person: Any,
    channel: str,
    rendered: Rendered,
    template: MessageTemplate,
    at: dt.datetime,
) -> Check:
    """Whether this message may go to this person by this channel at `at`, and where to."""
    preferences = preferences_of(person)
    # design §4, reference §5.1: the channel, and the safe times for a text
    reasons = list(check_channel(preferences, channel, at).reasons)  # type: ignore[arg-type]
    recipient = recipient_of(preferences, channel)
    if channel == "letter" and not recipient:
        # a letter is addressed only to a safe address, never to the home address
        reason = "No safe address is recorded: letters go only to a safe address"
        if not any("safe address" in r for r in reasons):
            reasons.append(reason)
    whole = f"{rendered.subject}\n{rendered.body}"
    code_word = code_word_of(person)
    if code_word and code_word.lower() in whole.lower():
        reasons.append("The message contains the person's code word")
    if not template.names_service and (words := revealing_words(whole)):
        reasons.append(
            "The message would reveal what the service is about "
            f"({', '.join(words)}); it must stay discreet"
        )
    if reasons:
        return Check(allowed=False, recipient="", reasons=reasons)
    return Check(allowed=True, recipient=recipient)
