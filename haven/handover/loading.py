"""Load a checked bundle: all-or-nothing in one transaction, ids kept, references kept.

Rules (docs/handover-format.md "Import"):
- a contract this Haven already holds is refused, unless every record of the bundle is already
  here as it is in the bundle: then nothing changes and the import says so (idempotent);
- a record keeps its UUID; a *shared* record (a person known to another contract, an
  organisation, a team) whose UUID is already here is kept as this Haven has it, never
  overwritten, and a person's own profile records (safe contact, equality data, flags...) are then
  the receiving Haven's too; any other record whose UUID is already here is a problem;
- staff are matched by email to this Haven's users; an unknown email becomes an inactive account
  with no password and no role (the receiving organisation decides who may sign in).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, models, transaction
from django.utils import timezone

from haven.accounts.models import User
from haven.casework.models import Case
from haven.contracts.models import Contract
from haven.handover.export import canonical, chunks, record_json
from haven.handover.reading import Bundle, BundleError, Line, Problem
from haven.handover.registry import AUDIT_LABEL, STAFF_TYPE
from haven.handover.types import RecordType, types_by_name
from haven.referrals.models import Referral


@dataclass
class LoadReport:
    contract_slug: str
    dry_run: bool = False
    already_held: bool = False
    added: dict[str, int] = field(default_factory=dict)
    kept: dict[str, int] = field(default_factory=dict)  # shared records this Haven already had
    skipped: dict[str, int] = field(default_factory=dict)  # profiles of kept people
    staff_matched: int = 0
    staff_created: int = 0

    @property
    def total_added(self) -> int:
        return sum(self.added.values())


class _DryRunRollbackError(Exception):
    pass


def load_bundle(
    bundle: Bundle, *, dry_run: bool = False, progress: Callable[[str, int], None] | None = None
) -> LoadReport:
    """Check the bundle against this Haven, then load it (or, with ``dry_run``, load and roll
    back). Raises ``BundleError`` with every problem; nothing is written then."""
    if bundle.problems:
        raise BundleError(bundle.problems)
    report = LoadReport(contract_slug=bundle.contract_slug, dry_run=dry_run)
    types = types_by_name()
    _check_contract_line(bundle)
    _check_ids_and_references(bundle, types)
    if bundle.problems:
        raise BundleError(bundle.problems)
    local = (
        Contract.objects.filter(pk=bundle.contract_id).first()
        or Contract.objects.filter(slug=bundle.contract_slug).first()
    )
    mapping: dict[str, Any] = {}
    if local is not None:
        if str(local.pk) != bundle.contract_id:
            mapping[bundle.contract_id] = local.pk
        if _differing(bundle, types, mapping) == 0:
            report.already_held = True
            return report
        if _holds_records(local):
            raise BundleError(
                [
                    Problem(
                        "manifest.json",
                        None,
                        "contract",
                        f"this Haven already holds records of the contract {bundle.contract_slug!r}: "
                        "nothing was imported (a handover goes into a Haven that does not hold the contract)",
                    )
                ]
            )
        # Loaded from its profile but holding no records yet (a service migrating in): the
        # bundle's records join this Haven's contract (matched by slug), whose profile is kept.
    elif not bundle.records["contracts.contract"][0].record.get("profile"):
        raise BundleError(
            [
                Problem(
                    "records/contracts.contract.jsonl",
                    1,
                    "profile",
                    f"this Haven has no contract {bundle.contract_slug!r}: load its profile first "
                    "(haven profiles load) or give the full profile",
                )
            ]
        )
    existing = _existing_ids(bundle, types)
    for name, ids in existing.items():
        if not types[name].decision.shared:
            for line in bundle.records[name]:
                if line.record.get("id") in ids:
                    bundle.problem(
                        types[name].records_path,
                        line.number,
                        "id",
                        "already used by another record in this Haven",
                    )
    if bundle.problems:
        raise BundleError(bundle.problems)
    try:
        with transaction.atomic():
            _load(bundle, types, existing, report, mapping, progress)
            if dry_run:
                raise _DryRunRollbackError
    except _DryRunRollbackError:
        pass
    return report


def _check_contract_line(bundle: Bundle) -> None:
    lines = bundle.records.get("contracts.contract", [])
    ids = [line.record.get("id") for line in lines]
    if ids != [bundle.contract_id]:
        bundle.problem(
            "records/contracts.contract.jsonl",
            None,
            "id",
            "must hold exactly the manifest's contract",
        )


def _check_ids_and_references(bundle: Bundle, types: dict[str, RecordType]) -> None:
    ids: dict[str, set[str]] = {}
    for name, lines in bundle.records.items():
        t = types[name]
        if not t.has_id:
            continue
        seen: set[str] = set()
        for line in lines:
            value = str(line.record["id"])
            if value in seen:
                bundle.problem(t.records_path, line.number, "id", "appears twice in this file")
            seen.add(value)
        ids[name] = seen
    staff = {str(line.record["key"]).lower() for line in bundle.staff}
    missing: dict[str, list[tuple[str, int, str, str]]] = defaultdict(list)
    missing_staff: list[tuple[str, int, str, str]] = []
    for name, lines in bundle.records.items():
        t = types[name]
        for line in lines:
            for f in t.fields:
                given = line.record.get(f.name)
                if given is None:
                    continue
                if f.kind == "staff":
                    if str(given).lower() not in staff:
                        missing_staff.append((t.records_path, line.number, f.name, str(given)))
                elif f.kind == "reference" and given not in ids.get(f.target, ()):
                    missing[f.target].append((t.records_path, line.number, f.name, given))
                elif f.kind == "references":
                    for ref in given:
                        if ref not in ids.get(f.target, ()):
                            missing[f.target].append((t.records_path, line.number, f.name, ref))
    for target, uses in missing.items():
        model = types[target].model
        wanted = sorted({value for *_rest, value in uses})
        here = {
            str(pk)
            for part in chunks(wanted)
            for pk in model._base_manager.filter(pk__in=part).values_list("pk", flat=True)
        }
        for file, number, field_name, value in uses:
            if value not in here:
                bundle.problem(
                    file,
                    number,
                    field_name,
                    f"refers to a {target} that is neither in the bundle nor in this Haven",
                )
    if missing_staff:
        users = {e.lower() for e in User.objects.values_list("email", flat=True)}
        for file, number, field_name, value in missing_staff:
            if value.lower() not in users:
                bundle.problem(
                    file, number, field_name, "refers to staff not listed in staff.jsonl"
                )


def _existing_ids(bundle: Bundle, types: dict[str, RecordType]) -> dict[str, set[str]]:
    existing: dict[str, set[str]] = {}
    for name, lines in bundle.records.items():
        t = types[name]
        if not t.has_id:
            continue
        wanted = [str(line.record["id"]) for line in lines]
        found = {
            str(pk)
            for part in chunks(wanted)
            for pk in t.model._base_manager.filter(pk__in=part).values_list("pk", flat=True)
        }
        if found:
            existing[name] = found
    return existing


def _differing(bundle: Bundle, types: dict[str, RecordType], mapping: dict[str, Any]) -> int:
    """How many of the bundle's records this Haven does not hold exactly as they are."""
    staff = {pk: email.lower() for pk, email in User.objects.values_list("pk", "email")}
    differing = 0
    for name, lines in bundle.records.items():
        t = types[name]
        if not t.has_id:
            continue  # the audit trail came with the records
        refs = {f.name for f in t.fields if f.kind == "reference"}
        if name == "contracts.contract" and mapping:
            continue  # matched by slug: this Haven's contract record is kept
        for part in chunks(lines):
            held = {
                str(o.pk): o
                for o in t.model._base_manager.filter(pk__in=[line.record["id"] for line in part])
            }
            for line in part:
                obj = held.get(str(line.record["id"]))
                if obj is None:
                    differing += 1
                    continue
                current = record_json(t, obj, staff, _m2m_of(t, obj))
                wanted = {
                    k: (str(mapping[v]) if k in refs and v in mapping else v)
                    for k, v in line.record.items()
                }
                if any(canonical(current.get(k)) != canonical(v) for k, v in wanted.items()):
                    differing += 1
    return differing


