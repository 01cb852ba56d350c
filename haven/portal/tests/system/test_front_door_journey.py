"""Issue 14 in a real browser: a person finds Victim First on the public pages, refers
themselves (safety first, then about them, seed 002 s3.6, s3.1) and books a secure web chat
within 5 working days; the confirmation shows the chat code once and nothing of what was sent.
Exit this page works by its button and by pressing Shift three times, leaving for a neutral
site (reference §5.2). Every public page is axe-clean (WCAG 2.2 AA) and nothing is signed in."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from haven.portal.models import ChatBooking, QuickQuestion
from haven.referrals.models import Referral
from haven.testing.browser import assert_accessible, no_errors, sign_in, submit
from haven.testing.fixtures import profile_contract
from haven.testing.personas import build_personas

pytestmark = [pytest.mark.system, pytest.mark.django_db(transaction=True)]


def _leaves_for_the_neutral_site(page, action):
    """`action` sends the browser to the neutral site (the tests reach no other host: the
    request is made, its answer does not matter)."""
    with page.expect_request(re.compile(r"https://www\.bbc\.co\.uk/weather.*")):
        action()


def test_self_referral_with_a_web_chat_booking(live_server, page, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    personas = build_personas()
    contract = profile_contract("victim-first-2018", personas.organisation)
    base = live_server.url

    page.goto(f"{base}/help/")
    assert_accessible(page)
    page.get_by_role("link", name="Victim First").click()
    assert_accessible(page)
    page.get_by_role("button", name="Refer yourself online").click()

    # safety first: a step with a mistake keeps what was typed
    page.get_by_label("Yes", exact=True).first.check()
    page.get_by_label("Code word (optional)").fill("bluebell")
    submit(page, "Continue")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select how we can contact")
    expect(page.get_by_label("Code word (optional)")).to_have_value("bluebell")
    assert_accessible(page)
    page.get_by_label("Text message").check()
    page.get_by_label("Weekday mornings (9am to 12pm)").check()
    page.get_by_role(
        "group", name="Does the person who is hurting you live with you?"
    ).get_by_label("No", exact=True).check()
    submit(page, "Continue")
    no_errors(page)

    # about you and what happened, in their own words
    assert_accessible(page)
    page.get_by_label("First name").fill("Testy")
    page.get_by_label("Phone number (optional)").fill("07700 900982")
    page.get_by_label("Tell us what has happened, in your own words").fill(
        "Synthetic: my neighbour damaged my car again."
    )
    submit(page, "Continue")
    no_errors(page)

    # a web chat within 5 working days
    assert_accessible(page)
    page.locator('input[name="slot"]').first.check()
    page.get_by_role("group", name="Can we keep a copy of the chat on your record?").get_by_label(
        "Yes", exact=True
    ).check()
    submit(page, "Continue")
    no_errors(page)

    # check and send
    assert_accessible(page)
    expect(page.locator("main")).to_contain_text("Synthetic: my neighbour damaged my car again.")
    submit(page, "Send")
    no_errors(page)
    assert_accessible(page)
    expect(page.locator("h1")).to_contain_text("Referral sent")
    code = page.locator("#chat-code").inner_text().strip()
    assert re.fullmatch(r"[0-9A-Z]{5}-[0-9A-Z]{5}", code)
    main = page.locator("main").inner_text()
    assert "Join your web chat at" in main
    assert "/chat/" in main
    assert "Testy" not in main
    assert "neighbour" not in main

    referral = Referral.objects.get()
    assert referral.route == "self_referral"
    assert referral.received_via == "web"
    booking = ChatBooking.objects.get()
    assert booking.referral == referral
    assert booking.consent_to_transcript
    # no session cookie once the form is sent (only the CSRF cookie of the form)
    names = {c["name"] for c in page.context.cookies()}
    assert not any("session" in name for name in names), names
    page.reload()
    assert page.locator("#chat-code").count() == 0  # shown once

    # staff see it in the referrals list at once
    sign_in(page, live_server, personas.caseworker)
    page.goto(f"{base}/referrals/")
    expect(page.locator("main")).to_contain_text(contract.name)


def test_exit_this_page_by_button_and_by_shift_three_times(live_server, page):
    personas = build_personas()
    contract = profile_contract("victim-first-2018", personas.organisation)
    base = live_server.url
    page.goto(f"{base}/refer/{contract.slug}/")
    page.get_by_label("Code word (optional)").fill("bluebell")
    button = page.get_by_role("button", name="Exit this page").first
    _leaves_for_the_neutral_site(page, button.click)

    page.goto(f"{base}/help/{contract.slug}/")
    page.locator("h1").click()

    def shift_three_times():
        for _ in range(3):
            page.keyboard.press("Shift")

    _leaves_for_the_neutral_site(page, shift_three_times)


def test_every_public_page_is_accessible(live_server, page):
    personas = build_personas()
    victim_first = profile_contract("victim-first-2018", personas.organisation)
    safe_home = profile_contract("leicester-safehome-2012", personas.organisation)
    base = live_server.url
    for path in (
        "/help/",
        f"/help/{victim_first.slug}/",
        f"/help/{safe_home.slug}/",
        "/help/hide-your-visit/",
        f"/refer/{victim_first.slug}/",
        f"/questions/{victim_first.slug}/",
        "/questions/answer/",
    ):
        page.goto(f"{base}{path}")
        expect(page.locator(".govuk-exit-this-page")).to_have_count(1)
        assert_accessible(page)

    # a quick question, its code and the answer not there yet
    page.goto(f"{base}/questions/{victim_first.slug}/")
    page.get_by_label("Your question").fill("Is your service free?")
    submit(page, "Send question")
    no_errors(page)
    assert_accessible(page)
    code = page.locator("#question-code").inner_text().strip()
    assert QuickQuestion.objects.count() == 1
    page.goto(f"{base}/questions/answer/")
    page.get_by_label("Your code").fill(code)
    submit(page, "Show the answer")
    assert_accessible(page)
    expect(page.locator("#answer")).to_contain_text("We have not answered yet")
    assert code not in page.url
