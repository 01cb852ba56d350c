"""Data migrations that encrypt existing rows, and decrypt them when reversed (ADR 0019).

Used by the migration that turns a field into an encrypted one, after its AlterField:
``encrypt_existing_rows("people", "Person", ["phone", ...])``. Forwards it reads every row
(the historical field reads plaintext and tokens alike) and writes it back encrypted with the
newest key; backwards it writes the plaintext before the AlterField is reversed. In batches, by
primary key; rerunning it is harmless.
"""

from __future__ import annotations

import json
from typing import Any

from django.db import migrations

from haven.core.encryption import AsIs, field_cipher

BATCH = 500


def _rewrite(
    apps: Any, app_label: str, model_name: str, fields: list[str], *, encrypt: bool
) -> int:
    model = apps.get_model(app_label, model_name)
    cipher = field_cipher()
    done, last = 0, None
    while True:
        rows = model.objects.order_by("pk")
        if last is not None:
            rows = rows.filter(pk__gt=last)
        batch = list(rows.values_list("pk", *fields)[:BATCH])
        if not batch:
            return done
        for pk, *values in batch:
            written = {}
            for name, value in zip(fields, values, strict=True):
                if value in (None, ""):
                    continue
                text = value if isinstance(value, str) else json.dumps(value)  # JSON: its text
                written[name] = AsIs(cipher.encrypt(text) if encrypt else value)
            if written:
                model.objects.filter(pk=pk).update(**written)
        done += len(batch)
        last = batch[-1][0]


def encrypt_existing_rows(app_label: str, model_name: str, fields: list[str]) -> Any:
    def forwards(apps: Any, schema_editor: Any) -> None:
        _rewrite(apps, app_label, model_name, fields, encrypt=True)

    def backwards(apps: Any, schema_editor: Any) -> None:
        _rewrite(apps, app_label, model_name, fields, encrypt=False)

    return migrations.RunPython(forwards, backwards, elidable=False)
