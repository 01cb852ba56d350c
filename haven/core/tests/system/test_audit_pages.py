"""The audit trail fits a 1280 px screen with every kind of event on it, and has no WCAG 2.2 AA
violations (issue 9 s5)."""

import datetime as dt

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.people.services import person_create
from haven.testing.browser import assert_accessible, sign_in
from haven.testing.casework import CaseFactory
from haven.testing.personas import build_personas

pytestmark = [pytest.mark.system, pytest.mark.django_db(transaction=True)]


def test_the_audit_trail_fits_1280_pixels_and_is_accessible(live_server, page):
    personas = build_personas()
    person = person_create(
        created_by=personas.caseworker,
        details={
            "given_name": "Synthia",
            "family_name": "Averyveryverylongsyntheticfamilyname",
            "date_of_birth": dt.date(1988, 4, 2),
            "address_line_1": "Flat 12, Synthetic Court, 1234 Long Example Road",
        },
        organisation=personas.organisation,
    )
    case = CaseFactory(contract=personas.contract, person=person, referral__person=person)
    audit_event(
        actor=personas.caseworker,
        action=AuditAction.SEARCH,
        object_type="people.person",
        changes={"searched_by": "name_and_date_of_birth", "results": 3, "restricted_results": 1},
    )
    audit_event(
        actor=personas.caseworker,
        action=AuditAction.UPDATE,
        target=case,
        changes={"allocated_to": [str(personas.caseworker.pk), str(personas.teammate.pk)]},
        reason="Covering leave " * 10,
    )
    audit_event(
        actor=None,
        action=AuditAction.IMPORT,
        object_type="workbook.workbookrun",
        object_id="5f1f0c2e9a8b4c7d8e9f0a1b2c3d4e5f",
        changes={"incidents": 1200, "eligible": 87, "referrals_created": 40},
    )
    sign_in(page, live_server, personas.auditor)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}{reverse('audit:list')}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Audit trail")
    expect(page.get_by_text("Searched by name and date of birth: 3 results shown")).to_be_visible()
    expect(page.get_by_text(f"Case {person.reference_code}").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    assert_accessible(page)

    page.get_by_role("link", name=f"Case {person.reference_code}").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Case {person.reference_code}")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    assert_accessible(page)
