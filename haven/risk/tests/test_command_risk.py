"""`haven risk validate-checklist` and `haven risk load-checklist`."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from haven.risk.models import RiskChecklist

SHIPPED = Path(__file__).resolve().parents[1] / "checklists" / "dash-ric-24.yaml"


def run(*args):
    out, err = StringIO(), StringIO()
    code = 0
    try:
        call_command("risk", *args, stdout=out, stderr=err)
    except SystemExit as exit_:
        code = exit_.code
    return code, out.getvalue(), err.getvalue()


def test_the_shipped_checklist_validates():
    assert run("validate-checklist", str(SHIPPED)) == (0, "1 checklist definition(s) valid\n", "")


def test_errors_are_printed_as_file_line_field_reason(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(SHIPPED.read_text().replace("wording: paraphrase", "wording: published"))
    code, _, err = run("validate-checklist", str(bad))
    assert code == 2
    assert f"{bad}:10: wording: Input should be 'paraphrase' or 'licensed'" in err


@pytest.mark.django_db
def test_load_checklist_stores_the_definition_once(tmp_path):
    copy = tmp_path / "dash-ric-24.yaml"
    copy.write_text(SHIPPED.read_text().replace("wording: paraphrase", "wording: licensed"))
    assert run("load-checklist", str(copy))[1] == "checklist dash-ric-24: created\n"
    assert run("load-checklist", str(copy))[1] == "checklist dash-ric-24: unchanged\n"
    assert RiskChecklist.objects.get().wording == "licensed"
