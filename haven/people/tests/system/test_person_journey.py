"""A caseworker finds, adds and records a person without JavaScript problems; every page is
checked with axe for WCAG 2.2 AA."""

import datetime as dt
import os
import re

import pytest
from playwright.sync_api import expect

from haven.testing.browser import assert_accessible, sign_in
from haven.testing.people import PersonFactory
from haven.testing.personas import build_personas

pytestmark = [pytest.mark.system, pytest.mark.django_db(transaction=True)]
SCREENSHOTS = os.environ.get("HAVEN_SCREENSHOTS", "")


def _check(page, name):
    assert_accessible(page)
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/{name}.png", full_page=True)


def test_caseworker_adds_a_person_past_a_likely_duplicate_and_records_safe_contact(
    live_server, page
):
    personas = build_personas()
    PersonFactory(
        organisation=personas.organisation,
        given_name="John",
        family_name="Smith",
        date_of_birth=dt.date(1985, 3, 27),
        postcode="LE5 1FY",
    )
    sign_in(page, live_server, personas.caseworker)

    page.goto(f"{live_server.url}/people/")
    _check(page, "01-search")
    page.get_by_role("button", name="Search").click()
    expect(page).to_have_title(re.compile(r"Error:"))
    _check(page, "02-search-error")

    page.goto(f"{live_server.url}/people/new/")
    _check(page, "03-new")
    page.get_by_label("First name").fill("Jon")
    page.get_by_label("Last name").fill("Smith")
    page.get_by_label("Day").fill("27")
    page.get_by_label("Month").fill("3")
    page.get_by_label("Year").fill("1985")
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_title(re.compile(r"^Is\ this\ the\ same\ person\?"))
    _check(page, "04-same-person")
    page.get_by_label("No, create a new person").check()
    page.get_by_role("button", name="Continue").click()

    expect(page.locator("#reference-code")).to_be_visible()
    assert (
        "Letters must never be sent".lower()
        in page.locator("#safe-contact-warning").inner_text().lower()
    )
    _check(page, "05-person")

    page.get_by_role("link", name="Change safe contact preferences").click()
    _check(page, "06-safe-contact")
    page.get_by_label("Safe phone number").fill("07700 900123")
    page.get_by_role("group", name="Is it safe to send letters?").get_by_label(
        "No, never send letters"
    ).check()
    page.get_by_role(
        "group", name="Does the person causing harm live at their address?"
    ).get_by_label("No", exact=True).check()
    page.get_by_role("button", name="Save safe contact preferences").click()
    assert "Safe contact preferences saved" in page.content()

    page.get_by_role("link", name="Add a person causing harm").click()
    _check(page, "07-harmer-new")
    page.get_by_label("First name").fill("Rex")
    page.get_by_label("Current partner").check()
    page.get_by_role("group", name="Do they live with this person?").get_by_label(
        "Yes", exact=True
    ).check()
    page.get_by_role("button", name="Add person causing harm").click()
    page.get_by_role("link", name="Rex").click()
    expect(page).to_have_title(re.compile(r"Person\ causing\ harm"))
    _check(page, "08-harmer")

    page.go_back()
    page.get_by_role("link", name="View or change equality information").click()
    _check(page, "09-equality")
