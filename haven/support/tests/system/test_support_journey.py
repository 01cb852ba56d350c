"""Issue 11: the support journey in a real browser, with JavaScript and without it. A Wokingham
referral is accepted and the case engaged; the caseworker begins a needs assessment, saves it as
a draft, continues it from the case page and records it, agrees a
support plan, records a support session, reviews the plan, asks the outcome questions at intake
and exit, closes the case with its exit reason and records the 6-month follow-up with its
satisfaction survey (seed 003 s13: outcomes at entry and exit, planned departures, satisfaction;
s14 follow-ups). With JavaScript, axe (WCAG 2.2 AA) reports no violations on any page visited."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from haven.casework.models import Case, CaseState
from haven.followups.models import FollowUpContact, Survey
from haven.outcomes.models import OutcomeAssessment
from haven.people.models import SafeContact
from haven.plans.models import PlanReview, SupportPlan
from haven.referrals.models import Decision
from haven.support.models import SupportSession
from haven.testing.browser import assert_accessible, fill_moment, sign_in, submit
from haven.testing.casework import CaseworkPersonFactory, ReferralFactory
from haven.testing.fixtures import profile_contract
from haven.testing.personas import build_personas

pytestmark = [pytest.mark.system, pytest.mark.django_db(transaction=True)]


def answer_every_question(page, score: str) -> None:
    """Tick `score` in every outcome question's radios (the first option where it has none)."""
    names = page.locator('main input[type=radio][name^="score_"]').evaluate_all(
        "els => [...new Set(els.map(e => e.name))]"
    )
    for name in names:
        choice = page.locator(f'input[name="{name}"][value="{score}"]')
        if choice.count() == 0:
            choice = page.locator(f'input[name="{name}"]').first
        choice.check()


