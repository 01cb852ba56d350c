"""The allocate page with its suggestions, the Unallocated queue, team caseloads and the staff
profile page have no WCAG 2.2 AA violations, and allocating works without JavaScript
(seed 002 Lot 1 s3.7: the team leader chooses among explained suggestions)."""

import pytest
from playwright.sync_api import expect

from haven.accounts.models import StaffProfile
from haven.testing.browser import assert_accessible, sign_in
from haven.testing.casework import CaseFactory
from haven.testing.fixtures import profile_contract
from haven.testing.personas import build_personas

pytestmark = [pytest.mark.system, pytest.mark.django_db(transaction=True)]


def test_allocation_pages_are_accessible_and_a_suggestion_is_chosen(live_server, page, browser):
    personas = build_personas()
    contract = profile_contract("leicester-victim-survivor-2012", personas.organisation)
    case = CaseFactory(contract=contract, team=personas.team, allocated_to=None, risk_level="high")
    StaffProfile.objects.create(
        user=personas.teammate, specialisms=["idva"], max_open_cases=25, high_risk_per_year=100
    )
    page.set_default_timeout(20_000)
    sign_in(page, live_server, personas.team_leader)
    base = live_server.url
    for path in ("/cases/unallocated/", "/cases/caseloads/", f"/cases/{case.pk}/allocate/"):
        page.goto(base + path)
        assert page.locator("h1").count() == 1, path
        assert_accessible(page)
    expect(page.get_by_text("IDVA for a high-risk case")).to_be_visible()
    # without JavaScript: the radios and the button are a plain form
    context = browser.new_context(java_script_enabled=False)
    plain = context.new_page()
    plain.set_default_timeout(20_000)
    sign_in(plain, live_server, personas.team_leader)
    plain.goto(f"{base}/cases/{case.pk}/allocate/")
    plain.locator(
        f'input[name="suggestion"][value="{personas.team.pk}:{personas.teammate.pk}"]'
    ).check()
    plain.get_by_role("button", name="Allocate").click()
    plain.wait_for_load_state()
    case.refresh_from_db()
    assert case.allocated_to == personas.teammate
    context.close()


def test_the_staff_profile_page_is_accessible_with_its_errors(live_server, page):
    personas = build_personas()
    sign_in(page, live_server, personas.administrator)
    page.goto(f"{live_server.url}/staff/{personas.teammate.pk}/profile/")
    assert_accessible(page)
    page.get_by_label("Maximum open cases (optional)").fill("-3")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("There is a problem")).to_be_visible()
    assert_accessible(page)
