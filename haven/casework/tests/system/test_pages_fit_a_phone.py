"""Outreach workers use phones: the worklists, the case page and the forms fit a 375 px screen
without sideways scrolling (tables stack into labelled rows), stay axe-clean, and still fit 1280 px."""

import datetime as dt

import pytest
from django.utils import timezone

from haven.casework.services import case_note_add, case_open_from_referral
from haven.referrals.models import Decision
from haven.testing.browser import assert_accessible, sign_in
from haven.testing.casework import CaseworkPersonFactory, ReferralFactory, TaskFactory
from haven.testing.fixtures import profile_contract
from haven.testing.personas import build_personas

pytestmark = [pytest.mark.system, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}

# What reaches past the right edge, for the failure message.
OVERFLOWING = """() => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
  .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))"""


def fits(page, width):
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, (
        f"{page.url} is {scroll_width} px wide: {page.evaluate(OVERFLOWING)}"
    )


@pytest.fixture
def caseload():
    personas = build_personas()
    contract = profile_contract("victim-first-2018", personas.organisation)
    case = case_open_from_referral(
        referral=ReferralFactory(
            contract=contract,
            person=CaseworkPersonFactory(
                organisation=personas.organisation,
                given_name="Maximiliana-Josephine",
                family_name="Featherstonehaugh-Worthington",
            ),
        ),
        opened_by=personas.caseworker,
        team=personas.team,
        allocated_to=personas.caseworker,
    )
    TaskFactory(
        case=case,
        label="Telephone contact within 48 hours of the referral being received",
        due_at=timezone.now() - dt.timedelta(hours=1),
        allocated_to=personas.caseworker,
        team=personas.team,
    )
    case_note_add(
        case=case,
        author=personas.caseworker,
        note_type="contact",
        text="Synthetic note about a long conversation " * 5,
        happened_at=timezone.now(),
    )
    pending = ReferralFactory(contract=contract, person=case.person, decision=Decision.PENDING)
    paths = [
        "/",
        "/cases/",
        "/cases/team/",
        "/cases/all/",
        "/referrals/",
        f"/cases/{case.pk}/",
        f"/cases/{case.pk}/notes/",
        f"/cases/{case.pk}/notes/new/",
        f"/cases/{case.pk}/attempts/new/",
        f"/referrals/new/{contract.pk}/",
        f"/cases/{case.pk}/state/",
        f"/cases/{case.pk}/allocate/",
        f"/cases/{case.pk}/restriction/",
        f"/cases/{case.pk}/close/",
        "/referrals/new/",
        f"/referrals/{pending.pk}/",
        f"/referrals/{pending.pk}/decline/",
    ]
    return personas, paths


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375px", "1280px"])
def test_worklists_case_page_and_forms_fit_the_screen(live_server, page, caseload, viewport):
    personas, paths = caseload
    page.set_viewport_size(viewport)
    sign_in(page, live_server, personas.team_leader)
    for path in paths:
        page.goto(live_server.url + path)
        assert page.locator("h1").count() == 1, path
        fits(page, viewport["width"])
        assert_accessible(page)


def test_on_a_phone_each_worklist_cell_says_which_column_it_is(live_server, page, caseload):
    personas, _ = caseload
    page.set_viewport_size(PHONE)
    sign_in(page, live_server, personas.caseworker)
    page.goto(live_server.url + "/cases/")
    cell = page.locator("td[data-label='Duty']").first
    assert cell.is_visible()
    label = cell.evaluate("e => getComputedStyle(e, '::before').content")
    assert label == '"Duty"'
