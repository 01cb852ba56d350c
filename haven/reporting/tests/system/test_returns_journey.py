"""Issue 10 s6: a service manager opens a past quarter's return from the navigation, drills into a
figure (a restricted case is counted but shown as "Restricted record"), sees its trend, signs the
return off with a remedial plan for the data-quality exceptions and submits it; the commissioner
then sees it in their list, suppressed ("<5"), with no reference codes or names, and can download
it. axe (WCAG 2.2 AA) reports no violations on any page visited; the return fits a phone."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from haven.casework.services import case_restriction_set
from haven.contracts.profiles.stored import profile_of
from haven.reporting.models import ReturnSnapshot
from haven.reporting.periods import current_period
from haven.reporting.selectors import contract_return
from haven.reporting.services import return_sign_off, return_submit
from haven.reporting.snapshots import known_exception_count
from haven.testing.browser import assert_accessible, sign_in
from haven.testing.casework import CaseFactory, ReferralFactory
from haven.testing.fixtures import profile_contract
from haven.testing.personas import build_personas

pytestmark = [pytest.mark.system, pytest.mark.django_db(transaction=True)]
MEASURE = "demand_referrals"  # opcc-dv360: referrals received, broken down by risk level
PHONE = {"width": 375, "height": 812}
# What reaches past the right edge, for the failure message (as test_pages_fit_a_phone.py).
OVERFLOWING = """() => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
  .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))"""


@pytest.fixture
def world(settings):
    """opcc-dv360 bought by the personas' commissioner and delivered by their organisation, with
    four referrals (three cases, one of them restricted to the teammate) in the last quarter that
    has ended: four is under five, so the commissioner sees "<5"."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    personas = build_personas()
    contract = profile_contract("opcc-dv360", personas.organisation)
    contract.commissioner = personas.commissioner_body  # so the commissioner persona sees it
    contract.save(update_fields=["commissioner"])
    year_start = profile_of(contract).contract_year_start
    period = current_period(timezone.now(), "quarter", year_start).previous(year_start)
    day = period.start + dt.timedelta(days=20, hours=10)
    # Synthetic names that cannot turn up in a page by chance, so "not in the page" means it.
    names = [
        ("Philippa", "Featherstonehaugh"),
        ("Ottoline", "Cholmondeley"),
        ("Marguerite", "Marjoribanks"),
        ("Rosalind", "Auchinleck"),
    ]
    referrals = [
        ReferralFactory(
            contract=contract,
            received_at=day + dt.timedelta(days=index),
            person__given_name=given,
            person__family_name=family,
        )
        for index, (given, family) in enumerate(names)
    ]
    cases = [
        CaseFactory(
            contract=contract,
            team=personas.team,
            allocated_to=worker,
            opened_at=referral.received_at + dt.timedelta(hours=2),
            referral=referral,
        )
        for referral, worker in zip(
            referrals, [personas.caseworker, personas.caseworker, personas.teammate], strict=False
        )
    ]  # the fourth referral has no case
    restricted = cases[-1]
    case_restriction_set(
        case=restricted, restricted=True, changed_by=personas.teammate, reason="Synthetic"
    )
    people = [referral.person for referral in referrals]
    return personas, contract, period, restricted, people


