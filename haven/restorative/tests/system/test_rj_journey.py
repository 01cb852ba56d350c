"""Issue 16 item 5: a restorative justice case in a real browser, on Victim First (seed 002 Lot
1 s3.10). From the case page the caseworker refers the victim at her request for a conference:
the offence is domestic violence, so the referral is refused until the exceptional
circumstances are recorded and the facilitator is confirmed experienced; then the facilitator's
suitability decision, preparation, the conference held, follow-up and the close with its
outcome and the victim's view; the team leader finds it on the restorative justice index from
the home page. Every page is reached through links and buttons and axe (WCAG 2.2 AA) reports no
violations on it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from haven.casework.models import CaseEvent
from haven.casework.services import case_open_from_referral
from haven.restorative.models import RestorativeProcess
from haven.testing.browser import (
    assert_accessible,
    fill_moment,
    no_errors,
    sign_in,
    submit,
    switch_to,
)
from haven.testing.casework import CaseworkPersonFactory, ReferralFactory
from haven.testing.fixtures import profile_contract
from haven.testing.personas import build_personas

pytestmark = [pytest.mark.system, pytest.mark.django_db(transaction=True)]


def _next_step(page, stage: str, check) -> None:
    page.get_by_role("link", name="Record the next step").click()
    check(page)
    page.locator(f'input[name="to"][value="{stage}"]').check()


def test_rj_from_request_to_outcome_with_the_exceptional_circumstances(live_server, page, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    check = assert_accessible
    personas = build_personas()
    contract = profile_contract("victim-first-2018", personas.organisation)
    case = case_open_from_referral(
        referral=ReferralFactory(
            contract=contract, person=CaseworkPersonFactory(organisation=personas.organisation)
        ),
        opened_by=personas.caseworker,
        team=personas.team,
        allocated_to=personas.caseworker,
    )
    base = live_server.url

    # 1. The referral, at the victim's request: domestic violence without the justification
    sign_in(page, live_server, personas.caseworker)
    page.goto(f"{base}/cases/{case.pk}/")
    check(page)
    page.get_by_role("link", name="Refer for restorative justice").click()
    check(page)
    page.locator('input[name="victim_requested"][value="yes"]').check()
    fill_moment(page, "requested_on", time=False)
    page.locator('input[name="offender_admitted"][value="yes"]').check()
    page.locator('input[name="contact_type"][value="conference"]').check()
    page.locator('input[name="sensitive_offence"][value="domestic_violence"]').check()
    page.get_by_label("Facilitator").select_option(str(personas.teammate.pk))
    page.locator('input[name="facilitator_experienced"][value="no"]').check()
    submit(page, "Save")
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Enter the exceptional circumstances"
    )
    expect(page.locator(".govuk-error-summary")).to_contain_text("must be experienced")
    check(page)
    assert not RestorativeProcess.objects.exists()

    # 2. ... then with the exceptional circumstances and an experienced facilitator
    page.get_by_label("Exceptional circumstances (needed for the offences above)").fill(
        "Synthetic: the victim has asked repeatedly; risk assessed; clear benefit to her"
    )
    page.locator('input[name="facilitator_experienced"][value="yes"]').check()
    submit(page, "Save")
    no_errors(page)
    expect(page).to_have_url(re.compile(rf"/cases/{case.pk}/$"))
    process = RestorativeProcess.objects.get()
    assert process.is_exceptional
    assert process.facilitator == personas.teammate
    expect(page.locator("#restorative-justice")).to_be_visible()
    check(page)

    # 3. Suitability (the facilitator's risk assessment), preparation, held, follow-up
    _next_step(page, "suitable", check)
    page.get_by_label("Note").fill("Synthetic: risk assessed, safe and suitable")
    submit(page, "Save")
    no_errors(page)
    for stage in ("preparation", "held", "follow_up"):
        _next_step(page, stage, check)
        if stage == "held":
            fill_moment(page, "held_on", time=False)
        submit(page, "Save")
        no_errors(page)

    # 4. The close: the outcome and the victim's view
    _next_step(page, "closed", check)
    page.locator('input[name="outcome"][value="agreement"]').check()
    page.locator('input[name="victim_view"][value="satisfied"]').check()
    submit(page, "Save")
    no_errors(page)
    expect(page.locator("#rj-outcome")).to_contain_text("Outcome agreement reached")
    check(page)
    process.refresh_from_db()
    assert (process.stage, process.outcome, process.victim_view) == (
        "closed",
        "agreement",
        "satisfied",
    )
    assert CaseEvent.objects.filter(case=case, kind="restorative_step").count() == 5

    # 5. The team leader finds it on the index, from the home page
    switch_to(page, live_server, personas.team_leader)
    page.goto(f"{base}/")
    page.get_by_role("link", name="Restorative justice").click()
    check(page)
    expect(page.locator("main")).to_contain_text(case.person.reference_code)
    expect(page.locator("main")).to_contain_text("Satisfied")
