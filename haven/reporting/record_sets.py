"""The records behind each measure of a return, packed small for a snapshot.

Pure: no Django. A return names the same records under many measures (every referral of the
quarter is in the denominator of several percentages), so the packed form keeps each distinct id
once and lists indexes per measure, then zlib-compresses the JSON. See the README ("Snapshots").
"""

from __future__ import annotations

import json
import zlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # a type only: the engine reads Django models' choices
    from haven.reporting.engine import ReturnResult

MeasureRecords = dict[str, dict[str, Any]]  # {id: {"kind", "numerator", "denominator"}}


def records_of(result: ReturnResult) -> MeasureRecords:
    """The ids behind each computed measure of a return, as strings."""
    return {
        m.spec.id: {
            "kind": m.figure.kind,
            "numerator": [str(i) for i in m.figure.numerator],
            "denominator": (
                [str(i) for i in m.figure.denominator] if m.figure.denominator is not None else None
            ),
        }
        for m in result.measures
        if m.figure is not None
    }


def pack(records: MeasureRecords) -> bytes:
    index: dict[str, int] = {}

    def indexes(ids: list[str]) -> list[int]:
        return [index.setdefault(i, len(index)) for i in ids]

    measures = {
        measure_id: {
            "kind": entry["kind"],
            "n": indexes(entry["numerator"]),
            "d": indexes(entry["denominator"]) if entry["denominator"] is not None else None,
        }
        for measure_id, entry in records.items()
    }
    data = {"ids": list(index), "measures": measures}
    return zlib.compress(json.dumps(data, separators=(",", ":")).encode(), 6)


def unpack(blob: bytes) -> MeasureRecords:
    if not blob:
        return {}
    data = json.loads(zlib.decompress(blob))
    ids = data["ids"]
    return {
        measure_id: {
            "kind": entry["kind"],
            "numerator": [ids[i] for i in entry["n"]],
            "denominator": [ids[i] for i in entry["d"]] if entry["d"] is not None else None,
        }
        for measure_id, entry in data["measures"].items()
    }
