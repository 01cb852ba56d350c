"""Write unsaved model instances fast: one `executemany` INSERT per model and batch.

For the bulk writers (demo data, the workbook import): `bulk_create` prepares every value
through the field API, which costs more than building the rows. Here each column gets one
converter chosen once per field: UUIDs, datetimes and dates are adapted directly for SQLite
(PostgreSQL's driver takes them as they are), JSON and anything unusual go through the field's
own `get_db_prep_save`. `created_at`/`updated_at` get the write time, as
`auto_now_add`/`auto_now` would; an auto-increment primary key is left to the database (the
instances do not learn it).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID

from django.db import connection, models
from django.utils import timezone

Converter = Callable[[Any], Any]


def _plain(value: Any) -> Any:
    return value


def _sqlite_uuid(value: UUID | None) -> str | None:
    return value.hex if value is not None else None


def _sqlite_datetime(value: datetime | None) -> str | None:
    if value is None:
        return None
    return str(value.astimezone(UTC).replace(tzinfo=None))


def _sqlite_date(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _sqlite_json(value: Any) -> str | None:
    # JSONField without an encoder: what DatabaseOperations.adapt_json_value writes on SQLite
    return None if value is None else json.dumps(value)


def _target(field: models.Field[Any, Any]) -> models.Field[Any, Any]:
    """The column type a foreign key stores (the referenced primary key's field)."""
    while field.is_relation and field.target_field is not field:  # type: ignore[attr-defined]
        field = field.target_field  # type: ignore[attr-defined]
    return field


def converter(field: models.Field[Any, Any]) -> Converter:
    if getattr(field, "encrypted", False):  # ADR 0019: never the plaintext, whatever the type
        return lambda value: field.get_db_prep_save(value, connection)
    kind = _target(field).get_internal_type()
    if kind in {"CharField", "TextField", "SlugField", "EmailField", "BooleanField"}:
        return _plain
    if kind in {"PositiveSmallIntegerField", "PositiveIntegerField", "IntegerField"}:
        return _plain
    if connection.vendor == "sqlite":
        fast: dict[str, Converter] = {
            "UUIDField": _sqlite_uuid,
            "DateTimeField": _sqlite_datetime,
            "DateField": _sqlite_date,
            "JSONField": _sqlite_json,
        }
        if kind in fast:
            return fast[kind]
    elif kind in {"UUIDField", "DateTimeField", "DateField"}:
        return _plain
    return lambda value: field.get_db_prep_save(value, connection)


def unsaved[M: models.Model](model: type[M], **values: Any) -> M:
    """An unsaved instance built without `Model.__init__`'s per-field descriptor work.

    For the most numerous rows (timeline events): `values` are by attname (`case_id`), every
    other field takes its default. Nothing else is different from `model(**values)`.
    """
    instance = model.__new__(model)
    instance._state = models.base.ModelState()
    data = instance.__dict__
    for field in model._meta.concrete_fields:
        name = field.attname
        data[name] = values.pop(name) if name in values else field.get_default()
    if values:
        raise TypeError(f"{model.__name__} has no fields {sorted(values)}")
    return instance


class TableWriter:
    """INSERT statement and column converters for one model."""

    def __init__(self, model: type[models.Model]) -> None:
        self.fields = [
            f for f in model._meta.concrete_fields if not isinstance(f, models.AutoField)
        ]
        columns = ", ".join(connection.ops.quote_name(str(f.column)) for f in self.fields)
        marks = ", ".join(["%s"] * len(self.fields))
        table = connection.ops.quote_name(model._meta.db_table)
        # quoted names from the model, values as parameters
        self.sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"  # noqa: S608
        self.convert = [converter(f) for f in self.fields]
        self.attnames = [f.attname for f in self.fields]
        self.stamped = [f.attname in {"created_at", "updated_at"} for f in self.fields]
        # fields computed from others on save (blind indexes, ADR 0019), as save() would
        self.derived = [f for f in self.fields if getattr(f, "derived", False)]

    def write(self, rows: Iterable[models.Model], stamp: datetime, batch: int = 2000) -> int:
        values: list[list[Any]] = []
        written = 0
        plan = list(zip(self.attnames, self.convert, self.stamped, strict=True))
        with connection.cursor() as cursor:
            for row in rows:
                for field in self.derived:
                    field.pre_save(row, True)
                data = row.__dict__
                values.append(
                    [convert(stamp if stamped else data[name]) for name, convert, stamped in plan]
                )
                if len(values) >= batch:
                    cursor.executemany(self.sql, values)
                    written += len(values)
                    values = []
            if values:
                cursor.executemany(self.sql, values)
                written += len(values)
        return written


class Writer:
    """Collects unsaved rows and writes them in `order` (foreign keys point to earlier models)."""

    def __init__(self, order: list[type[models.Model]]) -> None:
        self.order = order
        self.rows: dict[type[models.Model], list[models.Model]] = defaultdict(list)
        self.tables: dict[type[models.Model], TableWriter] = {}
        self.written = 0

    def add(self, *rows: Any) -> None:
        for row in rows:
            self.rows[type(row)].append(row)

    def flush(self) -> None:
        unknown = set(self.rows) - set(self.order)
        if unknown:
            raise ValueError(f"no write order for {sorted(m.__name__ for m in unknown)}")
        stamp = timezone.now()
        for model in self.order:
            batch = self.rows.pop(model, [])
            if batch:
                table = self.tables.setdefault(model, TableWriter(model))
                self.written += table.write(batch, stamp)