def _m2m_of(t: RecordType, obj: models.Model) -> dict[str, list[str]]:
    return {
        f.name: sorted(str(pk) for pk in getattr(obj, f.name).values_list("pk", flat=True))
        for f in t.fields
        if f.kind == "references"
    }


def _staff_map(bundle: Bundle, report: LoadReport) -> dict[str, Any]:
    by_email = {email.lower(): pk for pk, email in User.objects.values_list("pk", "email")}
    for line in bundle.staff:
        key = str(line.record["key"]).lower()
        if key in by_email:
            report.staff_matched += 1
            continue
        user = User(email=key, full_name=str(line.record["full_name"]), is_active=False)
        user.set_unusable_password()
        user.save()
        by_email[key] = user.pk
        report.staff_created += 1
    return by_email


def _holds_records(contract: Contract) -> bool:
    return (
        Referral.objects.filter(contract=contract).exists()
        or Case.objects.filter(contract=contract).exists()
    )


def _load(
    bundle: Bundle,
    types: dict[str, RecordType],
    existing: dict[str, set[str]],
    report: LoadReport,
    mapping: dict[str, Any],
    progress: Callable[[str, int], None] | None,
) -> None:
    staff = _staff_map(bundle, report)
    now = timezone.now()
    kept_people = existing.get("people.person", set())
    for name in sorted(bundle.records, key=lambda n: (n == AUDIT_LABEL, n)):
        t = types[name]
        held = existing.get(name, set())
        objects: list[tuple[Line, models.Model]] = []
        links: list[tuple[Any, str, list[str]]] = []
        for line in bundle.records[name]:
            record = line.record
            if t.has_id and (str(record["id"]) in held or str(record["id"]) in mapping):
                report.kept[name] = report.kept.get(name, 0) + 1
                continue
            profile = t.decision.profile_of
            if profile and record.get(profile) in kept_people:
                report.skipped[name] = report.skipped.get(name, 0) + 1
                continue
            obj = _instance(t, record, staff, now, mapping)
            objects.append((line, obj))
            for f in t.fields:
                if f.kind == "references" and record.get(f.name):
                    refs = [str(mapping.get(ref, ref)) for ref in record[f.name]]
                    links.append((obj.pk, f.name, refs))
        _insert(t, objects)
        _insert_links(t, links)
        report.added[name] = len(objects)
        if progress is not None:
            progress(name, len(objects))
    report.added[STAFF_TYPE] = report.staff_created


