"""The casework and referral pages have no WCAG 2.2 AA violations, including their error states."""

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from haven.casework.factories import CaseworkPersonFactory, ReferralFactory, TaskFactory
from haven.casework.services import case_note_add, case_open_from_referral
from haven.casework.tests.conftest import profile_contract
from haven.referrals.models import Decision
from haven.testing.browser import assert_accessible
from haven.testing.personas import build_personas

pytestmark = [pytest.mark.system, pytest.mark.django_db(transaction=True)]


def signed_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_server.url}])


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
    signed_in(page, live_server, personas.caseworker)
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
    page.get_by_role("button", name="Save").click()
    assert page.title().startswith("Error:")
    assert_accessible(page)

    page.goto(f"{base}/cases/{case.pk}/close/")
    page.get_by_role("button", name="Close case").click()
    assert page.locator(".govuk-error-summary").is_visible()
    assert_accessible(page)


def test_manager_and_restricted_pages_are_accessible(live_server, page):
    personas = build_personas()
    accepted = ReferralFactory(contract=personas.contract)
    case = case_open_from_referral(
        referral=accepted, opened_by=personas.team_leader, team=personas.team
    )
    signed_in(page, live_server, personas.team_leader)
    base = live_server.url
    for path in (f"/cases/{case.pk}/allocate/", f"/cases/{case.pk}/restriction/"):
        page.goto(base + path)
        assert_accessible(page)
    page.get_by_label("Only named staff").check()
    page.get_by_label("Reason").fill("Synthetic reason")
    page.get_by_role("button", name="Save restriction").click()
    assert_accessible(page)

    signed_in(page, live_server, personas.teammate)
    page.goto(f"{base}/cases/{case.pk}/")
    assert page.get_by_role("heading", level=1).inner_text() == "This case is restricted"
    assert_accessible(page)
