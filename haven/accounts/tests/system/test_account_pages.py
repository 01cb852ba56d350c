"""Account and Manage staff pages in a real browser: GOV.UK layout, axe-clean (WCAG 2.2 AA).

A new member of staff follows their set-up link, chooses a password, signs in, sets up the
authenticator app, signs out and signs in again with a code; an administrator uses Manage staff.
"""

import re
import time

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from playwright.sync_api import expect

from haven.accounts.roles import Role
from haven.accounts.services import staff_invite
from haven.testing.browser import assert_accessible, sign_in
from haven.testing.personas import build_personas

pytestmark = [pytest.mark.system, pytest.mark.django_db(transaction=True)]

PASSWORD = "plum-kettle-harbour-violet"


def code_for(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time() // 30)))


def submit(page, name):
    page.get_by_role("button", name=name).click()
    page.wait_for_load_state()


def assert_govuk_page(page):
    """The Haven layout (not allauth's plain pages), and axe finds nothing."""
    expect(page.locator("header.govuk-template__header")).to_be_visible()
    assert_accessible(page)


def test_new_staff_member_sets_up_their_account_through_govuk_pages(live_server, page, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    personas = build_personas()
    invitation = staff_invite(
        email="nova.worker@example.org",
        full_name="Nova Worker",
        role=Role.CASEWORKER,
        organisation=personas.organisation,
        team=personas.team,
        invited_by=personas.administrator,
        site_url=live_server.url,
    )
    base = live_server.url

    page.goto(f"{base}/accounts/password/reset/")
    assert_govuk_page(page)
    page.goto(f"{base}/accounts/password/reset/key/1-not-a-key/")
    expect(page.get_by_role("heading", level=1)).to_have_text("This link has expired")
    assert_govuk_page(page)

    # The set-up link: choose a password (an error first)
    page.goto(invitation.link.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Choose a new password")
    assert_govuk_page(page)
    page.get_by_label("New password", exact=True).fill("short")
    page.get_by_label("Confirm new password").fill("short")
    submit(page, "Save password")
    expect(page).to_have_title(re.compile(r"^Error:"))
    assert_govuk_page(page)
    page.get_by_label("New password", exact=True).fill(PASSWORD)
    page.get_by_label("Confirm new password").fill(PASSWORD)
    submit(page, "Save password")
    assert_govuk_page(page)

    # First sign-in: password, then set up the authenticator app
    page.get_by_role("button", name="Sign in").click()
    page.get_by_label("Email address").fill("nova.worker@example.org")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    submit(page, "Sign in")
    # allauth asks for the password again before a second factor is added
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm your password")
    assert_govuk_page(page)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    submit(page, "Continue")
    expect(page.get_by_role("heading", level=1)).to_have_text("Set up two-factor authentication")
    assert_govuk_page(page)
    key = page.locator("code.haven-code")
    secret = key.inner_text().strip()
    assert re.fullmatch(r"[A-Z2-7]+", secret)  # the key, not "<code ...>" markup
    page.get_by_label("Code from your authenticator app").fill(code_for(secret))
    submit(page, "Turn on two-factor authentication")
    assert_govuk_page(page)  # recovery codes

    for path in ("/accounts/2fa/", "/accounts/email/", "/accounts/password/change/"):
        page.goto(f"{base}{path}")
        assert_govuk_page(page)
    page.goto(f"{base}/accounts/2fa/recovery-codes/generate/")
    assert_govuk_page(page)

    # Sign out, and in again with a code
    submit(page, "Sign out")
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Email address").fill("nova.worker@example.org")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    submit(page, "Sign in")
    expect(page.get_by_role("heading", level=1)).to_have_text("Enter your security code")
    assert_govuk_page(page)
    page.get_by_label("Security code").fill(code_for(secret))
    submit(page, "Continue")
    expect(page).to_have_url(f"{base}/")


def test_manage_staff_pages_are_accessible(live_server, page, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.HAVEN_EMAIL_CONFIGURED = False
    personas = build_personas()
    sign_in(page, live_server, personas.administrator)
    base = live_server.url

    page.goto(f"{base}/")
    page.get_by_role("link", name="Manage staff").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Manage staff")
    assert_govuk_page(page)

    page.get_by_role("button", name="Invite a member of staff").click()
    assert_govuk_page(page)
    submit(page, "Create account")
    expect(page).to_have_title(re.compile(r"^Error:"))
    assert_govuk_page(page)
    page.get_by_label("Full name").fill("Ivy Newcomer")
    page.get_by_label("Work email address").fill("ivy.newcomer@example.org")
    page.get_by_label("Caseworker", exact=True).check()
    page.get_by_label("Team", exact=True).select_option(label=f"Outreach ({personas.organisation})")
    submit(page, "Create account")
    expect(page.get_by_text("Mail is not configured")).to_be_visible()
    assert_govuk_page(page)

    page.get_by_role("link", name="View their account").click()
    assert_govuk_page(page)
    page.get_by_role("button", name="Add a role").click()
    assert_govuk_page(page)
    page.go_back()
    page.get_by_role("link", name="Deactivate this account").click()
    assert_govuk_page(page)
    submit(page, "Deactivate")
    expect(page).to_have_title(re.compile(r"^Error:"))
    assert_govuk_page(page)
    page.get_by_label("Reason").fill("Invited by mistake")
    submit(page, "Deactivate")
    expect(page.get_by_text("Deactivated", exact=True)).to_be_visible()
    assert_govuk_page(page)
