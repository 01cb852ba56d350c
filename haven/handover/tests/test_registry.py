"""Every model of every Haven app is either in the bundle or left out with a reason."""

from __future__ import annotations

from jsonschema import Draft202012Validator

from haven.handover.registry import DECISIONS, Excluded, Exported, decision_for, haven_models
from haven.handover.types import record_types


def test_every_haven_model_is_exported_or_excluded_with_a_reason() -> None:
    undecided = [m._meta.label_lower for m in haven_models() if decision_for(m) is None]
    assert undecided == [], (
        "add these models to haven/handover/registry.py DECISIONS: Exported with the rule that "
        "scopes them to a contract (Path('case__contract'), Within('person'), Referenced()), or "
        f"Excluded with the reason: {undecided}"
    )


def test_the_registry_names_only_models_that_exist() -> None:
    labels = {m._meta.label_lower for m in haven_models()}
    assert sorted(set(DECISIONS) - labels) == []


def test_exclusions_give_a_reason() -> None:
    for label, decision in DECISIONS.items():
        if isinstance(decision, Excluded):
            assert len(decision.reason) > 20, label


def test_every_reference_of_an_exported_type_points_at_an_exported_type_or_staff() -> None:
    # record_types() raises FieldTypeError for a reference to a type left out of the bundle
    names = {t.name for t in record_types()}
    for t in record_types():
        for f in t.fields:
            if f.kind in {"reference", "references"}:
                assert f.target in names, (t.name, f.name)


def test_exported_types_other_than_the_audit_trail_have_a_scope() -> None:
    for label, decision in DECISIONS.items():
        if isinstance(decision, Exported) and label != "core.auditevent":
            assert decision.scope, label


def test_every_schema_is_a_valid_draft_2020_12_schema() -> None:
    for t in record_types():
        schema = t.schema()
        Draft202012Validator.check_schema(schema)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
