"""risk_checklist_load: a service's licensed wording, validated, stored once and audited."""

from pathlib import Path

import pytest
import yaml

from haven.core.models import AuditEvent
from haven.risk.engine import ChecklistInvalid
from haven.risk.models import RiskChecklist
from haven.risk.selectors import checklist_for
from haven.risk.services import risk_checklist_load
from haven.testing.casework import CaseFactory

pytestmark = pytest.mark.django_db
SHIPPED = Path(__file__).resolve().parents[1] / "checklists" / "dash-ric-24.yaml"


def licensed_copy(tmp_path, change=None):
    data = yaml.safe_load(SHIPPED.read_text())
    data.update(wording="licensed", version="licensed-2026", notice="Used under our licence.")
    data["sections"][0]["items"][0]["text"] = "Licensed wording of question one (synthetic)"
    if change:
        change(data)
    path = tmp_path / "dash-ric-24.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


def test_a_licensed_wording_replaces_the_paraphrase_for_contracts_that_use_it(tmp_path, personas):
    result = risk_checklist_load(path=licensed_copy(tmp_path), loaded_by=personas.administrator)
    assert result.outcome == "created"
    case = CaseFactory(contract=personas.contract)
    checklist = checklist_for(case.contract)
    assert checklist.wording == "licensed"
    assert checklist.items[0].text == "Licensed wording of question one (synthetic)"
    audit = AuditEvent.objects.get(object_type="risk.riskchecklist")
    assert audit.changes["version"] == [None, "licensed-2026"]


def test_loading_the_same_file_again_changes_nothing(tmp_path, personas):
    path = licensed_copy(tmp_path)
    risk_checklist_load(path=path, loaded_by=None)
    assert risk_checklist_load(path=path, loaded_by=None).outcome == "unchanged"
    assert AuditEvent.objects.filter(object_type="risk.riskchecklist").count() == 1


def test_a_wording_that_drops_a_question_is_refused(tmp_path, db):
    def drop_first(data):
        data["sections"][0]["items"].pop(0)
        for number, item in enumerate((i for s in data["sections"] for i in s["items"]), start=1):
            item["number"] = number

    with pytest.raises(ChecklistInvalid) as raised:
        risk_checklist_load(path=licensed_copy(tmp_path, drop_first), loaded_by=None)
    assert "must keep its 24 question keys" in str(raised.value)
    assert not RiskChecklist.objects.exists()


def test_an_invalid_file_is_refused_with_file_line_field_and_reason(tmp_path, db):
    def misspell(data):
        data["sections"][1]["items"][0]["txet"] = data["sections"][1]["items"][0].pop("text")

    with pytest.raises(ChecklistInvalid) as raised:
        risk_checklist_load(path=licensed_copy(tmp_path, misspell), loaded_by=None)
    fields = {(e.field, e.reason.split(" (")[0]) for e in raised.value.errors}
    assert ("sections[1].items[0].txet", "unknown key") in fields
    assert ("sections[1].items[0].text", "required and missing") in fields
    assert all(e.line for e in raised.value.errors)
    assert not RiskChecklist.objects.exists()
