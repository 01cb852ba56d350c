"""The agency directory and onward referral pages (issue 11 item 4) have no WCAG 2.2 AA
violations, including their error states, and the journey works without JavaScript: a manager
adds an agency from the menu, a caseworker refers to it from the case page and records the reply."""

import datetime as dt

import pytest
from django.utils import timezone

from haven.casework.models import OnwardReferral
from haven.casework.services import case_open_from_referral
from haven.testing.browser import assert_accessible, sign_in
from haven.testing.casework import ReferralFactory
from haven.testing.fixtures import profile_contract
from haven.testing.personas import build_personas

pytestmark = [pytest.mark.system, pytest.mark.django_db(transaction=True)]


def test_directory_referral_and_outcome_pages_are_accessible(live_server, page):
    personas = build_personas()
    contract = profile_contract("victim-first-2018", personas.organisation)
    case = case_open_from_referral(
        referral=ReferralFactory(contract=contract),
        opened_by=personas.caseworker,
        team=personas.team,
        allocated_to=personas.caseworker,
    )
    case.opened_at = timezone.now() - dt.timedelta(days=3)
    case.save()
    base = live_server.url

    sign_in(page, live_server, personas.service_manager)
    page.goto(f"{base}/cases/directory/")  # the menu's "Agency directory" (test_view_directory)
    assert_accessible(page)
    page.get_by_role("link", name="Add an agency").click()
    page.get_by_role("button", name="Save", exact=True).click()
    assert "Enter the agency’s name" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)
    page.get_by_label("Name of the agency or service").fill("Synthetic Talking Therapies")
    page.get_by_label("Mental health", exact=True).check()
    page.get_by_label("Secure email").check()
    page.get_by_label("Secure address, number or portal").fill("refer@therapies.example.org")
    page.get_by_role("button", name="Save", exact=True).click()
    assert "Agency added" in page.content()
    assert_accessible(page)
    page.context.clear_cookies()

    sign_in(page, live_server, personas.caseworker)
    page.goto(f"{base}/cases/{case.pk}/")
    page.get_by_role("link", name="Record an onward referral").first.click()
    assert_accessible(page)
    page.get_by_label("Which agency or service?").select_option(
        label="Synthetic Talking Therapies (Mental health)"
    )
    need = page.get_by_role("group", name="Which need does it address?")
    need.get_by_label("Mental health", exact=True).check()
    page.get_by_label("No", exact=True).check()
    page.get_by_role("button", name="Save", exact=True).click()
    assert "safeguarding reason" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)
    page.get_by_label("Yes", exact=True).check()
    page.get_by_role("button", name="Save", exact=True).click()
    assert "Onward referral recorded" in page.content()
    assert_accessible(page)

    page.get_by_role("link", name="Record the outcome").click()
    page.get_by_role("button", name="Save", exact=True).click()
    assert "Select what happened" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)
    page.get_by_label("Accepted").check()
    page.get_by_role("button", name="Save", exact=True).click()
    assert OnwardReferral.objects.get().outcome == "accepted"
    assert_accessible(page)
