"""docs/handover-format.md documents every type and field (its reference part is generated)."""

from __future__ import annotations

from pathlib import Path

from haven.handover.reference import format_reference

DOC = Path(__file__).resolve().parents[3] / "docs" / "handover-format.md"


def test_the_format_document_lists_every_type_and_field_as_the_models_have_them() -> None:
    assert format_reference() in DOC.read_text(encoding="utf-8"), (
        "regenerate the reference: `haven handover docs --write docs/handover-format.md` "
        "(after deciding any new model in haven/handover/registry.py)"
    )