def tab_to(page, name, limit=80):
    """Press Tab until the focused element's text is `name`; fail if it is never reached."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.innerText").strip() == name:
            return
    pytest.fail(f"{name!r} is not reachable by Tab on {page.url}")


def test_manager_signs_off_and_submits_and_the_commissioner_sees_it(live_server, page, world):
    personas, contract, period, restricted, people = world
    engine_value = contract_return(contract, period).measure(MEASURE).value
    assert engine_value == 4  # worked out by hand: four referrals received in the quarter
    base = live_server.url
    sign_in(page, live_server, personas.service_manager)

    # Home → Returns in the navigation → the contract's past quarter
    page.goto(f"{base}/")
    assert_accessible(page)
    page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Returns").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Returns")
    assert_accessible(page)
    page.get_by_role("link", name=f"{period.label} – {contract.name}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"{contract.name}: return for {period.label}"
    )
    assert_accessible(page)
    figure = page.get_by_role("link", name=re.compile(rf"trend and records behind {MEASURE}$"))
    expect(figure).to_have_text(re.compile(rf"^{engine_value}\b"))

    # The sign-off link is reachable from the keyboard
    tab_to(page, "Sign off and submit this return")

    # Drill-down: the records behind the figure, the restricted one counted but not shown
    figure.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(MEASURE)
    expect(page.get_by_text(f"The records counted: {engine_value}.")).to_be_visible()
    expect(page.get_by_text("Restricted record", exact=True)).to_have_count(1)
    drilldown = page.content()
    assert restricted.person.reference_code not in drilldown
    expect(page.get_by_role("link", name=re.compile(people[0].reference_code))).to_be_visible()
    for person in people:  # names are never shown, even to the provider
        assert person.family_name not in drilldown
    expect(page.locator("svg.haven-chart[role=img]")).to_be_visible()
    assert_accessible(page)

    # Back to the return, then sign-off: the data-quality exceptions need a remedial plan
    page.get_by_role("link", name=f"Back to the return for {period.label}").click()
    assert_accessible(page)
    page.get_by_role("link", name="Sign off and submit this return").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Sign off the return for {period.label}"
    )
    expect(page.locator(".govuk-warning-text")).to_contain_text("data quality exception")
    assert_accessible(page)
    page.get_by_role("button", name="Sign off the return").click()
    expect(page).to_have_title(re.compile(r"^Error:"))
    assert_accessible(page)
    page.get_by_label("Remedial plan").fill(
        "Caseworkers complete the missing fields by the end of next month; the team leader checks."
    )
    page.get_by_role("button", name="Sign off the return").click()
    expect(page.get_by_text("Return signed off as version 1")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Submit version 1 to the commissioner").click()
    expect(page.get_by_text("Version 1 submitted to")).to_be_visible()
    assert_accessible(page)
    snapshot = ReturnSnapshot.objects.get(contract=contract)
    assert snapshot.status == "submitted"

    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()
    assert_accessible(page)

    # The commissioner: their list, the return suppressed, with no one named, and its downloads
    sign_in(page, live_server, personas.commissioner)
    page.goto(f"{base}/")
    assert_accessible(page)
    page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Returns").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Returns")
    assert_accessible(page)
    page.get_by_role("link", name=f"{period.code} return for {contract.name}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Return for {period.label}")
    assert_accessible(page)
    demand = page.locator("table", has=page.locator("caption", has_text=MEASURE)).first
    expect(demand.locator("tbody tr").first.locator("td").first).to_have_text("<5")
    html = page.content()
    for person in people:
        for private in (person.reference_code, person.given_name, person.family_name):
            assert private not in html
    assert "/cases/" not in html
    assert "/referrals/" not in html
    for fmt in ("JSON", "CSV"):
        with page.expect_download() as download:
            page.get_by_role("link", name=f"Download as {fmt}").click()
        with open(download.value.path(), encoding="utf-8") as file:
            content = file.read()
        assert content
        assert all(person.reference_code not in content for person in people)


def fits_a_phone(page):
    assert page.locator("h1").count() == 1
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width} px wide: {page.evaluate(OVERFLOWING)}"
    assert_accessible(page)


def test_the_return_fits_a_phone(live_server, page, world):
    personas, contract, period, _, _ = world
    page.set_viewport_size(PHONE)
    sign_in(page, live_server, personas.service_manager)
    page.goto(f"{live_server.url}/returns/{contract.slug}/{period.code}/")
    fits_a_phone(page)
    page.get_by_text(f"Breakdowns of {MEASURE}", exact=True).click()
    fits_a_phone(page)
    for path in (f"{MEASURE}/", "sign-off/"):
        page.goto(f"{live_server.url}/returns/{contract.slug}/{period.code}/{path}")
        fits_a_phone(page)

    # Signed off and submitted: the versions table (with its SHA-256) and the commissioner's copy
    snapshot = return_submit(
        snapshot=return_sign_off(
            contract=contract,
            period=period,
            signed_off_by=personas.service_manager,
            remedial_plan="Synthetic remedial plan",
            exceptions=known_exception_count(contract, period) or 0,
        ),
        submitted_by=personas.service_manager,
    )
    page.goto(f"{live_server.url}/returns/{contract.slug}/{period.code}/sign-off/")
    fits_a_phone(page)
    sign_in(page, live_server, personas.commissioner)
    for path in ("", f"{snapshot.pk}/"):
        page.goto(f"{live_server.url}/commissioner/returns/{path}")
        fits_a_phone(page)
