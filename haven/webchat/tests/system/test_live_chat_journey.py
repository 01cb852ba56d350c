"""Issue 14 item 4 in real browsers: a person and a caseworker chat live, each in their own
browser context, over WebSockets (seed 002 Lot 1 s3.6: self-referral "with secure web chat
booked within 5 working days"). Haven's ASGI application runs in uvicorn in this process (the
live_server fixture is WSGI: no WebSockets), on the test database. The person enters the code,
consents, waits; the caseworker sees them waiting from the navigation, takes the chat; messages
go both ways without a reload; the caseworker ends the chat and the person's page says so.
Every page is checked with axe (WCAG 2.2 AA)."""

from __future__ import annotations

import socket
import threading
import time
from datetime import timedelta
from types import SimpleNamespace

import pytest
import uvicorn
from django.utils import timezone
from playwright.sync_api import expect

from haven.portal.codes import code_hash, new_code
from haven.portal.models import ChatBooking
from haven.testing.browser import assert_accessible, sign_in, submit
from haven.testing.personas import build_personas

pytestmark = [pytest.mark.system, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def asgi_server(transactional_db):
    from haven.asgi import application

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(
        application, host="127.0.0.1", port=port, lifespan="off", log_level="warning", ws="auto"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)  # a poll interval
    assert server.started, "uvicorn did not start"
    yield SimpleNamespace(url=f"http://127.0.0.1:{port}")
    server.should_exit = True
    thread.join(timeout=10)


def test_a_person_and_a_caseworker_chat_live(asgi_server, page, browser, browser_context_args):
    personas = build_personas()
    code = new_code()
    now = timezone.now()
    booking = ChatBooking.objects.create(
        contract=personas.contract,
        starts_at=now,
        ends_at=now + timedelta(minutes=30),
        code_hash=code_hash(code),
        consent_to_transcript=True,
    )
    base = asgi_server.url
    check = assert_accessible

    # 1. The person enters the code, keeps the transcript consent, and waits
    page.goto(f"{base}/chat/")
    check(page)
    expect(page.locator(".govuk-exit-this-page")).to_be_visible()
    page.get_by_label("Your chat code").fill(code)
    submit(page, "Continue")
    check(page)
    expect(page.get_by_label("Yes")).to_be_checked()
    submit(page, "Start the chat")
    expect(page.locator("[data-chat-connected=websocket]")).to_be_attached()
    expect(page.locator("[data-chat-status]")).to_contain_text("Waiting for a caseworker")
    check(page)

    # 2. The caseworker, in another browser, sees them waiting and takes the chat
    staff_context = browser.new_context(**browser_context_args)
    staff = staff_context.new_page()
    sign_in(staff, asgi_server, personas.caseworker)
    staff.goto(f"{base}/")
    staff.get_by_role("link", name="Web chats").first.click()
    expect(staff.get_by_text("1 person is waiting.")).to_be_visible()
    check(staff)
    staff.get_by_role("button", name="Take chat").first.click()
    staff.wait_for_load_state()
    expect(staff.locator("[data-chat-connected=websocket]")).to_be_attached()
    check(staff)
    expect(page.locator("[data-chat-status]")).to_contain_text("A caseworker has joined")

    # 3. Messages both ways, live
    page.get_by_label("Your message").fill("Hello, is it safe to talk here?")
    page.get_by_role("button", name="Send").click()
    expect(staff.locator("[data-chat-messages]")).to_contain_text("is it safe to talk here?")
    staff.get_by_label("Your message").fill("Yes, this chat is private.")
    staff.get_by_role("button", name="Send").click()
    expect(page.locator("[data-chat-messages]")).to_contain_text("this chat is private")
    check(page)
    check(staff)

    # 4. The caseworker ends the chat; the person's page says so
    staff.get_by_role("button", name="End chat").click()
    staff.wait_for_load_state()
    expect(staff.locator("main")).to_contain_text("The chat has ended")
    expect(staff.locator("main")).to_contain_text("this chat is private")  # the transcript
    expect(page.locator("[data-chat-status]")).to_contain_text("The chat has ended")
    check(page)
    booking.refresh_from_db()
    assert booking.status == "ended"
    assert booking.chat_messages.count() == 2
    staff_context.close()