def walk_the_support_journey(live_server, page, *, check=assert_accessible) -> None:
    personas = build_personas()
    contract = profile_contract("wokingham-da-2017", personas.organisation)
    person = CaseworkPersonFactory(organisation=personas.organisation, local_authority="Wokingham")
    SafeContact.objects.create(person=person, safe_phone="07700 900123", voicemail_allowed=False)
    referral = ReferralFactory(contract=contract, person=person, decision=Decision.PENDING)
    sign_in(page, live_server, personas.caseworker)
    base = live_server.url

    # The referral, accepted: the case opens
    page.goto(f"{base}/referrals/{referral.pk}/")
    check(page)
    submit(page, "Accept and open a case")
    case = Case.objects.get(referral=referral)
    expect(page).to_have_url(re.compile(rf"/cases/{case.pk}/$"))
    check(page)

    # Support starts: the case is engaged
    page.get_by_role("link", name="Change state").click()
    check(page)
    page.get_by_label("Engaged").check()
    submit(page, "Change state")
    case.refresh_from_db()
    assert case.state == CaseState.ENGAGED

    # The needs assessment: begun, saved as a draft, continued from the case page
    page.get_by_role("link", name="Record a needs assessment").click()
    check(page)
    page.locator('textarea[name="summary"]').fill("Synthetic: housing and confidence")
    submit(page, "Save as draft")
    expect(page).to_have_url(re.compile(rf"/cases/{case.pk}/$"))
    page.get_by_role("link", name="Continue: Record a needs assessment").click()
    expect(page.locator('textarea[name="summary"]')).to_have_value(
        "Synthetic: housing and confidence"
    )
    check(page)
    fill_moment(page, "assessed_at")
    page.locator('input[name="stage"][value="initial"]').check()
    submit(page, "Save")
    assert case.needs_assessments.count() == 1

    # The support plan, agreed from the case page
    page.goto(f"{base}/cases/{case.pk}/")
    page.get_by_role("link", name="Agree a support plan").click()
    check(page)
    page.get_by_role("button", name=re.compile("Save|Agree")).first.click()
    expect(page).to_have_title(re.compile(r"^Error:"))
    check(page)
    page.locator(f'input[name="person"][value="{person.pk}"]').check()
    fill_moment(page, "agreed_at")
    # Wokingham's profile scores no needs areas, so the goal's area is in the worker's words
    page.locator('input[name="area_1"]').fill("Housing")
    page.locator('[name="goal_1"]').fill("Synthetic: a safe, settled home")
    page.get_by_role("button", name=re.compile("Save|Agree")).first.click()
    page.wait_for_load_state()
    plan = SupportPlan.objects.get(case=case)
    check(page)

    # A support session
    page.goto(f"{base}/cases/{case.pk}/")
    page.get_by_role("link", name="Record a support session").click()
    check(page)
    fill_moment(page, "delivered_at")
    page.locator('input[name="mode"][value="face_to_face"]').check()
    page.locator('input[name="duration_minutes"]').fill("50")
    page.locator('input[name="covered"][value="safety_planning"]').check()
    submit(page, "Save")
    assert SupportSession.objects.filter(case=case, duration_minutes=50).exists()
    check(page)

    # The plan reviewed
    page.goto(base + reverse("plans:detail", args=[case.pk, plan.pk]))
    check(page)
    page.get_by_role("link", name="Review the plan").click()
    check(page)
    fill_moment(page, "reviewed_at")
    page.locator('textarea[name="what_changed"]').fill("Synthetic: viewed two flats")
    page.get_by_role("button", name=re.compile("Save")).first.click()
    page.wait_for_load_state()
    assert PlanReview.objects.filter(plan=plan).count() == 1

    # Outcome questions at intake and exit, each through its check answers page
    for stage, score in (("Intake", "2"), ("Exit", "4")):
        page.goto(f"{base}/cases/{case.pk}/")
        page.get_by_role("link", name="Record an outcome assessment").click()
        check(page)
        page.get_by_role("link", name=re.compile(rf"^{stage}")).first.click()
        check(page)
        fill_moment(page, "asked_at")
        page.locator('input[name="answered"]').first.check()
        answer_every_question(page, score)
        submit(page, "Save")  # to the check answers page
        expect(page.get_by_role("button", name="Change your answers")).to_be_visible()
        check(page)
        submit(page, "Save")
    assert OutcomeAssessment.objects.filter(case=case).count() == 2
    page.goto(base + reverse("outcomes:history", args=[case.pk]))
    check(page)

    # Closure: a planned exit, its reason, the exit risk assessment overridden with a reason
    page.goto(f"{base}/cases/{case.pk}/")
    page.get_by_role("link", name="Close case").click()
    check(page)
    page.get_by_label("Planned exit", exact=True).check()
    page.locator('input[name="exit_reason"][value="support_goals_met"]').check()
    page.get_by_label("Reason for closing").fill("Synthetic: support plan goals met")
    for override in page.locator("textarea[name^=override_]").all():
        override.fill("Synthetic: done by the partner agency")
    submit(page, "Close case")
    case.refresh_from_db()
    assert case.state == CaseState.CLOSED
    assert case.exit_reason == "support_goals_met"
    check(page)

    # The 6-month follow-up, made for itself, and its survey
    page.get_by_role("link", name=re.compile("^Record the follow-up")).first.click()
    check(page)
    fill_moment(page, "attempted_at")
    page.locator('input[name="channel"][value="phone"]').check()
    page.locator('input[name="direction"][value="outbound"]').check()
    page.locator('input[name="outcome"][value="reached"]').check()
    submit(page, "Save")
    assert page.locator(".govuk-error-summary").count() == 0, page.locator("main").inner_text()
    assert FollowUpContact.objects.filter(task__case=case).count() == 1
    check(page)
    fill_moment(page, "asked_at")
    page.locator('input[name="took_part"][value="answered"]').check()
    questions = page.locator('main input[type=radio]:not([name="took_part"])').evaluate_all(
        "els => [...new Set(els.map(e => e.name))]"
    )
    assert questions
    for name in questions:
        page.locator(f'input[name="{name}"][value="yes"]').check()
    submit(page, "Save the survey")
    assert page.locator(".govuk-error-summary").count() == 0, page.locator("main").inner_text()
    survey = Survey.objects.get(case=case)
    assert survey.answers.exists()
    check(page)

    # One timeline of it all
    page.goto(f"{base}/cases/{case.pk}/")
    check(page)
    timeline = page.locator("#timeline").locator("xpath=following-sibling::ol").inner_text()
    for entry in ("Support plan agreed", "Support plan reviewed", "Case closed (planned exit"):
        assert entry in timeline, entry


def test_the_support_journey_with_javascript(live_server, page):
    walk_the_support_journey(live_server, page)


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_the_support_journey_without_javascript(live_server, page):
    """The same pages work as plain HTML forms. axe is a script, so it runs in the test with
    JavaScript; here each page is checked to have loaded without an error page instead."""
    walk_the_support_journey(live_server, page, check=_loaded_without_error)


def _loaded_without_error(page) -> None:
    page.wait_for_load_state("load")
    assert page.locator("h1").count() == 1, page.url
