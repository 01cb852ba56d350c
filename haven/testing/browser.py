"""Browser-test helpers: Debian's Chromium for Playwright, and axe for WCAG 2.2 AA."""

from __future__ import annotations

import os
import shutil
from datetime import datetime
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

CHROMIUM = os.environ.get("HAVEN_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def chromium_available() -> bool:
    return os.path.exists(CHROMIUM) or shutil.which("chromium") is not None


# What Chromium says when axe starts on a page that a click has just begun to replace: the
# old document is gone and the new one is not there yet (CI saw it once, on a loaded machine).
_NAVIGATING = ("reading 'documentElement'", "Execution context was destroyed", "navigation")


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """Run axe on the page for WCAG 2.2 AA and return its violations (empty when clean).

    It waits for the page to finish loading first, and runs again (up to three times) when a
    navigation that a click set off replaced the document under axe."""
    from playwright.sync_api import Error as PlaywrightError

    options = {"runOnly": {"type": "tag", "values": WCAG_22_AA}}
    for attempt in range(3):
        page.wait_for_load_state("load")
        try:
            results = Axe().run(page, options=options)
        except PlaywrightError as error:
            if attempt == 2 or not any(text in str(error) for text in _NAVIGATING):
                raise
            page.wait_for_timeout(250)
            continue
        return list(results.response["violations"])
    raise AssertionError("unreachable")  # pragma: no cover


def assert_accessible(page: Any) -> None:
    violations = axe_violations(page)
    summary = [
        f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes']][:5]}"
        for v in violations
    ]
    assert violations == [], f"axe found WCAG 2.2 AA violations on {page.url}:\n" + "\n".join(
        summary
    )


# Fixtures for pytest-playwright: every `tests/system/conftest.py` re-exports these two.
@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    if not chromium_available():
        if os.environ.get("CI"):
            pytest.fail(f"Chromium is required in CI for system tests ({CHROMIUM} is missing)")
        pytest.skip(f"Chromium not installed at {CHROMIUM}: apt-get install chromium")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": CHROMIUM_FLAGS,
        "headless": True,
    }


def sign_in(page: Any, live_server: Any, user: Any) -> None:
    """Sign `user` in for the browser page: a session made by Django's test client, as a cookie."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    name = settings.SESSION_COOKIE_NAME
    page.context.add_cookies(
        [{"name": name, "value": client.cookies[name].value, "url": live_server.url}]
    )


def fill_moment(page: Any, prefix: str, when: datetime | None = None, *, time: bool = True) -> None:
    """A GOV.UK date (and time) input set to `when` (this minute by default)."""
    from django.utils import timezone

    when = timezone.localtime(when or timezone.now())
    parts = {"day": when.day, "month": when.month, "year": when.year}
    if time:
        parts |= {"hour": when.hour, "minute": when.minute}
    for part, value in parts.items():
        page.locator(f'input[name="{prefix}-{part}"]').fill(str(value))


def submit(page: Any, name: str) -> None:
    """Press the page's main button called `name` and wait for the next page."""
    page.locator("main").get_by_role("button", name=name, exact=True).click()
    page.wait_for_load_state()


def no_errors(page: Any) -> None:
    """The page shows no error summary (the main column's text says why when it does)."""
    assert page.locator(".govuk-error-summary").count() == 0, page.locator("main").inner_text()


def switch_to(page: Any, live_server: Any, user: Any) -> None:
    """Sign out whoever is signed in and sign `user` in."""
    page.context.clear_cookies()
    sign_in(page, live_server, user)


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {
        **browser_context_args,
        "locale": "en-GB",
        "timezone_id": "Europe/London",
        "viewport": {"width": 1280, "height": 900},
    }
