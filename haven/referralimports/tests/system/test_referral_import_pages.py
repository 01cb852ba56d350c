"""A team leader imports Victim First's police download with a bad row; the upload, run list
and run pages have no WCAG 2.2 AA violations (seed 002 s3.6)."""

import pytest

from haven.testing.browser import assert_accessible, sign_in
from haven.testing.fixtures import profile_contract
from haven.testing.personas import build_personas

from ..files import POLICE_SOME_BAD

pytestmark = [pytest.mark.system, pytest.mark.django_db(transaction=True)]


def test_upload_then_run_and_list_pages_are_accessible(live_server, page, tmp_path):
    personas = build_personas()
    profile_contract("victim-first-2018", personas.organisation)
    download = tmp_path / "police-daily.csv"
    download.write_bytes(POLICE_SOME_BAD)

    sign_in(page, live_server, personas.team_leader)
    page.goto(f"{live_server.url}/referral-imports/upload/")
    assert_accessible(page)
    page.get_by_role("button", name="Import").click()  # nothing chosen: errors
    assert "Select the referral file" in page.content()
    assert_accessible(page)
    page.get_by_label("Police daily download").check()
    page.get_by_label("Referral file").set_input_files(str(download))
    page.get_by_role("button", name="Import").click()
    page.wait_for_url("**/referral-imports/*-*/")
    assert "Imported, some rows refused" in page.content()
    assert page.get_by_role("cell", name="is in the future").count() == 1
    assert_accessible(page)

    page.goto(f"{live_server.url}/referral-imports/")
    assert page.get_by_role("heading", level=1).inner_text() == "Referral imports"
    assert_accessible(page)
