"""Issue 13: a target hardening job in a real browser, on the Target Hardening contract (seed 002
Lot 2). The service manager adds a police-approved item to the catalogue from the budget page;
the caseworker records an emergency referral by phone (s3.1: "Receive emergency referrals ...
via phone referral"), accepts it, records the home visit with the Home Security Assessment,
which meets the 4-hour emergency visit deadline and explains the service level, records the
items fitted with their cost and the end-of-visit survey (s3.1); the service manager sees the
spend on the budget page. Every page is reached through links and buttons and axe (WCAG 2.2
AA) reports no violations on it."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from haven.casework.models import Case, Task, TaskStatus
from haven.followups.models import Survey
from haven.referrals.models import Referral
from haven.targethardening.models import FittedItem, SecurityItem, TargetHardeningJob
from haven.testing.browser import (
    assert_accessible,
    fill_moment,
    no_errors,
    sign_in,
    submit,
    switch_to,
)
from haven.testing.casework import CaseworkPersonFactory
from haven.testing.fixtures import profile_contract
from haven.testing.personas import build_personas

pytestmark = [pytest.mark.system, pytest.mark.django_db(transaction=True)]


def test_emergency_referral_to_fitted_items_and_survey(live_server, page, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    check = assert_accessible
    personas = build_personas()
    contract = profile_contract("target-hardening-2018", personas.organisation)
    person = CaseworkPersonFactory(organisation=personas.organisation, local_authority="Leicester")
    base = live_server.url

    # 0. The service manager adds an item to the catalogue, from the budget page
    sign_in(page, live_server, personas.service_manager)
    page.goto(f"{base}/")
    page.get_by_role("link", name="Target hardening budget").first.click()
    check(page)
    page.get_by_role("link", name="Security items catalogue").click()
    check(page)
    page.get_by_role(
        "link", name=f"Add an item to {personas.organisation.name}'s catalogue"
    ).click()
    check(page)
    page.get_by_label("Item", exact=True).fill("Door chain")
    page.locator('input[name="police_approved"][value="True"]').check()
    page.get_by_label("Unit price").fill("24.00")
    page.get_by_label("Most fitted at one property").fill("2")
    page.locator('input[name="fitting"][value="specialist_fit"]').check()
    page.locator('input[name="active"][value="True"]').check()
    submit(page, "Save")
    no_errors(page)
    item = SecurityItem.objects.get(provider=personas.organisation)
    check(page)

    # 1. The caseworker records the emergency referral by phone and accepts it
    switch_to(page, live_server, personas.caseworker)
    page.goto(f"{base}/")
    page.get_by_role("link", name="Record a new referral").click()
    check(page)
    page.get_by_label(contract.name).check()
    submit(page, "Continue")
    check(page)
    page.locator('input[name="route"][value="emergency_phone"]').check()
    page.locator('input[name="received_via"][value="phone"]').check()
    page.get_by_label("Person’s reference code").fill(person.reference_code)
    page.get_by_label("Referring organisation (optional)").fill("Synthetic Victim First")
    page.locator('input[name="contact_method"][value="mobile_phone"]').check()
    page.locator('input[name="consent_to_contact"][value="yes"]').check()
    page.locator('input[name="primary_support_need"][value="da"]').check()
    page.locator('input[name="priority"][value="emergency"]').check()
    submit(page, "Save and check eligibility")
    no_errors(page)
    assert Referral.objects.get().priority == "emergency"
    check(page)
    submit(page, "Accept and open a case")
    case = Case.objects.get()
    task = Task.objects.get(case=case, rule_key="emergency_visit")
    assert task.status == TaskStatus.OPEN
    expect(page.locator("main").get_by_text(task.label).first).to_be_visible()
    check(page)

    # 2. The visit and its Home Security Assessment: the level explained, the deadline met
    page.get_by_role("link", name="Record the home visit and security assessment").click()
    check(page)
    fill_moment(page, "visited_at")
    for key in ("no_door_chain", "no_door_viewer", "windows_unlocked"):
        page.locator(f'input[name="concerns"][value="{key}"]').check()
    page.locator('input[name="vulnerabilities"][value="perpetrator_knows_address"]').check()
    submit(page, "Save")
    # the person's safe-contact details are unknown: the visit needs the reason it was safe
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    check(page)
    page.get_by_label(
        "If the safe-contact check warns about visits, why was it safe to visit?"
    ).fill("Synthetic: the police confirmed the person causing harm is in custody")
    submit(page, "Save")
    no_errors(page)
    job = TargetHardeningJob.objects.get(case=case)
    assert (job.score, job.service_level) == (10, 3)
    expect(page.locator("main").get_by_text("level 3 from 10 points").first).to_be_visible()
    task.refresh_from_db()
    assert task.status == TaskStatus.MET
    check(page)

    # 3. The caseworker records the items fitted, with their cost, from the case page
    page.goto(f"{base}/cases/{case.pk}/")
    page.get_by_role("link", name="Target hardening job").click()
    check(page)
    page.get_by_role("link", name="Record items fitted").click()
    check(page)
    page.get_by_label("Item", exact=True).select_option(str(item.pk))
    page.get_by_label("How many?").fill("2")
    fill_moment(page, "fitted_on", time=False)
    submit(page, "Save")
    no_errors(page)
    assert FittedItem.objects.get(job=job).cost == 48
    expect(page.locator("main").get_by_text("£48.00").first).to_be_visible()
    check(page)

    # 4. The end-of-visit survey (seed 002 Lot 2 s3.1), from the job page
    page.get_by_role("link", name="Record the end-of-visit survey").click()
    check(page)
    fill_moment(page, "asked_at")
    page.locator('input[name="took_part"][value="answered"]').check()
    for radio in page.locator('input[type=radio][value="yes"]').all():
        radio.check()
    submit(page, "Save the survey")
    no_errors(page)
    assert Survey.objects.get(case=case).occasion == "end_of_visit"
    check(page)

    # 5. The service manager sees the spend on the budget page
    switch_to(page, live_server, personas.service_manager)
    page.goto(f"{base}/")
    page.get_by_role("link", name="Target hardening budget").first.click()
    expect(page.locator("main").get_by_text("£79,952.00").first).to_be_visible()
    check(page)
