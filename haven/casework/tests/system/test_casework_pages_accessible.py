"""The casework and referral pages have no WCAG 2.2 AA violations, including their error states."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from haven.casework.services import case_note_add, case_open_from_referral
from haven.referrals.models import Decision
from haven.testing.browser import assert_accessible, sign_in
from haven.testing.casework import CaseworkPersonFactory, ReferralFactory, TaskFactory
from haven.testing.fixtures import profile_contract
from haven.testing.personas import build_personas

pytestmark = [pytest.mark.system, pytest.mark.django_db(transaction=True)]


def test_a_caseworkers_pages_are_accessible(live_server, page):
    personas = build_personas()
    contract = profile_contract("victim-first-2018", personas.organisation)
    person = CaseworkPersonFactory(organisation=personas.organisation)
    referral = ReferralFactory(contract=contract, person=person, decision=Decision.PENDING)
    accepted = ReferralFactory(contract=contract)
    case = case_open_from_referral(
        referral=accepted,
        opened_by=personas.caseworker,
        team=personas.team,
        allocated_to=personas.caseworker,
    )
    TaskFactory(
        case=case, label="Overdue synthetic call", due_at=timezone.now() - dt.timedelta(hours=1)
    )
    case_note_add(
        case=case,
        author=personas.caseworker,
        note_type="contact",
        text="Synthetic note",
        happened_at=timezone.now(),
    )
    sign_in(page, live_server, personas.caseworker)
    base = live_server.url

    for path in (
        "/cases/",
        "/cases/team/",
        f"/cases/{case.pk}/",
        f"/cases/{case.pk}/notes/",
        f"/cases/{case.pk}/state/",
        "/referrals/",
        "/referrals/new/",
        f"/referrals/new/{contract.pk}/",
        f"/referrals/{referral.pk}/",
        f"/referrals/{referral.pk}/decline/",
    ):
        page.goto(base + path)
        assert page.locator("h1").count() == 1, path
        assert_accessible(page)

    page.goto(f"{base}/cases/{case.pk}/attempts/new/")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page).to_have_title(re.compile(r"^Error:"))
    assert_accessible(page)

    page.goto(f"{base}/cases/{case.pk}/close/")
    page.get_by_role("button", name="Close case").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)


def test_manager_and_restricted_pages_are_accessible(live_server, page):
    personas = build_personas()
    accepted = ReferralFactory(contract=personas.contract)
    case = case_open_from_referral(
        referral=accepted, opened_by=personas.team_leader, team=personas.team
    )
    sign_in(page, live_server, personas.team_leader)
    base = live_server.url
    for path in (f"/cases/{case.pk}/allocate/", f"/cases/{case.pk}/restriction/"):
        page.goto(base + path)
        assert_accessible(page)
    page.get_by_label("Only named staff").check()
    page.get_by_label("Reason").fill("Synthetic reason")
    page.get_by_role("button", name="Save restriction").click()
    assert_accessible(page)

    sign_in(page, live_server, personas.teammate)
    page.goto(f"{base}/cases/{case.pk}/")
    assert page.get_by_role("heading", level=1).inner_text() == "This record is restricted"
    assert_accessible(page)

    # a new referral for the restricted person: the list hides who it is for; another team is
    # told the record is held elsewhere
    new_referral = ReferralFactory(
        contract=personas.contract, person=case.person, decision=Decision.PENDING
    )
    page.goto(f"{base}/referrals/")
    expect(page.get_by_role("link", name=re.compile("^Restricted record"))).to_be_visible()
    assert_accessible(page)
    sign_in(page, live_server, personas.outsider)
    page.goto(f"{base}/referrals/{new_referral.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "This referral is for someone with a restricted record"
    )
    assert_accessible(page)


def test_the_exit_step_and_mark_as_done_pages_are_accessible(live_server, page):
    personas = build_personas()
    # seed 004 s4.2: the refuge profile asks for exit risk, exit interview, needs reassessment
    contract = profile_contract("cornwall-mens-refuge-2021", personas.organisation)
    case = case_open_from_referral(
        referral=ReferralFactory(contract=contract, route="professional"),
        opened_by=personas.caseworker,
        team=personas.team,
        allocated_to=personas.caseworker,
    )
    case.opened_at = timezone.now() - dt.timedelta(days=3)
    case.save()
    task = TaskFactory(
        case=case,
        action="needs_assessment",
        rule_key="comprehensive_assessment",
        label="Comprehensive assessment",
        due_at=timezone.now() + dt.timedelta(days=1),
    )
    sign_in(page, live_server, personas.caseworker)
    base = live_server.url

    page.goto(f"{base}/cases/{case.pk}/tasks/{task.pk}/done/")
    assert_accessible(page)
    page.locator("#id_done_at-day").fill("")
    page.get_by_role("button", name="Mark as done").click()
    expect(page).to_have_title(re.compile(r"^Error:"))
    assert_accessible(page)

    page.goto(f"{base}/cases/{case.pk}/close/")
    assert_accessible(page)
    for link, button_errors in (
        ("Record the exit interview", "Select how the exit interview happened"),
        ("Record the needs reassessment before closure", "Enter a summary of the needs"),
    ):
        page.goto(f"{base}/cases/{case.pk}/close/")
        page.get_by_role("link", name=link).click()
        assert page.get_by_role("heading", level=1).inner_text() == link
        assert_accessible(page)
        page.get_by_role("button", name="Save", exact=True).click()
        assert button_errors in page.locator(".govuk-error-summary").inner_text()
        assert_accessible(page)

    page.goto(f"{base}/cases/{case.pk}/exit/onward-referral/")
    assert_accessible(page)
    page.get_by_label("Which agency or service was the survivor referred to?").fill(
        "Synthetic Housing Options"
    )
    page.get_by_label("Housing", exact=True).check()
    page.get_by_label("No", exact=True).check()
    page.get_by_role("button", name="Save", exact=True).click()
    assert "did not consent" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)

    page.goto(f"{base}/cases/{case.pk}/exit/interview/")
    page.get_by_label("Declined by the survivor").check()
    page.get_by_role("button", name="Save", exact=True).click()
    assert "Exit interview recorded" in page.content()
    assert (
        "Exit interview declined by the survivor" in page.locator("#exit-requirements").inner_text()
    )
    assert_accessible(page)
