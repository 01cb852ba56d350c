"""The search for everything held about a person (reference.md s7; issue 15 item 3).

It walks the model graph from the Person: every Haven model with a foreign key or one-to-one
field to a record already found (the person; then their cases, referrals, household and harm
links, safe contact; then the notes, attempts, assessments, plans... on those; then note
versions...), so a record that another app adds later is found without a change here. Other
people are never walked into: a record naming another person, or a person causing harm, is kept
and flagged for review instead. Then the audit trail: every event on the person or on one of the
records found (who looked at or changed them).

reference.md s7 (DUAA 2025, UK GDPR Art. 15(1A)): the search need only be "reasonable and
proportionate"; `coverage` records what it covered, as counts per record type, and what it does
not search (`NOT_SEARCHED`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import models

from haven.core.models import AuditAction, AuditEvent
from haven.people.models import HarmLink, HouseholdLink, Person, PersonCausingHarm
from haven.subjectaccess import presenters

MAX_DEPTH = 6  # person -> case -> note -> version... is 3; deeper chains are allowed for later apps
# apps whose records are about the request itself, not held about the person
SKIPPED_APPS = frozenset({"subjectaccess"})
NOT_SEARCHED = (
    "Paper files and email outside Haven",
    "Backups (they hold the same records as the live database)",
    "Partner agencies' own systems",
)
AUDIT_LABEL = "Who looked at or changed this record"


@dataclass
class GatheredItem:
    record_type: str
    record_type_label: str
    record_id: str
    label: str
    occurred_at: Any
    fields: list[dict[str, str]]
    flags: list[str] = field(default_factory=list)
    third_party_names: list[str] = field(default_factory=list)


@dataclass
class Gathered:
    items: list[GatheredItem]
    coverage: dict[str, int]


def _haven_models() -> list[type[models.Model]]:
    return [
        model
        for model in apps.get_models()
        if model.__module__.startswith("haven.")
        and model._meta.app_label not in SKIPPED_APPS
        and model is not Person
        and model is not AuditEvent
    ]


def _relations(model: type[models.Model]) -> list[models.ForeignKey[Any, Any]]:
    return [
        f
        for f in model._meta.concrete_fields
        if isinstance(f, models.ForeignKey) and f.related_model is not None
    ]


def walk(person: Person) -> dict[type[models.Model], list[models.Model]]:
    """Every record reachable from the person by foreign keys pointing at records found."""
    found: dict[type[models.Model], dict[Any, models.Model]] = defaultdict(dict)
    frontier: dict[type[models.Model], set[Any]] = {Person: {person.pk}}
    candidates = _haven_models()
    for _ in range(MAX_DEPTH):
        if not frontier:
            break
        new: dict[type[models.Model], set[Any]] = defaultdict(set)
        for model in candidates:
            query = models.Q()
            for relation in _relations(model):
                target = relation.related_model
                ids = frontier.get(target)
                if ids:
                    query |= models.Q(**{f"{relation.attname}__in": list(ids)})
            if not query:
                continue
            for row in model._default_manager.filter(query):
                if row.pk not in found[model]:
                    found[model][row.pk] = row
                    new[model].add(row.pk)
        frontier = dict(new)
    return {model: list(rows.values()) for model, rows in found.items() if rows}


class ThirdParties:
    """The names of other people that may appear in the person's records."""

    def __init__(self, person: Person) -> None:
        self.person = person
        self.names: dict[str, str] = {}  # name -> who ("a person causing harm", ...)
        for link in HarmLink.objects.filter(person=person).select_related("harmer"):
            self.add_harmer(link.harmer)
        links = HouseholdLink.objects.filter(
            models.Q(person=person) | models.Q(member=person)
        ).select_related("person", "member")
        for household in links:
            other = household.member if household.person_id == person.pk else household.person
            self.add_person(other)

    def add_harmer(self, harmer: PersonCausingHarm) -> None:
        for name in (harmer.full_name, harmer.given_name, harmer.known_as):
            self._add(name, "a person causing harm")

    def add_person(self, other: Person) -> None:
        if other.pk == self.person.pk:
            return
        for name in (other.full_name, other.given_name, other.preferred_name):
            self._add(name, "another person")

    def _add(self, name: str, who: str) -> None:
        name = (name or "").strip()
        if len(name) >= 2 and name.lower() not in self._own_names():
            self.names.setdefault(name, who)

    def _own_names(self) -> set[str]:
        person = self.person
        own = (person.full_name, person.given_name, person.preferred_name, person.family_name)
        return {name.lower() for name in own if name}

    def found_in(self, text: str) -> list[tuple[str, str]]:
        return [
            (name, who)
            for name, who in self.names.items()
            if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, flags=re.IGNORECASE)
        ]


