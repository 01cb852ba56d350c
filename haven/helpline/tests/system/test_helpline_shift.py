"""Issue 16 item 4: a helpline shift. A caseworker opens the helpline from the home page, logs two
calls from the keyboard-friendly form (the second with a call-back booked and a safe-contact
note), finds the call-back on the home page and the call-backs list, and marks it done. axe (WCAG
2.2 AA) reports no violations on any page visited; the number and the note never reach a URL."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from haven.helpline.models import CallBack, HelplineCall
from haven.testing.browser import assert_accessible, fill_moment, no_errors, sign_in, submit
from haven.testing.fixtures import profile_contract
from haven.testing.personas import build_personas

pytestmark = [pytest.mark.system, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def world(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    personas = build_personas()
    contract = profile_contract("wokingham-da-2017", personas.organisation)
    return personas, contract


def _log_call(page, contract, *, caller, outcomes, minutes):
    page.get_by_label("Service", exact=True).select_option(label=contract.name)
    page.get_by_label(caller, exact=True).check()
    page.get_by_label("Length of the call in minutes").fill(str(minutes))
    for outcome in outcomes:
        page.get_by_label(outcome, exact=True).check()


def test_a_shift_logs_two_calls_and_completes_the_call_back(live_server, page, world):
    personas, contract = world
    base = live_server.url
    sign_in(page, live_server, personas.caseworker)

    page.goto(f"{base}/")
    assert_accessible(page)
    page.get_by_role("link", name="Log a helpline call").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Helpline: log a call")
    assert_accessible(page)

    # The first call: a professional, information given; the form keeps the keyboard's order
    _log_call(
        page,
        contract,
        caller="Professional",
        outcomes=["Information given", "Signposted to another service"],
        minutes=7,
    )
    page.get_by_label("Length of the call in minutes").focus()
    page.keyboard.press("Enter")  # submits the form from the keyboard
    page.wait_for_load_state()
    no_errors(page)
    expect(page.get_by_text("Call logged")).to_be_visible()
    assert_accessible(page)

    # A call-back booked without its number: the error names the field, nothing is saved
    _log_call(
        page, contract, caller="Victim or survivor", outcomes=["Call-back booked"], minutes=12
    )
    submit(page, "Log the call")
    expect(page).to_have_title(re.compile(r"^Error:"))
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter when to call back")
    assert_accessible(page)
    assert HelplineCall.objects.count() == 1

    # The second call, with its call-back due in two hours and a safe-contact note
    page.get_by_label("Service", exact=True).select_option(label=contract.name)
    fill_moment(page, "call_back_due", timezone.now() + dt.timedelta(hours=2))
    page.get_by_label("Number to call back").fill("07700 900321")
    page.get_by_label("No, never leave a message").check()
    page.get_by_label("Safe-contact note").fill("Partner may answer: say it is the surgery")
    submit(page, "Log the call")
    no_errors(page)
    expect(page.get_by_text("Call logged")).to_be_visible()
    assert "07700" not in page.url
    assert HelplineCall.objects.count() == 2
    call_back = CallBack.objects.get()

    # Home: the call-back is on the list; the call-backs page opens it
    page.goto(f"{base}/")
    expect(page.get_by_role("link", name="Call-backs due")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Call-backs due").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Call-backs due")
    assert "07700" not in page.content()
    assert_accessible(page)
    page.locator(f'a[href="/helpline/call-backs/{call_back.pk}/"]').first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Call-back")
    expect(page.get_by_text("07700 900321")).to_be_visible()
    expect(page.get_by_text("No: never leave a message")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Done: we spoke to the caller").check()
    submit(page, "Save")
    no_errors(page)
    expect(page.get_by_text("Call-back updated")).to_be_visible()
    expect(page.get_by_text("No call-backs are due.")).to_be_visible()
    assert_accessible(page)
    call_back.refresh_from_db()
    assert call_back.status == "done"
    assert call_back.closed_by == personas.caseworker

    # The call log shows both calls
    page.get_by_role("link", name="Call log").click()
    expect(page.get_by_text("2 calls, newest first")).to_be_visible()
    assert_accessible(page)
