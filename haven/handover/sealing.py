"""Seal a hand-made bundle: count its lines and write the manifest with each file's SHA-256.

For a service migrating into Haven from a spreadsheet or another system (issue 15 item 9): write
``records/<type>.jsonl`` files (the minimal subset is enough), then ``haven handover seal DIR``.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.utils import timezone

from haven.handover.export import dumps_document
from haven.handover.registry import STAFF_TYPE
from haven.handover.types import FORMAT, FORMAT_VERSION


class SealError(Exception):
    pass


def seal_bundle(root: Path, *, now: datetime | None = None) -> dict[str, Any]:
    records = root / "records"
    contract_file = records / "contracts.contract.jsonl"
    if not contract_file.is_file():
        raise SealError(f"{contract_file}: give the contract's record (one line)")
    contract = json.loads(contract_file.read_text(encoding="utf-8").splitlines()[0])
    types: dict[str, Any] = {}
    for path in sorted(records.glob("*.jsonl")):
        name = path.name.removesuffix(".jsonl")
        count = sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
        entry: dict[str, Any] = {"records": f"records/{path.name}", "count": count}
        for key, relative in (
            ("schema", f"schemas/{name}.schema.json"),
            ("csv", f"csv/{name}.csv"),
        ):
            if (root / relative).is_file():
                entry[key] = relative
        types[name] = entry
    if STAFF_TYPE not in types:
        types[STAFF_TYPE] = {"records": f"records/{STAFF_TYPE}.jsonl", "count": 0}
        (records / f"{STAFF_TYPE}.jsonl").write_bytes(b"")
    files = {}
    for folder in ("records", "schemas", "csv"):
        for path in sorted((root / folder).glob("*")):
            data = path.read_bytes()
            files[f"{folder}/{path.name}"] = {
                "sha256": hashlib.sha256(data).hexdigest(),
                "bytes": len(data),
            }
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "contract": {
            "id": contract.get("id"),
            "slug": contract.get("slug"),
            "name": contract.get("name", ""),
        },
        "exported_at": (now or timezone.now()).astimezone(UTC).isoformat().replace("+00:00", "Z"),
        "types": types,
        "files": files,
    }
    (root / "manifest.json").write_text(dumps_document(manifest), encoding="utf-8")
    return manifest
