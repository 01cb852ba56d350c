"""Importing spend from the finance system's CSV (issue 16 item 7): each bad row named with the
field and reason, nothing half-saved, idempotent by transaction reference."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from haven.core.models import AuditAction, AuditEvent
from haven.finance.models import Spend, SpendImport
from haven.finance.services import spend_import, spend_import_check

pytestmark = pytest.mark.django_db

HEADER = "transaction_ref,date,amount,category,description,supplier\n"
GOOD = HEADER + (
    "FS-0001,2026-04-30,2500.00,staff,April salaries (synthetic),\n"
    'FS-0002,01/05/2026,"£1,250.50",Premises,Office rent,Synthetic Lettings\n'
)


def _import(contract, personas, content, name="spend.csv"):
    return spend_import(
        contract=contract,
        file_name=name,
        content=content.encode(),
        imported_by=personas.service_manager,
    )


def test_a_good_file_adds_every_row_and_is_audited(vf_contract, personas):
    run = _import(vf_contract, personas, GOOD)
    assert run.rows_added == 2
    rows = {s.transaction_ref: s for s in Spend.objects.all()}
    assert rows["FS-0002"].amount_pence == 125050
    assert rows["FS-0002"].category == "premises"
    assert rows["FS-0002"].supplier == "Synthetic Lettings"
    assert AuditEvent.objects.filter(action=AuditAction.IMPORT, object_id=str(run.pk)).exists()


def test_the_same_file_imported_twice_adds_nothing_the_second_time(vf_contract, personas):
    _import(vf_contract, personas, GOOD)
    again = _import(vf_contract, personas, GOOD + "FS-0003,2026-05-02,10,other,Stamps,\n")
    assert (again.rows_added, again.rows_already_imported) == (1, 2)
    assert Spend.objects.count() == 3


@pytest.mark.parametrize(
    ("row", "field", "reason"),
    [
        ("FS-9,2026-13-01,10,staff,x,", "date", "Enter the date as 2026-04-30 or 30/04/2026"),
        ("FS-9,2099-01-01,10,staff,x,", "date", "The date must be today or in the past"),
        ("FS-9,2026-04-01,ten,staff,x,", "amount", "is not an amount in pounds"),
        ("FS-9,2026-04-01,--10,staff,x,", "amount", "is not an amount in pounds"),
        ("FS-9,2026-04-01,0,staff,x,", "amount", "The amount cannot be £0"),
        ("FS-9,2026-04-01,(0.00),staff,x,", "amount", "The amount cannot be £0"),
        ("FS-9,2026-04-01,10,cakes,x,", "category", "is not a budget category"),
        (",2026-04-01,10,staff,x,", "transaction_ref", "Enter the transaction ref"),
        ("FS-9,2026-04-01,10,staff,,", "description", "Enter the description"),
        ("FS-0001,2026-04-01,10,staff,x,", "transaction_ref", "also on row 2"),
    ],
)
def test_a_bad_row_is_named_with_its_field_and_reason_and_nothing_is_saved(
    vf_contract, personas, row, field, reason
):
    content = GOOD + row + "\n"
    check = spend_import_check(contract=vf_contract, content=content.encode())
    (problem,) = check.problems
    assert (problem.row, problem.field) == (4, field)
    assert reason in problem.reason
    with pytest.raises(ValidationError) as refused:
        _import(vf_contract, personas, content)
    assert f"Row 4, {field}" in str(refused.value)
    assert not Spend.objects.exists()
    assert not SpendImport.objects.exists()


def test_a_missing_column_is_named(vf_contract):
    check = spend_import_check(
        contract=vf_contract, content=b"transaction_ref,date,amount\nFS-1,2026-04-01,10\n"
    )
    assert {(p.row, p.field) for p in check.problems} == {(1, "category"), (1, "description")}


@pytest.mark.parametrize(
    "content", [b"", b"\xff\xfe\x00b", b"transaction_ref,date,amount,category,description\n"]
)
def test_an_empty_or_unreadable_file_is_refused(vf_contract, content):
    assert spend_import_check(contract=vf_contract, content=content).problems


def test_a_formula_in_a_description_is_kept_as_text(vf_contract, personas):
    _import(vf_contract, personas, HEADER + "FS-1,2026-04-01,10,other,=HYPERLINK(1),\n")
    assert Spend.objects.get().description == "=HYPERLINK(1)"


@pytest.mark.parametrize("who", ["analyst", "caseworker", "team_leader", "commissioner"])
def test_only_keepers_import(vf_contract, personas, who):
    with pytest.raises(PermissionDenied):
        spend_import(
            contract=vf_contract,
            file_name="x.csv",
            content=GOOD.encode(),
            imported_by=getattr(personas, who),
        )


def test_the_example_file_in_the_app_imports(vf_contract, personas):
    from pathlib import Path

    content = (Path(__file__).parents[1] / "samples" / "finance-system-spend.csv").read_bytes()
    check = spend_import_check(contract=vf_contract, content=content)
    assert not check.problems
    assert len(check.new) >= 10