def _field_value(
    obj: models.Model,
    model_field: models.Field[Any, Any],
    person: Person,
    item: GatheredItem,
    parties: ThirdParties,
) -> str:
    if isinstance(model_field, models.ForeignKey):
        related_id = getattr(obj, model_field.attname)
        if related_id is None:
            return ""
        target = model_field.related_model
        if target is Person:
            if related_id == person.pk:
                return f"You ({person.reference_code})"
            other = Person.objects.get(pk=related_id)
            parties.add_person(other)
            _flag(item, f"names another person ({other.reference_code})")
            item.third_party_names.extend(n for n in (other.full_name, other.given_name) if n)
            return f"Another person ({other.reference_code})"
        if target is PersonCausingHarm:
            harmer = PersonCausingHarm.objects.get(pk=related_id)
            parties.add_harmer(harmer)
            _flag(item, "names a person causing harm")
            item.third_party_names.extend(
                n for n in (harmer.full_name, harmer.given_name, harmer.known_as) if n
            )
            return f"A person causing harm: {harmer.full_name}"
        if target is not None and target._meta.label == settings.AUTH_USER_MODEL:
            return presenters.staff_label(getattr(obj, model_field.name))
        related = getattr(obj, model_field.name)
        default_str = type(related).__str__ is models.Model.__str__  # type: ignore[comparison-overlap]
        if default_str or str(related).endswith(str(related.pk)):
            return presenters.record_label(related)  # not "Case <uuid>": what it is and when
        return str(related)
    if model_field.choices:
        display = getattr(obj, f"get_{model_field.name}_display", None)
        if display is not None:
            return str(display())
    return presenters.readable(getattr(obj, model_field.attname))


def _flag(item: GatheredItem, reason: str) -> None:
    if reason not in item.flags:
        item.flags.append(reason)


def present(obj: models.Model, person: Person, parties: ThirdParties) -> GatheredItem:
    model = type(obj)
    presenter = presenters.presenter_for(model)
    item = GatheredItem(
        record_type=model._meta.label_lower,
        record_type_label=presenters.type_label(model),
        record_id=str(obj.pk),
        label=presenters.record_label(obj)[:300],
        occurred_at=presenters.when_of(obj),
        fields=[],
    )
    for model_field in model._meta.concrete_fields:
        name = model_field.name
        if name in presenters.HIDDEN_FIELDS or name in presenter.hidden:
            continue
        if isinstance(model_field, models.BinaryField):
            continue
        value = _field_value(obj, model_field, person, item, parties)
        if value == "":
            continue
        label = str(model_field.verbose_name)
        item.fields.append({"name": name, "label": label[:1].upper() + label[1:], "value": value})
    return item


def _flag_text(item: GatheredItem, parties: ThirdParties) -> None:
    for entry in item.fields:
        for name, who in parties.found_in(entry["value"]):
            _flag(item, f"mentions {who} by name")
            if name not in item.third_party_names:
                item.third_party_names.append(name)


def _audit_items(
    person: Person, records: dict[type[models.Model], list[models.Model]]
) -> list[GatheredItem]:
    """reference.md s7 / issue 15 item 3: the audit of who looked at or changed the record."""
    targets: dict[str, list[str]] = {"people.person": [str(person.pk)]}
    labels: dict[tuple[str, str], str] = {("people.person", str(person.pk)): "Your record"}
    for model, rows in records.items():
        key = model._meta.label_lower
        targets.setdefault(key, []).extend(str(row.pk) for row in rows)
        for row in rows:
            labels[(key, str(row.pk))] = presenters.record_label(row)
    by_record: dict[tuple[str, str], list[AuditEvent]] = defaultdict(list)
    for object_type, ids in targets.items():
        for start in range(0, len(ids), 500):
            chunk = AuditEvent.objects.filter(
                object_type=object_type, object_id__in=ids[start : start + 500]
            ).order_by("occurred_at", "id")
            for event in chunk:
                by_record[(event.object_type, event.object_id)].append(event)
    items = []
    for (object_type, object_id), events in sorted(
        by_record.items(), key=lambda pair: pair[1][0].occurred_at
    ):
        items.append(
            GatheredItem(
                record_type="core.auditevent",
                record_type_label=AUDIT_LABEL,
                record_id=f"{object_type}:{object_id}",
                label=f"{AUDIT_LABEL}: {labels.get((object_type, object_id), object_type)}",
                occurred_at=events[-1].occurred_at,
                fields=[
                    {
                        "name": f"event-{event.pk}",
                        "label": presenters.readable(event.occurred_at),
                        "value": f"{AuditAction(event.action).label if event.action in AuditAction.values else event.action}"
                        f" by {_actor(event)}",
                    }
                    for event in events
                ],
            )
        )
    return items


def _actor(event: AuditEvent) -> str:
    if event.actor_id is None:
        return "Haven (automatic)"
    if presenters.disclose_staff_names():
        return event.actor_label
    return presenters.STAFF.lower()


def gather(person: Person) -> Gathered:
    """Everything held about the person, as items to review, and what the search covered."""
    parties = ThirdParties(person)
    records = walk(person)
    items: list[GatheredItem] = [present(person, person, parties)]
    items[0].label = "Your details"
    for model in sorted(records, key=lambda m: m._meta.label_lower):
        for row in sorted(
            records[model], key=lambda r: (str(presenters.when_of(r) or ""), str(r.pk))
        ):
            items.append(present(row, person, parties))
    for item in items:
        _flag_text(item, parties)
    audit = _audit_items(person, records)
    coverage: dict[str, int] = defaultdict(int)
    for item in items:
        coverage[item.record_type_label] += 1
    coverage[AUDIT_LABEL] = sum(len(item.fields) for item in audit)
    return Gathered(items=items + audit, coverage=dict(sorted(coverage.items())))


def redacted_value(value: str, names: Iterable[str]) -> str:
    """The value with each third party's name removed (longest names first)."""
    for name in sorted(set(names), key=len, reverse=True):
        value = re.sub(
            rf"(?<!\w){re.escape(name)}(?!\w)", "[name removed]", value, flags=re.IGNORECASE
        )
    return value
