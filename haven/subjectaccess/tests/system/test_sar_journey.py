"""Issue 15 item 3 in a real browser: the data protection officer logs a subject access request
found by the person's reference code, verifies identity, gathers everything held, releases the
records that name no one else, redacts the names of the person causing harm and a child in the
records that do, makes the bundle and marks it sent (reference.md s7). Every page is axe-clean
(WCAG 2.2 AA), and the bundle holds none of the redacted names."""

from __future__ import annotations

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from haven.casework.services import case_open_from_referral
from haven.subjectaccess.models import SarState, SubjectAccessRequest
from haven.testing.browser import assert_accessible, fill_moment, no_errors, sign_in, submit
from haven.testing.casework import CaseNoteFactory, CaseworkPersonFactory, ReferralFactory
from haven.testing.people import HarmLinkFactory, HouseholdLinkFactory
from haven.testing.personas import build_personas

pytestmark = [pytest.mark.system, pytest.mark.django_db(transaction=True)]

HARMER = ("Darrow", "Quillfeather-Synthe")
CHILD = "Poppaea"


def _person(personas):
    person = CaseworkPersonFactory(organisation=personas.organisation)
    case = case_open_from_referral(
        referral=ReferralFactory(contract=personas.contract, person=person),
        opened_by=personas.caseworker,
        team=personas.team,
        allocated_to=personas.caseworker,
    )
    HarmLinkFactory(person=person, harmer__given_name=HARMER[0], harmer__family_name=HARMER[1])
    HouseholdLinkFactory(person=person, member__given_name=CHILD)
    CaseNoteFactory(
        case=case,
        author=personas.caseworker,
        text=f"{HARMER[0]} {HARMER[1]} was outside the school. {CHILD} is safe.",
    )
    CaseNoteFactory(case=case, author=personas.caseworker, text="Housing options discussed.")
    return person


def test_a_subject_access_request_from_request_to_redacted_bundle(live_server, page, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    check = assert_accessible
    personas = build_personas()
    person = _person(personas)
    sign_in(page, live_server, personas.data_protection_officer)
    base = live_server.url

    # 1. The home page links to the list; log a new request by reference code
    page.goto(f"{base}/")
    page.get_by_role("link", name="Subject access requests").click()
    check(page)
    page.get_by_role("button", name="Log a new request").click()
    check(page)
    page.get_by_label("Reference code of the person the request is about").fill(
        person.reference_code
    )
    fill_moment(page, "received_on", time=False)
    page.get_by_label("Email").check()
    page.get_by_label("The person themselves").check()
    submit(page, "Log the request")
    no_errors(page)
    check(page)
    expect(page.locator("#sar-identity")).to_contain_text("Not verified yet")
    assert person.reference_code not in page.url
    sar = SubjectAccessRequest.objects.get()

    # 2. Identity verified (date, how; by whom is the officer)
    page.get_by_role("link", name="Verify identity").click()
    check(page)
    fill_moment(page, "verified_on", time=False)
    page.get_by_label("How was identity verified?").fill("Photo ID seen in person")
    submit(page, "Save")
    no_errors(page)
    check(page)
    expect(page.locator("#sar-identity")).to_contain_text("Photo ID seen in person")

    # 3. Gather everything held: the review lists the records, flagged ones to check
    page.get_by_role("link", name="Gather the records").click()
    check(page)
    submit(page, "Gather")
    no_errors(page)
    check(page)
    expect(page.get_by_role("heading", name="Review the records")).to_be_visible()
    expect(page.get_by_text("Needs review").first).to_be_visible()
    page.get_by_role("button", name="that name no one else").click()
    page.wait_for_load_state()
    check(page)

    # 4. Each flagged record: remove the other people's names (or the harmer field), with a reason
    while sar.items.filter(decision="pending").exists():
        item = sar.items.filter(decision="pending").first()
        page.goto(f"{base}/subject-access/{sar.pk}/review/{item.pk}/")
        check(page)
        page.get_by_label("Release with redactions").check()
        if any(entry["name"] == "harmer" for entry in item.fields):
            page.locator('input[name="redacted_fields"][value="harmer"]').check()
        page.get_by_label("Remove the names of other people found in this record").check()
        page.get_by_label("Reason for redacting or withholding").fill("Third parties' names")
        submit(page, "Save the review")
        no_errors(page)
    page.goto(f"{base}/subject-access/{sar.pk}/review/")
    check(page)

    # 5. The bundle: made with the redactions applied; the downloads are offered
    page.get_by_role("link", name="make the bundle").click()
    check(page)
    submit(page, "Make the bundle")
    no_errors(page)
    check(page)
    expect(page.locator("#sar-downloads")).to_contain_text("Download the bundle (PDF)")
    sar.refresh_from_db()
    data = bytes(sar.bundle.json).decode()
    for name in (*HARMER, CHILD):
        assert name not in data
    assert "[name removed] was outside the school" in data

    # 6. Sent: the request is closed, the timeline shows every step
    page.get_by_role("link", name="Mark as sent").click()
    check(page)
    fill_moment(page, "sent_on", timezone.now(), time=False)
    page.get_by_label("How was it sent?").fill("Secure email to the verified address")
    submit(page, "Mark as sent")
    no_errors(page)
    check(page)
    expect(page.locator("#sar-state")).to_have_text("Sent")
    expect(page.locator("#sar-timeline")).to_contain_text("bundle produced")
    sar.refresh_from_db()
    assert sar.state == SarState.SENT
