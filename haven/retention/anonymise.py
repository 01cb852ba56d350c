"""Anonymise or erase one person's record, keeping every row that returns count.

reference.md s7 (Retention; Right to erasure): data is kept no longer than necessary. Returns
(haven/reporting, ADR 0011) count referrals, cases, dates, outcomes, states, ages, local
authorities, equality categories, flags and household links, so anonymisation keeps all of those
and clears what identifies the person:

- the person's names, contact details, address and free-text gender and pronouns; their aliases;
  their safe contact (phone, address, code word, times, notes); the free-text "other ethnicity";
- referrers' names and contact details on their referrals;
- every free-text field (a ``TextField``; it becomes "[anonymised]") of every record below the person (referrals, cases and
  everything under a case: notes and their earlier versions, attempts, assessments' details...),
  found by following the foreign keys down three levels, so a new app is covered without a list;
- any copy of the person's names, phone, email or postcode inside other short text (a timeline
  summary) or JSON on those records;
- a person causing harm known only through this person (their names and description);
- the same values kept in the audit trail's ``changes`` and ``reason`` of those records' events
  (redacted to "[erased]"; who did what, when, to which record, stays).

The date of birth, local authority, preferred language and the equality categories stay: the
returns' age, area and equality figures read them (a test proves a signed-off return and a fresh
computation are unchanged). "Erase" does the same and also deletes the rows no return reads: the
aliases, the safe contact and the earlier versions of case notes.

Everything is written by assigning model fields and saving (never raw SQL), so fields that
become encrypted at rest keep working. The caller holds one transaction per person.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import models

from haven.core.models import AuditEvent
from haven.people.models import (
    HarmLink,
    Person,
    PersonAlias,
    PersonCausingHarm,
    SafeContact,
)

ANONYMISED = "[anonymised]"
ERASED = "[erased]"
DEPTH = 3
# Apps whose rows are not the person's record: the audit trail (redacted separately), staff,
# contracts, and retention's own decisions (kept as evidence of what was done).
NOT_SWEPT_APPS = frozenset({"core", "accounts", "contracts", "retention", "auth", "contenttypes"})

PERSON_CLEARED = {
    "given_name": ANONYMISED,
    "family_name": "",
    "preferred_name": "",
    "gender": "",
    "pronouns": "",
    "phone": "",
    "email": "",
    "address_line_1": "",
    "address_line_2": "",
    "town": "",
    "postcode": "",
}
SAFE_CONTACT_CLEARED: dict[str, Any] = {
    "safe_phone": "",
    "safe_address": "",
    "code_word": "",
    "notes": "",
    "safe_times": [],
}
HARMER_CLEARED = {"given_name": ANONYMISED, "family_name": "", "known_as": "", "description": ""}
# short text fields (CharField) that hold names or contact details, by model label
NAMED_CHAR_FIELDS = {
    "referrals.referral": ("referrer_name", "referrer_contact"),
    "people.equalitydata": ("ethnicity_other",),
    "people.personalias": ("name",),
}


@dataclass
class Outcome:
    fields_cleared: int = 0
    rows_deleted: int = 0
    audit_events_redacted: int = 0
    objects: set[str] = field(default_factory=set)  # "label:pk" of every row touched or read


def _identifying_values(person: Person) -> list[str]:
    """The strings that identify the person, longest first (to find copies in other text)."""
    values = [
        person.given_name,
        person.family_name,
        person.preferred_name,
        person.full_name,
        person.phone,
        person.email,
        person.address_line_1,
        person.postcode,
        *(alias.name for alias in PersonAlias.objects.filter(person=person)),
    ]
    safe = SafeContact.objects.filter(person=person).first()
    if safe is not None:
        values += [safe.safe_phone, safe.code_word, *safe.safe_address.splitlines()]
    kept = {value.strip() for value in values if value and len(value.strip()) >= 3}
    return sorted(kept, key=len, reverse=True)


class _Scrubber:
    def __init__(self, values: list[str], replacement: str) -> None:
        self.replacement = replacement
        self.pattern = (
            re.compile("|".join(re.escape(value) for value in values), re.IGNORECASE)
            if values
            else None
        )

    def text(self, value: str) -> str:
        return self.pattern.sub(self.replacement, value) if self.pattern else value

    def json(self, value: Any) -> Any:
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, list):
            return [self.json(item) for item in value]
        if isinstance(value, dict):
            return {key: self.json(item) for key, item in value.items()}
        return value


def _set(obj: models.Model, values: dict[str, Any]) -> list[str]:
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    for name in changed:
        setattr(obj, name, values[name])
    return changed


def _save(obj: models.Model, changed: list[str], outcome: Outcome) -> None:
    if changed:
        fields = list(changed)
        if any(f.name == "updated_at" for f in obj._meta.concrete_fields):
            fields.append("updated_at")
        obj.save(update_fields=fields)
        outcome.fields_cleared += len(changed)


def _rows_below(person: Person) -> dict[type[models.Model], set[Any]]:
    """Every row reachable from the person by reverse foreign keys, three levels down."""
    found: dict[type[models.Model], set[Any]] = defaultdict(set)
    frontier: list[tuple[type[models.Model], set[Any]]] = [(Person, {person.pk})]
    for _ in range(DEPTH):
        next_frontier: list[tuple[type[models.Model], set[Any]]] = []
        for model, pks in frontier:
            for relation in model._meta.related_objects:
                if relation.many_to_many:
                    continue
                child = relation.related_model
                if child._meta.app_label in NOT_SWEPT_APPS or child is Person:
                    continue
                ids = set(
                    child._base_manager.filter(**{f"{relation.field.name}__in": pks}).values_list(
                        "pk", flat=True
                    )
                )
                new = ids - found[child]
                if new:
                    found[child] |= new
                    next_frontier.append((child, new))
        frontier = next_frontier
    return found


def _sweep(
    model: type[models.Model], pks: Iterable[Any], scrub: _Scrubber, outcome: Outcome
) -> None:
    label = model._meta.label_lower
    named = NAMED_CHAR_FIELDS.get(label, ())
    for obj in model._base_manager.filter(pk__in=list(pks)).order_by("pk"):
        outcome.objects.add(f"{label}:{obj.pk}")
        changed: list[str] = []
        for model_field in obj._meta.concrete_fields:
            if model_field.primary_key or model_field.is_relation:
                continue
            name = model_field.attname
            value = getattr(obj, name)
            kind = model_field.get_internal_type()
            # free text becomes "[anonymised]", never "": a record that had a reason, a note or
            # the child's voice still has one, so the checks ("a voice has a date", "no consent
            # needs a reason") and any count of records with such text stay as they were
            if name in named and value:
                new: Any = ANONYMISED
            elif kind == "TextField" and value and not model_field.choices:
                new = ANONYMISED
            elif kind == "CharField" and value and not model_field.choices:
                new = scrub.text(value)
            elif kind == "JSONField" and value:
                new = scrub.json(value)
            else:
                continue
            if new != value:
                setattr(obj, name, new)
                changed.append(name)
        _save(obj, changed, outcome)


def _harmers_only_of(person: Person) -> list[PersonCausingHarm]:
    harmer_ids = HarmLink.objects.filter(person=person).values_list("harmer_id", flat=True)
    shared = (
        HarmLink.objects.filter(harmer_id__in=harmer_ids)
        .exclude(person=person)
        .values_list("harmer_id", flat=True)
    )
    return list(PersonCausingHarm.objects.filter(pk__in=harmer_ids).exclude(pk__in=shared))


def _redact_audit(outcome: Outcome, scrub: _Scrubber, cleared_names: set[str]) -> None:
    """The audit trail keeps who did what, when, to which record; not the values.

    Audit events are append-only (``AuditEventQuerySet`` refuses updates). Erasure is the one
    sanctioned exception: only ``changes`` and ``reason`` of the erased person's records' events
    are rewritten, values becoming "[erased]" (field names stay), through the base QuerySet.
    The redaction itself is audited by the caller with counts, never values.
    """
    by_type: dict[str, list[str]] = defaultdict(list)
    for key in outcome.objects:
        label, pk = key.split(":", 1)
        by_type[label].append(pk)
    for label, ids in by_type.items():
        for start in range(0, len(ids), 500):
            events = AuditEvent.objects.filter(
                object_type=label, object_id__in=ids[start : start + 500]
            )
            for event in events:
                changes = _redact_changes(event.changes, scrub, cleared_names)
                reason = scrub.text(event.reason)
                if changes != event.changes or reason != event.reason:
                    models.QuerySet.update(
                        AuditEvent.objects.filter(pk=event.pk), changes=changes, reason=reason
                    )
                    outcome.audit_events_redacted += 1


def _redact_changes(changes: Any, scrub: _Scrubber, cleared_names: set[str]) -> Any:
    if not isinstance(changes, dict):
        return scrub.json(changes)
    redacted: dict[str, Any] = {}
    for key, value in changes.items():
        if key in cleared_names and value not in (None, "", [], {}):
            redacted[key] = (
                [ERASED if item not in (None, "") else item for item in value]
                if isinstance(value, list)
                else ERASED
            )
        else:
            redacted[key] = scrub.json(value)
    return redacted


# field names whose values the audit trail loses for the person's records (plus every free-text
# field of the swept records, added as they are found)
_ALWAYS_REDACTED = (
    set(PERSON_CLEARED)
    | set(SAFE_CONTACT_CLEARED)
    | set(HARMER_CLEARED)
    | {name for names in NAMED_CHAR_FIELDS.values() for name in names}
    | {"name", "text"}
)


def anonymise_person(person: Person, *, erase: bool) -> Outcome:
    """Clear what identifies the person (and, to erase, delete what no return reads).

    Call inside a transaction: nothing is left half-done if it fails part way.
    """
    outcome = Outcome()
    values = _identifying_values(person)
    scrub = _Scrubber(values, ANONYMISED)
    audit_scrub = _Scrubber(values, ERASED)
    outcome.objects.add(f"people.person:{person.pk}")

    _save(person, _set(person, PERSON_CLEARED), outcome)
    for safe in SafeContact.objects.filter(person=person):
        outcome.objects.add(f"people.safecontact:{safe.pk}")
        _save(safe, _set(safe, SAFE_CONTACT_CLEARED), outcome)
    for harmer in _harmers_only_of(person):
        outcome.objects.add(f"people.personcausingharm:{harmer.pk}")
        _save(harmer, _set(harmer, HARMER_CLEARED), outcome)

    cleared_names = set(_ALWAYS_REDACTED)
    for model, pks in _rows_below(person).items():
        cleared_names |= {
            f.attname for f in model._meta.concrete_fields if f.get_internal_type() == "TextField"
        }
        _sweep(model, pks, scrub, outcome)

    # the audit trail first: the rows deleted below must still be found by their ids
    _redact_audit(outcome, audit_scrub, cleared_names)

    if erase:
        from haven.casework.models import CaseNoteVersion

        rows: list[models.Model] = [
            *PersonAlias.objects.filter(person=person),
            *SafeContact.objects.filter(person=person),
            *CaseNoteVersion.objects.filter(note__case__person=person),
        ]
        for row in rows:
            row.delete()
            outcome.rows_deleted += 1
    return outcome
