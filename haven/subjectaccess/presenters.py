"""How a gathered record reads in the review and the bundle: a per-model registry of readable
labels and of fields left out, with a generic fallback for every other model (so records that
apps add later are gathered and shown without a change here).

Staff names (reference.md s7 review, ADR proposed in the report): a member of staff acting for the
service is shown as "a member of staff" unless `HAVEN_SAR_DISCLOSE_STAFF_NAMES` is set. In a
domestic abuse service staff safety weighs against disclosure (a bundle may reach the person
causing harm), and the person's right is to their own data, not the names of those who handled it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from haven.core.formatting import date_format

STAFF = "A member of staff"
# never shown, whatever the model: login secrets and internal bookkeeping
HIDDEN_FIELDS = frozenset(
    {
        "id",
        "updated_at",
        "password",
        "secret",
        "token",
        "token_hash",
        "recovery_codes",
        "key",
        "object_type",  # internal pointers between records
        "object_id",
    }
)
WHEN_FIELDS = (
    "happened_at",
    "recorded_at",
    "received_at",
    "opened_at",
    "completed_at",
    "created_at",
)


@dataclass(frozen=True)
class Presenter:
    """A model's readable label (from the record) and the fields not to show."""

    label: Callable[[Any], str] | None = None
    hidden: frozenset[str] = field(default_factory=frozenset)


_PRESENTERS: dict[str, Presenter] = {}


def register_presenter(model_label: str, presenter: Presenter) -> None:
    """`model_label` as `app_label.modelname` (lower case)."""
    _PRESENTERS[model_label] = presenter


def presenter_for(model: type[models.Model]) -> Presenter:
    return _PRESENTERS.get(model._meta.label_lower, Presenter())


def disclose_staff_names() -> bool:
    return bool(getattr(settings, "HAVEN_SAR_DISCLOSE_STAFF_NAMES", False))


def staff_label(user: Any) -> str:
    if user is None:
        return ""
    if disclose_staff_names():
        return str(user.get_full_name() or user.email)
    return STAFF


def type_label(model: type[models.Model]) -> str:
    name = str(model._meta.verbose_name)
    return name[:1].upper() + name[1:]


def when_of(obj: models.Model) -> datetime | None:
    for name in WHEN_FIELDS:
        value = getattr(obj, name, None)
        if isinstance(value, datetime):
            return value
        if isinstance(value, date):
            return datetime.combine(value, time(12), tzinfo=timezone.get_current_timezone())
    return None


def readable(value: Any) -> str:
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%-d %B %Y %H:%M")
    if isinstance(value, date):
        return date_format(value)
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str) if value else ""
    return "" if value is None else str(value)


def record_label(obj: models.Model) -> str:
    presenter = presenter_for(type(obj))
    if presenter.label is not None:
        return presenter.label(obj)
    when = when_of(obj)
    base = type_label(type(obj))
    return f"{base}, {date_format(timezone.localtime(when).date())}" if when else base


def _on(obj: Any) -> str:
    when = when_of(obj)
    return date_format(timezone.localtime(when).date()) if when else ""


register_presenter(
    "casework.case", Presenter(label=lambda case: f"Case opened {_on(case)}".strip())
)
register_presenter(
    "casework.casenote",
    Presenter(label=lambda note: f"{note.get_note_type_display()}, {_on(note)}"),
)
register_presenter(
    "casework.casenoteversion",
    Presenter(
        label=lambda version: f"Earlier wording of a note (version {version.version})",
    ),
)
register_presenter(
    "referrals.referral", Presenter(label=lambda referral: f"Referral received {_on(referral)}")
)
register_presenter(
    "outbox.message",
    Presenter(
        label=lambda message: f"{message.get_channel_display()}: {message.template_label}",
        hidden=frozenset({"notify_id", "template_key", "blocked_reasons"}),
    ),
)
register_presenter("people.safecontact", Presenter(label=lambda _: "How to contact you safely"))
register_presenter("people.equalitydata", Presenter(label=lambda _: "Equality information"))
register_presenter("people.personalias", Presenter(label=lambda _: "Another name"))