def _instance(
    t: RecordType, record: dict[str, Any], staff: dict[str, Any], now: Any, mapping: dict[str, Any]
) -> models.Model:
    obj = t.model()
    for f in t.fields:
        if f.kind == "references":
            continue
        if f.name not in record:
            if getattr(f.field, "auto_now", False) or getattr(f.field, "auto_now_add", False):
                setattr(obj, f.field.attname, now)
            continue
        value = record[f.name]
        if value is None:
            setattr(obj, f.field.attname, None)
        elif f.kind == "staff":
            setattr(obj, f.field.attname, staff[str(value).lower()])
        elif f.kind == "reference":
            setattr(obj, f.field.attname, uuid.UUID(str(mapping.get(value, value))))
        else:
            setattr(obj, f.field.attname, f.from_json(value))
    return obj


def _insert(t: RecordType, objects: list[tuple[Line, models.Model]]) -> None:
    """INSERT as given (``raw``: created/updated times are the bundle's, not now)."""
    fields = [f for f in t.model._meta.concrete_fields if not isinstance(f, models.AutoField)]
    # blind indexes (ADR 0019) are keyed per Haven: never in the bundle, computed here with the
    # receiving Haven's key (a raw insert does not call pre_save)
    for derived in (f for f in fields if getattr(f, "derived", False)):
        for _line, obj in objects:
            derived.pre_save(obj, True)
    manager = t.model._base_manager
    for part in _batches(objects, 500):
        try:
            with transaction.atomic():
                manager._insert([obj for _line, obj in part], fields=fields, raw=True)  # type: ignore[attr-defined]
        except IntegrityError:
            for line, obj in part:  # find the line to report
                try:
                    with transaction.atomic():
                        manager._insert([obj], fields=fields, raw=True)  # type: ignore[attr-defined]
                except IntegrityError as exc:
                    raise BundleError(
                        [
                            Problem(
                                t.records_path,
                                line.number,
                                "",
                                f"refused by the database ({type(exc).__name__}: "
                                "a unique or required value)",
                            )
                        ]
                    ) from None
            raise


def _insert_links(t: RecordType, links: list[tuple[Any, str, list[str]]]) -> None:
    by_field: dict[str, list[Any]] = defaultdict(list)
    for owner, name, refs in links:
        f = t.model._meta.get_field(name)
        through = f.remote_field.through  # type: ignore[union-attr]
        source = f.m2m_field_name()  # type: ignore[union-attr]
        target = f.m2m_reverse_field_name()  # type: ignore[union-attr]
        by_field[name].extend(
            through(**{f"{source}_id": owner, f"{target}_id": uuid.UUID(ref)}) for ref in refs
        )
    for name, rows in by_field.items():
        f = t.model._meta.get_field(name)
        f.remote_field.through.objects.bulk_create(rows)  # type: ignore[union-attr]


def _batches[T](items: list[T], size: int) -> Iterator[list[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
