"""What changed since sign-off, and which records caused it (issue 10 s2)."""

from __future__ import annotations

import pytest

from haven.reporting.diff import return_changes
from haven.reporting.record_sets import pack, records_of, unpack
from haven.reporting.selectors import contract_return
from haven.reporting.serialise import return_json
from haven.reporting.services import return_sign_off
from haven.reporting.tests.signoff_world import build_signoff_world


def _figures(values):
    return {
        "measures": [
            {"id": k, "label": k, "section": "s", "unit": "count", "value": v, "numerator": v}
            for k, v in values.items()
        ]
    }


def _records(ids):
    return {k: {"kind": "referral", "numerator": v, "denominator": None} for k, v in ids.items()}


def test_an_unchanged_return_has_no_changes():
    figures, records = _figures({"a": 2}), _records({"a": ["r1", "r2"]})
    assert return_changes(figures, figures, records, records) == []


def test_a_new_record_is_named_with_the_old_and_new_value():
    (change,) = return_changes(
        _figures({"a": 2, "b": 1}),
        _figures({"a": 3, "b": 1}),
        _records({"a": ["r1", "r2"], "b": ["r1"]}),
        _records({"a": ["r1", "r2", "r3"], "b": ["r1"]}),
    )
    assert (change.id, change.old_value, change.new_value) == ("a", 2, 3)
    assert change.numerator_added == ("r3",)
    assert change.numerator_removed == ()


def test_the_same_value_from_different_records_is_a_change():
    (change,) = return_changes(
        _figures({"a": 1}), _figures({"a": 1}), _records({"a": ["r1"]}), _records({"a": ["r2"]})
    )
    assert not change.value_changed
    assert (change.numerator_added, change.numerator_removed) == (("r2",), ("r1",))


def test_record_sets_pack_and_unpack_to_the_same_ids():
    records = {
        "a": {"kind": "case", "numerator": ["x", "y"], "denominator": ["x", "y", "z"]},
        "b": {"kind": "referral", "numerator": ["z"], "denominator": None},
    }
    assert unpack(pack(records)) == records


@pytest.mark.django_db
def test_a_referral_added_after_sign_off_is_listed_against_its_measure(personas):
    world = build_signoff_world(personas)
    snapshot = return_sign_off(
        contract=world.contract, period=world.period, signed_off_by=personas.service_manager
    )
    late = world.add_referral()
    live = contract_return(world.contract, world.period)
    changes = return_changes(
        snapshot.figures,
        return_json(live, world.contract.profile),
        snapshot.measure_records(),
        records_of(live),
    )
    demand = next(c for c in changes if c.id == "demand_referrals")
    assert (demand.old_value, demand.new_value) == (7, 8)
    assert demand.numerator_added == (str(late.pk),)
