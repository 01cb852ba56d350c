"""A member of staff signs in with password and TOTP; the home page has no WCAG 2.2 AA violations."""

import os
import re
import time
from pathlib import Path

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from allauth.mfa.utils import decrypt
from playwright.sync_api import expect

from haven.testing.browser import assert_accessible
from haven.testing.factories import TEST_PASSWORD
from haven.testing.personas import build_personas

SCREENSHOT = Path(__file__).resolve().parents[4] / "docs" / "images" / "staff-home.png"

pytestmark = [pytest.mark.system, pytest.mark.django_db(transaction=True)]


def totp_code(user):
    """The current code, taken early enough in its 30-second period to be checked within it.

    allauth accepts only the current period (MFA_TOTP_TOLERANCE 0): a code read in the last
    seconds of a period can expire before the browser submits it.
    """
    period = 30
    if time.time() % period > period - 8:
        time.sleep(period - time.time() % period + 0.5)
    secret = decrypt(
        Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP).data["secret"]
    )
    return format_hotp_value(hotp_value(secret, next(iter(yield_hotp_counters_from_time()))))


def test_staff_sign_in_with_mfa_and_home_page_is_accessible(live_server, page):
    personas = build_personas()
    user = personas.team_leader

    page.goto(f"{live_server.url}/")
    expect(page).to_have_title(re.compile(r"Sign\ in"))
    assert_accessible(page)
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    page.get_by_label("Security code").fill(totp_code(user))
    assert_accessible(page)
    page.get_by_role("button", name="Continue").click()

    page.wait_for_url(f"{live_server.url}/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Hello")
    assert page.locator(".govuk-generic-header").inner_text().strip().startswith("Haven")
    assert_accessible(page)
    # The README's screenshot: refreshed with HAVEN_UPDATE_SCREENSHOTS=1 (or when missing), so an
    # ordinary run does not rewrite a tracked file.
    if os.environ.get("HAVEN_UPDATE_SCREENSHOTS") == "1" or not SCREENSHOT.exists():
        page.screenshot(path=str(SCREENSHOT), full_page=True)
    else:
        assert page.screenshot(full_page=True)


def test_wrong_password_shows_an_accessible_error_summary(live_server, page):
    personas = build_personas()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email address").fill(personas.caseworker.email)
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_title(re.compile(r"^Error:"))
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)
