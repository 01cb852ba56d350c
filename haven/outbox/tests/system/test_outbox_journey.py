"""Issue 14 item 9 in a real browser: a caseworker opens a Victim First case whose person chose
email, follows the same-day email duty's link to the outbox (seed 002 s3.7), previews the
first-contact email with the safe-contact check, sends it through the offline Notify fake, and
sees the duty met and the message on the case. A second case with nothing recorded shows the
block and its reasons. Every page is axe-clean (WCAG 2.2 AA)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from haven.casework.models import TaskStatus
from haven.casework.services import case_open_from_referral
from haven.outbox.models import Message, MessageStatus
from haven.outbox.notify import FAKE
from haven.outbox.tests.conftest import make_safe
from haven.testing.browser import assert_accessible, no_errors, sign_in, submit
from haven.testing.casework import CaseworkPersonFactory, ReferralFactory
from haven.testing.fixtures import profile_contract
from haven.testing.personas import build_personas

pytestmark = [pytest.mark.system, pytest.mark.django_db(transaction=True)]


def _case(personas, contract, method):
    person = CaseworkPersonFactory(organisation=personas.organisation)
    return case_open_from_referral(
        referral=ReferralFactory(
            contract=contract,
            person=person,
            contact_method=method,
            received_at=timezone.now() - dt.timedelta(hours=1),
        ),
        opened_by=personas.caseworker,
        team=personas.team,
        allocated_to=personas.caseworker,
    )


def test_a_first_contact_email_sent_from_the_case(live_server, page, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    FAKE.sent.clear()
    check = assert_accessible
    personas = build_personas()
    contract = profile_contract("victim-first-2018", personas.organisation)
    case = _case(personas, contract, "email")
    make_safe(case.person)
    base = live_server.url

    # 1. From the same-day email duty on the case page to the outbox, the message chosen
    sign_in(page, live_server, personas.caseworker)
    page.goto(f"{base}/cases/{case.pk}/")
    check(page)
    page.get_by_role("link", name=re.compile("Send it from the outbox")).first.click()
    check(page)
    expect(page.locator('input[value="first_contact:email"]')).to_be_checked()
    page.get_by_role("button", name="Preview the message").click()
    no_errors(page)
    check(page)

    # 2. The preview says the check allows it and where it goes; sending hands it to Notify
    expect(page.get_by_text("The safe-contact check allows this email")).to_be_visible()
    expect(page.get_by_text("synthetic.person@example.org")).to_be_visible()
    submit(page, "Send the message")
    no_errors(page)
    check(page)
    expect(page.locator("#message-status")).to_contain_text("Sent")
    message = Message.objects.get(case=case)
    assert message.status == MessageStatus.SENT
    assert [sent["to"] for sent in FAKE.sent] == ["synthetic.person@example.org"]

    # 3. seed 002 s3.7: the same-day email duty is met, and the message is on the case page
    assert case.tasks.get(rule_key="first_contact_email").status == TaskStatus.MET
    page.get_by_role("link", name="Back to the case").click()
    check(page)
    expect(page.get_by_role("heading", name="Letters, emails and texts")).to_be_visible()

    # 4. Nothing recorded for another person: the text is blocked, with the reasons
    other = _case(personas, contract, "sms")
    page.goto(f"{base}/outbox/cases/{other.pk}/send/")
    page.locator('input[value="first_contact:sms"]').check()
    page.get_by_role("button", name="Preview the message").click()
    check(page)
    expect(page.locator("#blocked-reasons")).to_contain_text("Text messages are not allowed")
    submit(page, "Record it as blocked")
    check(page)
    expect(page.locator("#blocked-reasons")).to_contain_text("No safe phone number is recorded")
    assert Message.objects.get(case=other).status == MessageStatus.BLOCKED
    assert len(FAKE.sent) == 1
