"""A caseworker completes the checklist in a real browser; every page passes axe (WCAG 2.2 AA)."""

import pytest
from django.test import Client

from haven.casework.factories import CaseFactory
from haven.risk.tests.conftest import KEYS
from haven.testing.browser import assert_accessible
from haven.testing.personas import build_personas

pytestmark = [pytest.mark.system, pytest.mark.django_db(transaction=True)]


def sign_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])


def test_complete_the_checklist_see_the_result_and_the_history(live_server, page, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    personas = build_personas()
    case = CaseFactory(contract=personas.contract, team=personas.team)
    sign_in(page, live_server, personas.caseworker)

    page.goto(f"{live_server.url}/risk/cases/{case.pk}/new/")
    assert page.get_by_role("heading", level=1).inner_text() == "Risk identification checklist"
    assert_accessible(page)

    page.get_by_role("button", name="Save and see the result").click()
    assert page.title().startswith("Error:")
    assert page.locator(".govuk-error-summary").is_visible()
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
    assert page.locator("svg[role=img]").is_visible()
    assert_accessible(page)
