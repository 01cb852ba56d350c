"""Issue 13: a refuge stay in a real browser, on Cornwall's men's refuge contract (seed 004).
A service manager adds the refuge and a room from the navigation; the caseworker, from the case
opened from a referral, records the move-in (licence signed, a child moving in with him), which
sets the arrival duties (risk assessment on arrival, comprehensive assessment and support plan
within 2 weeks, review by week 10, risk at weeks 10-12: s4.2, s7.5) and the 20-week limit
(s7.3); the stay passes 20 weeks and the caseworker records the exception (reason, exit plan,
review timetable, commissioner told), then the move-out (destination, planned). Every page is
reached through links and buttons and axe (WCAG 2.2 AA) reports no violations on it."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from haven.casework.models import Task
from haven.casework.services import case_open_from_referral
from haven.refuge.models import Property, Stay, StayExtension
from haven.testing.browser import (
    assert_accessible,
    fill_moment,
    no_errors,
    sign_in,
    submit,
    switch_to,
)
from haven.testing.casework import CaseworkPersonFactory, ReferralFactory
from haven.testing.fixtures import profile_contract
from haven.testing.people import HouseholdLinkFactory
from haven.testing.personas import build_personas

pytestmark = [pytest.mark.system, pytest.mark.django_db(transaction=True)]


def test_referral_move_in_duties_20_week_exception_and_move_out(live_server, page, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    check = assert_accessible
    personas = build_personas()
    contract = profile_contract("cornwall-mens-refuge-2021", personas.organisation)
    person = CaseworkPersonFactory(organisation=personas.organisation)
    child = HouseholdLinkFactory(person=person).member
    # the referral was received and accepted 22 weeks ago: he moved in a week later
    case = case_open_from_referral(
        referral=ReferralFactory(contract=contract, person=person),
        opened_by=personas.caseworker,
        team=personas.team,
        allocated_to=personas.caseworker,
    )
    case.opened_at = timezone.now() - dt.timedelta(weeks=22)
    case.save(update_fields=["opened_at"])
    base = live_server.url

    # 1. The service manager adds the refuge and a room, from the navigation
    sign_in(page, live_server, personas.service_manager)
    page.goto(f"{base}/")
    page.get_by_role("link", name="Refuge rooms").first.click()
    check(page)
    page.get_by_role("link", name="Manage properties and rooms").click()
    check(page)
    page.get_by_role("link", name="Add a property").click()
    check(page)
    page.get_by_label("Name", exact=True).fill("Synthetic Harbour House")
    page.locator('input[name="kind"][value="refuge"]').check()
    page.locator('input[name="takes"][value="men_only"]').check()
    page.get_by_label("Area (optional)").fill("Cornwall")
    page.locator('input[name="in_commissioner_area"][value="yes"]').check()
    page.locator(f'input[name="contracts"][value="{contract.pk}"]').check()
    submit(page, "Save")
    no_errors(page)
    refuge = Property.objects.get(name="Synthetic Harbour House")
    check(page)
    page.get_by_role("link", name="Add a room").click()
    check(page)
    page.get_by_label("Room name").fill("Room 1")
    page.get_by_label("Number of bedrooms").fill("2")
    submit(page, "Save")
    no_errors(page)
    room = refuge.rooms.get(name="Room 1")
    assert room.children_allowed
    check(page)

    # 2. The caseworker records the move-in from the case page (seed 004 s4.2, s7.5)
    switch_to(page, live_server, personas.caseworker)
    page.goto(f"{base}/cases/{case.pk}/")
    check(page)
    page.get_by_role("link", name="Record moving in").click()
    check(page)
    moved_in = timezone.now() - dt.timedelta(weeks=21)
    page.get_by_label("Which room?").select_option(str(room.pk))
    fill_moment(page, "moved_in_at", moved_in)
    page.locator('input[name="agreement"][value="licence"]').check()
    fill_moment(page, "agreement_signed_on", moved_in, time=False)
    page.locator(f'input[name="household_members"][value="{child.pk}"]').check()
    submit(page, "Record moving in")
    no_errors(page)
    stay = Stay.objects.get(case=case)
    assert list(stay.household_members.all()) == [child]
    expect(page).to_have_url(re.compile(rf"/cases/{case.pk}/$"))
    check(page)

    # 3. The duties from moving in are on the case, the 20-week limit among them (s7.3)
    duties = {t.rule_key: t for t in Task.objects.filter(case=case)}
    for key in (
        "risk_assessment_arrival",
        "comprehensive_assessment",
        "support_plan",
        "support_plan_review_week_10",
        "risk_assessment_midpoint",
        "stay_limit",
    ):
        assert key in duties, key
    expect(page.get_by_role("heading", name="Duties from moving in")).to_be_visible()
    expect(page.locator("main li", has_text=duties["stay_limit"].label).first).to_be_visible()

    # 4. Past 20 weeks: the exception, with its exit plan, reviews and the commissioner told
    page.get_by_role("link", name="Record a stay past its limit").click()
    check(page)
    page.locator('input[name="reason"][value="no_move_on"]').check()
    page.get_by_label("Exit plan").fill("Synthetic: weekly bids on the housing register")
    page.get_by_label("Review timetable").fill("Every 2 weeks with the service manager")
    fill_moment(page, "commissioner_notified_on", time=False)
    submit(page, "Save")
    no_errors(page)
    extension = StayExtension.objects.get(stay=stay)
    assert extension.reason == "no_move_on"
    limit = Task.objects.get(case=case, rule_key="stay_limit")
    assert limit.completed_at is not None  # recorded late: the limit passed a week ago
    check(page)

    # the board shows the room occupied by the case (the caseworker may open it)
    page.get_by_role("link", name="Refuge rooms").first.click()
    expect(page.get_by_text(f"case {person.reference_code}")).to_be_visible()
    check(page)

    # 5. The move-out: where to, planned (seed 004 s4.2: resettlement support goes on)
    page.goto(f"{base}/cases/{case.pk}/")
    page.get_by_role("link", name="Record moving out").click()
    check(page)
    fill_moment(page, "moved_out_at")
    page.locator('input[name="destination"][value="social_housing"]').check()
    page.locator('input[name="planned_exit"][value="yes"]').check()
    submit(page, "Save")
    no_errors(page)
    stay.refresh_from_db()
    assert (stay.destination, stay.planned_exit) == ("social_housing", True)
    assert stay.moved_out_at is not None
    expect(page.get_by_text("Not living in the refuge now.")).to_be_visible()
    check(page)
