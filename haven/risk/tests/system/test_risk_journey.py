"""A caseworker completes the checklist in a real browser; every page passes axe (WCAG 2.2 AA)."""

import re

import pytest
from playwright.sync_api import expect

from haven.testing.browser import assert_accessible, sign_in
from haven.testing.casework import CaseFactory
from haven.testing.personas import build_personas
from haven.testing.risk import KEYS

pytestmark = [pytest.mark.system, pytest.mark.django_db(transaction=True)]


def test_complete_the_checklist_see_the_result_and_the_history(live_server, page, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    personas = build_personas()
    case = CaseFactory(contract=personas.contract, team=personas.team)
    sign_in(page, live_server, personas.caseworker)

    page.goto(f"{live_server.url}/risk/cases/{case.pk}/new/")
    assert page.get_by_role("heading", level=1).inner_text() == "Risk identification checklist"
    assert_accessible(page)

    page.get_by_role("button", name="Save and see the result").click()
    expect(page).to_have_title(re.compile(r"^Error:"))
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("At referral").check()
    for index, key in enumerate(KEYS):
        value = "yes" if index < 14 else "no"
        page.locator(f'input[name="answer_{key}"][value="{value}"]').check()
    page.locator('input[name="professional_judgement"][value="no"]').check()
    page.get_by_role("button", name="Save and see the result").click()

    assert page.get_by_role("heading", level=1).inner_text() == "Risk checklist result"
    assert "Visible high risk: 14 yes answers" in page.content()
    assert_accessible(page)

    page.get_by_role("link", name="Back to risk history").click()
    expect(page.locator("svg[role=img]")).to_be_visible()
    assert_accessible(page)
