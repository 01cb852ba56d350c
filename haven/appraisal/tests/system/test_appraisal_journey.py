"""Issue 16: the 360-degree appraisal in a real browser (seed 001 s14). The analyst sets up a
round for Leicester's victim/survivor service from the home page, makes a one-time link for a
stakeholder; the stakeholder, not signed in, answers through it (anonymous) and the link then
refuses a second use; the results show the answer by group; "you said, we did" records
feedback and its action. Every page is axe-clean (WCAG 2.2 AA)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from haven.appraisal.models import AppraisalResponse, FeedbackItem
from haven.testing.browser import assert_accessible, fill_moment, no_errors, sign_in, submit
from haven.testing.fixtures import profile_contract
from haven.testing.personas import build_personas

pytestmark = [pytest.mark.system, pytest.mark.django_db(transaction=True)]


def test_round_link_anonymous_answer_results_and_you_said_we_did(live_server, page, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    check = assert_accessible
    personas = build_personas()
    contract = profile_contract("leicester-victim-survivor-2012", personas.organisation)
    base = live_server.url

    # 1. The analyst sets up a round from the home page
    sign_in(page, live_server, personas.analyst)
    page.goto(f"{base}/")
    page.get_by_role("link", name="Stakeholder appraisal").click()
    check(page)
    page.get_by_role("link", name=re.compile(f"Set up a round.*{re.escape(contract.name)}")).click()
    check(page)
    page.get_by_label("Title").fill("360-degree appraisal 2026")
    fill_moment(page, "opens_on", time=False)
    fill_moment(page, "closes_on", timezone.now() + dt.timedelta(days=30), time=False)
    submit(page, "Save")
    no_errors(page)
    check(page)

    # 2. A one-time link for a stakeholder, shown once
    page.get_by_role("link", name="Make one-time links for respondents").click()
    check(page)
    page.locator('input[name="group"][value="stakeholder"]').check()
    page.get_by_label("How many links?").fill("1")
    submit(page, "Make links")
    no_errors(page)
    check(page)
    link = page.locator("#links code").first.inner_text()

    # 3. The stakeholder answers without signing in; the link then refuses a second use
    stakeholder = page.context.browser.new_page()
    stakeholder.goto(link)
    check(stakeholder)
    stakeholder.get_by_role(
        "group", name="I feel confident in the expertise of the service's staff"
    ).get_by_label("Strongly agree").check()
    stakeholder.get_by_role("button", name="Send answers").click()
    stakeholder.wait_for_load_state()
    expect(stakeholder.locator("h1")).to_have_text("Thank you")
    check(stakeholder)
    stakeholder.goto(link)
    expect(stakeholder.locator("main")).to_contain_text("used already")
    check(stakeholder)
    response = AppraisalResponse.objects.get()
    assert (response.group, response.source, response.entered_by) == ("stakeholder", "link", None)

    # 4. The results, by group
    page.reload()
    page.get_by_role("link", name="Back to the round").click()
    check(page)
    expect(page.locator("#results")).to_contain_text("1 of 1")

    # 5. You said, we did
    page.get_by_role("link", name="Back to the appraisal").click()
    page.get_by_role("link", name="You said, we did: feedback and actions").click()
    check(page)
    page.get_by_role(
        "link", name=re.compile(f"Record feedback.*{re.escape(contract.name)}")
    ).click()
    check(page)
    page.get_by_label("You said").fill("Synthetic: evening appointments, please")
    fill_moment(page, "received_on", time=False)
    submit(page, "Save")
    no_errors(page)
    check(page)
    page.get_by_role("link", name=re.compile("Record the action")).click()
    check(page)
    page.get_by_label("We did").fill("Synthetic: Thursday evening sessions started")
    fill_moment(page, "acted_on", time=False)
    submit(page, "Save")
    no_errors(page)
    assert FeedbackItem.objects.get().acted_on == timezone.localdate()
