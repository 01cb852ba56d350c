"""`haven keys rotate`: every encrypted value re-encrypted with the newest field key, and every
blind index recomputed with the current blind-index key (ADR 0019).

In batches by primary key, one transaction per batch. A value the newest key already opens is
left alone, so the command is idempotent and resumable: interrupted, it is simply run again
and carries on with the values still under an older key. Plaintext left by an interrupted
migration is encrypted the same way. A value no configured key opens stops the run with the
model and row named, and nothing of that batch written.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import models, transaction
from django.db.models import ExpressionWrapper, F

from haven.core.encrypted_fields import encrypted_models
from haven.core.encryption import AsIs, DecryptionError, FieldCipher, field_cipher, is_token


@dataclass
class RotationCount:
    model: str
    rows: int = 0
    reencrypted: int = 0
    current: int = 0
    reindexed: int = 0


@dataclass
class RotationReport:
    counts: list[RotationCount] = field(default_factory=list)

    @property
    def reencrypted(self) -> int:
        return sum(c.reencrypted for c in self.counts)

    @property
    def reindexed(self) -> int:
        return sum(c.reindexed for c in self.counts)


class RotationError(Exception):
    pass


def _raw(name: str, model_field: models.Field[Any, Any]) -> ExpressionWrapper[Any]:
    """The stored column, not decrypted: a plain Text/JSON output field has no decrypting
    converter."""
    output = models.JSONField() if isinstance(model_field, models.JSONField) else models.TextField()
    return ExpressionWrapper(F(name), output_field=output)


def _rotated(cipher: FieldCipher, raw: Any) -> AsIs | None:
    """The new stored value, or None when the newest key already opens it."""
    if raw is None or raw == "":
        return None
    if isinstance(raw, str) and is_token(raw):
        return None if cipher.is_current(raw) else cipher.rotate(raw)
    text = raw if isinstance(raw, str) else json.dumps(raw)  # plaintext (a JSON value: its text)
    return AsIs(cipher.encrypt(text))


def rotate_model(
    model: type[models.Model],
    fields: list[models.Field[Any, Any]],
    *,
    batch_size: int = 500,
    dry_run: bool = False,
    cipher: FieldCipher | None = None,
) -> RotationCount:
    cipher = cipher or field_cipher()
    count = RotationCount(model._meta.label)
    derived = [f for f in model._meta.concrete_fields if getattr(f, "derived", False)]
    raw = {f"_raw_{f.name}": _raw(f.name, f) for f in fields}
    last: Any = None
    while True:
        rows = model._default_manager.order_by("pk")
        if last is not None:
            rows = rows.filter(pk__gt=last)
        # the stored values only: nothing is decrypted before the error can name the row
        batch = list(rows.values("pk", *(f.attname for f in derived), **raw)[:batch_size])
        if not batch:
            return count
        with transaction.atomic():
            for row in batch:
                written: dict[str, Any] = {}
                plain: dict[str, Any] = {}
                for f in fields:
                    stored = row[f"_raw_{f.name}"]
                    try:
                        new = _rotated(cipher, stored)
                        if isinstance(stored, str):
                            plain[f.name] = cipher.decrypt(stored)
                    except DecryptionError as exc:
                        raise RotationError(
                            f"{model._meta.label} {row['pk']}: {f.name} cannot be decrypted with "
                            "any key in HAVEN_FIELD_KEYS (is an old key missing from the list?)"
                        ) from exc
                    if new is None:
                        count.current += stored not in (None, "")
                    else:
                        written[f.name] = new
                        count.reencrypted += 1
                for index in derived:
                    source = index.source  # type: ignore[attr-defined]
                    value = index.index_of(plain.get(source, ""))  # type: ignore[attr-defined]
                    if value != row[index.attname]:
                        written[index.attname] = value
                        count.reindexed += 1
                if written and not dry_run:
                    model._default_manager.filter(pk=row["pk"]).update(**written)
        count.rows += len(batch)
        last = batch[-1]["pk"]


def rotate_all(
    *,
    batch_size: int = 500,
    dry_run: bool = False,
    progress: Callable[[RotationCount], None] | None = None,
) -> RotationReport:
    report = RotationReport()
    for model, fields in encrypted_models():
        count = rotate_model(model, fields, batch_size=batch_size, dry_run=dry_run)
        report.counts.append(count)
        if progress:
            progress(count)
    return report
