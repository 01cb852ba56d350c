"""Issue 12: from risk to a serious incident in a real browser, on Cornwall's men's refuge
contract (MARAC on high risk, seed 004 s4.2; Think Family and the SA/SC safeguarding measures,
s6.5 and s10; serious incidents reported within 3 days, s9). A team leader adds the MARAC area;
the caseworker completes a high-risk checklist, which puts a "MARAC referral" task on the case,
and records the referral from the case page; the team leader records the MARAC meeting from the
navigation, the case heard there, an action and its status; the caseworker records a referral
to children's social care and a serious incident from the case page; the team leader records
the report to the commissioner from the incident's page, which meets the deadline task. Every
page is reached through links and buttons and axe (WCAG 2.2 AA) reports no violations on it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from haven.casework.models import Task, TaskStatus
from haven.casework.services import case_open_from_referral
from haven.incidents.models import SeriousIncident
from haven.marac.models import MaracAction, MaracArea, MaracHearing, MaracMeeting, MaracReferral
from haven.risk.models import RiskAssessment
from haven.safeguarding.models import SafeguardingEvent
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
from haven.testing.personas import build_personas
from haven.testing.risk import KEYS

pytestmark = [pytest.mark.system, pytest.mark.django_db(transaction=True)]


def test_checklist_marac_meeting_safeguarding_and_serious_incident(live_server, page, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    check = assert_accessible
    personas = build_personas()
    contract = profile_contract("cornwall-mens-refuge-2021", personas.organisation)
    person = CaseworkPersonFactory(organisation=personas.organisation)
    case = case_open_from_referral(
        referral=ReferralFactory(contract=contract, person=person),
        opened_by=personas.caseworker,
        team=personas.team,
        allocated_to=personas.caseworker,
    )
    assert not Task.objects.filter(case=case, action="marac_referral").exists()
    base = live_server.url
    case_page = re.compile(rf"/cases/{case.pk}/$")

    # The team leader adds the MARAC area, from the navigation
    sign_in(page, live_server, personas.team_leader)
    page.goto(f"{base}/")
    page.get_by_role("link", name="MARAC meetings").first.click()
    check(page)
    page.get_by_role("link", name="Add a MARAC area").click()
    check(page)
    page.get_by_label("Name of the MARAC area").fill("Synthetic Cornwall")
    submit(page, "Save")
    no_errors(page)
    area = MaracArea.objects.get(organisation=personas.organisation)
    assert area.name == "Synthetic Cornwall"
    check(page)

    # 1. The caseworker completes a high-risk checklist: a MARAC referral task (seed 004 s4.2)
    switch_to(page, live_server, personas.caseworker)
    page.goto(f"{base}/cases/{case.pk}/")
    check(page)
    page.get_by_role("link", name="Complete the risk checklist").click()
    check(page)
    page.get_by_label("At referral").check()
    for index, key in enumerate(KEYS):
        value = "yes" if index < 14 else "no"
        page.locator(f'input[name="answer_{key}"][value="{value}"]').check()
    page.locator('input[name="professional_judgement"][value="no"]').check()
    submit(page, "Save and see the result")
    no_errors(page)
    assert RiskAssessment.objects.get(case=case).level == "high"
    expect(page.get_by_text("MARAC referral required")).to_be_visible()
    check(page)
    task = Task.objects.get(case=case, action="marac_referral")
    assert task.status == TaskStatus.OPEN
    page.goto(f"{base}/cases/{case.pk}/")
    expect(page.locator("main").get_by_text(task.label).first).to_be_visible()

    # 2. The MARAC referral, from the case page: the task is done
    page.get_by_role("link", name="Record a MARAC referral").click()
    check(page)
    page.get_by_label("Referring agency").select_option("idva")
    page.locator('input[name="criteria"][value="visible_high_risk"]').check()
    page.get_by_label("Summary for the MARAC (optional)").fill("Synthetic: threats to kill")
    page.locator('input[name="consent"][value="yes"]').check()
    page.locator('input[name="victim_aware"][value="yes"]').check()
    fill_moment(page, "referred_on", time=False)
    submit(page, "Save")
    no_errors(page)
    referral = MaracReferral.objects.get(case=case)
    assert referral.area == area
    task.refresh_from_db()
    assert task.status != TaskStatus.OPEN
    check(page)

    # 3. The team leader records the meeting, the case heard, an action and its status
    switch_to(page, live_server, personas.team_leader)
    page.goto(f"{base}/")
    page.get_by_role("link", name="MARAC meetings").first.click()
    page.get_by_role("link", name="Record a MARAC meeting").click()
    check(page)
    fill_moment(page, "held_on", time=False)
    for agency in ("police", "idva"):
        page.locator(f'input[name="agencies_present"][value="{agency}"]').check()
    page.locator('input[name="idva_attended"][value="yes"]').check()
    submit(page, "Save")
    no_errors(page)
    meeting = MaracMeeting.objects.get(area=area)
    check(page)
    page.get_by_role("link", name="Record a case heard").click()
    check(page)
    page.get_by_label("Which referred case was heard?").select_option(str(referral.pk))
    page.locator('input[name="idva_represented"][value="yes"]').check()
    page.get_by_label("Outcome (optional)").fill("Synthetic: safety plan shared")
    submit(page, "Save")
    no_errors(page)
    hearing = MaracHearing.objects.get(meeting=meeting, referral=referral)
    check(page)
    page.get_by_role("link", name=re.compile("^Add an action")).click()
    check(page)
    page.get_by_label("Which agency owns the action?").select_option("police")
    page.get_by_label("Action", exact=True).fill("Synthetic: flag the address")
    fill_moment(page, "due_on", time=False)
    submit(page, "Save")
    no_errors(page)
    action = MaracAction.objects.get(hearing=hearing)
    check(page)
    page.get_by_role("link", name=re.compile("^Update")).first.click()
    check(page)
    page.locator('input[name="status"][value="done"]').check()
    fill_moment(page, "status_on", time=False)
    submit(page, "Save")
    no_errors(page)
    action.refresh_from_db()
    assert action.status == "done"
    expect(page.locator("main").get_by_text("Synthetic: flag the address")).to_be_visible()
    check(page)

    # 4. The caseworker records a referral to children's social care (seed 004 s10 SC1)
    switch_to(page, live_server, personas.caseworker)
    page.goto(f"{base}/cases/{case.pk}/")
    expect(page.locator("main").get_by_text("Synthetic: flag the address")).to_be_visible()
    page.get_by_role("link", name="Record a safeguarding referral or meeting").click()
    check(page)
    page.locator('input[name="kind"][value="referral_childrens_social_care"]').check()
    fill_moment(page, "occurred_on", time=False)
    page.locator('input[name="child"][value="family"]').check()
    page.locator('input[name="attended"][value="not_a_meeting"]').check()
    # issue 15 item 2: without consent, on the safeguarding condition with the reason
    page.locator('input[name="share_consent"][value="no"]').check()
    page.locator('textarea[name="share_reason"]').fill("Synthetic: a risk of significant harm")
    submit(page, "Save")
    no_errors(page)
    assert SafeguardingEvent.objects.filter(
        case=case, kind="referral_childrens_social_care"
    ).exists()
    check(page)

    # 5. A serious incident on the case (seed 004 s9): a deadline to report it in 3 days
    page.goto(f"{base}/cases/{case.pk}/")
    page.get_by_role("link", name="Record a serious incident").click()
    check(page)
    page.locator('input[name="kind"][value="near_miss"]').check()
    fill_moment(page, "occurred_at")
    page.get_by_label("What happened?").fill("Synthetic: a near miss")
    submit(page, "Save")
    no_errors(page)
    expect(page).to_have_url(case_page)
    incident = SeriousIncident.objects.get(case=case)
    deadline = Task.objects.get(case=case, rule_key="serious_incident_report")
    assert deadline.status == TaskStatus.OPEN
    assert deadline.due_at == incident.notification_due_at
    check(page)

    # The team leader records the report to the commissioner from the incident's page
    switch_to(page, live_server, personas.team_leader)
    page.goto(f"{base}/cases/{case.pk}/")
    page.get_by_role("link", name="Near miss (attempted homicide)").click()
    check(page)
    page.get_by_role("link", name="Record the report to the commissioner").click()
    check(page)
    fill_moment(page, "notified_at")
    page.get_by_label("Who was told?").fill("Synthetic commissioning team")
    submit(page, "Save")
    no_errors(page)
    incident.refresh_from_db()
    assert incident.notified_to == "Synthetic commissioning team"
    deadline.refresh_from_db()
    assert deadline.status == TaskStatus.MET
    check(page)
    page.get_by_role("link", name=re.compile(f"^Case {case.person.reference_code}")).click()
    expect(page).to_have_url(case_page)
    section = page.locator("#serious-incidents + ul")
    expect(section).to_contain_text("Near miss (attempted homicide)")
    expect(section).to_contain_text("reported to the commissioner")
    check(page)
