"""A caseworker uploads a small export; the workbook pages have no WCAG 2.2 AA violations."""

import datetime as dt

import pytest

from haven.people.services import person_create
from haven.testing.browser import assert_accessible, sign_in
from haven.testing.fixtures import profile_contract
from haven.testing.personas import build_personas
from haven.workbook.engine.tests.exports import incident, write_csv

pytestmark = [pytest.mark.system, pytest.mark.django_db(transaction=True)]


def test_upload_then_list_detail_and_review_pages_are_accessible(live_server, page, tmp_path):
    # seed 000 s5: N1's third incident is eligible; N2 may be someone Haven knows (review)
    personas = build_personas()
    profile_contract("opcc-dv360", personas.organisation)
    person_create(
        created_by=personas.caseworker,
        details={
            "given_name": "Sam",
            "family_name": "Sample",
            "date_of_birth": dt.date(1985, 1, 2),
        },
    )
    rows = [incident(f"A{n}", f"2026-03-0{n} 10:00") for n in (1, 2, 3)]
    rows += [
        incident(
            f"B{n}",
            f"2026-04-0{n} 10:00",
            victim="N2",
            victim_forename="Sam",
            victim_surname="Sample",
            victim_dob="1985-01-02",
        )
        for n in (1, 2, 3)
    ]
    rows.append(incident("BAD", "2026-02-30 10:00"))
    export = write_csv(tmp_path / "daily-export.csv", rows)

    sign_in(page, live_server, personas.caseworker)

    page.goto(f"{live_server.url}/workbook/upload/")
    assert_accessible(page)
    page.get_by_label("Police incident export").set_input_files(str(export))
    page.get_by_role("button", name="Import").click()
    page.wait_for_url("**/workbook/runs/**")
    assert "Referrals created" in page.content()
    assert page.get_by_role("cell", name="reported_at").count() == 1
    assert_accessible(page)

    page.goto(f"{live_server.url}/workbook/")
    assert page.get_by_role("heading", level=1).inner_text() == "Police workbook"
    assert_accessible(page)

    page.goto(f"{live_server.url}/workbook/review/")
    assert_accessible(page)
    page.get_by_role("link", name="B3").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Review a possible match"
    assert_accessible(page)
    page.get_by_label("None of these: a new person").check()
    page.get_by_role("button", name="Confirm and accept the referral").click()
    page.wait_for_url("**/referrals/**")
