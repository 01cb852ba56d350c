"""Ids Haven's columns cannot keep are row errors, never a failed run (PostgreSQL enforces the
lengths); a failed run's error names the export, never a path on the server."""

from __future__ import annotations

import pytest

from haven.referrals.models import Referral
from haven.workbook.engine import preparation
from haven.workbook.engine.tests.exports import incident
from haven.workbook.models import IdentityReview, ImportedIncident, PoliceNominal, RunStatus
from haven.workbook.services import ID_COLUMNS

from .conftest import series

pytestmark = pytest.mark.django_db


@pytest.fixture
def engine_lets_long_ids_through(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if the engine's own check and the columns had drifted apart."""
    monkeypatch.setattr(preparation, "MAX_ID_LENGTH", 1000)


@pytest.mark.usefixtures("engine_lets_long_ids_through")
def test_an_eligible_incident_whose_id_does_not_fit_is_a_row_error(import_rows):
    # seed 000 s5: the 3rd incident is eligible, but its id cannot be kept as a referral's
    long_id = "I" * 150
    rows = [*series(2), incident(long_id, "2026-03-03 10:00"), *series(3, victim="N2", day=10)]
    run = import_rows(rows)
    run.refresh_from_db()
    assert run.status == RunStatus.SUCCEEDED, run.error
    assert (run.invalid, run.eligible, run.referrals_created) == (1, 1, 1)
    assert {
        "row": 4,
        "field": "incident_id",
        "severity": "invalid",
        "reason": "longer than 100 characters",
    } in run.issues
    assert list(Referral.objects.values_list("external_id", flat=True)) == ["IN2-3"]


@pytest.mark.usefixtures("engine_lets_long_ids_through")
def test_an_eligible_incident_whose_nominal_id_does_not_fit_is_a_row_error(import_rows):
    rows = [incident(f"A{n}", f"2026-03-0{n} 10:00", victim="N" * 150) for n in range(1, 4)]
    run = import_rows(rows)
    run.refresh_from_db()
    assert run.status == RunStatus.SUCCEEDED, run.error
    assert (run.invalid, run.eligible, run.referrals_created) == (1, 0, 0)
    assert run.issues[0]["field"] == "victim_nominal_id"
    assert PoliceNominal.objects.count() == 0


def test_the_engines_id_limit_is_the_columns_limit():
    columns = [model._meta.get_field(name) for cols in ID_COLUMNS.values() for model, name in cols]
    assert {field.max_length for field in columns} == {preparation.MAX_ID_LENGTH}
    assert {field.model for field in columns} == {
        Referral,
        ImportedIncident,
        IdentityReview,
        PoliceNominal,
    }


def test_a_run_matched_with_the_fixed_parameters_says_so(import_rows, monkeypatch):
    from haven.workbook.engine import fuzzy_identity

    monkeypatch.setattr(fuzzy_identity, "MIN_RECORDS_TO_TRAIN", 1)  # would train; no sure pairs
    rows = [
        incident("A1", "2026-03-01 10:00", victim="", victim_forename="Alex"),
        incident("A2", "2026-03-02 10:00", victim="", victim_forename="A"),
        incident("A3", "2026-03-03 10:00", victim="", victim_surname="Exmple"),
    ]
    run = import_rows(rows, identity="fuzzy")
    run.refresh_from_db()
    assert run.status == RunStatus.SUCCEEDED, run.error
    assert run.eligible == 1
    assert run.issues[0]["field"] == "victim matching"
    assert run.issues[0]["reason"].startswith("victims matched with fixed parameters")
