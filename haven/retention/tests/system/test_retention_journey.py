"""Issue 15 item 4 in a real browser: the data protection officer finds an old closed record in
the review queue (reference.md s7: CASE+6, a local-practice default), sees a legal hold on
another, anonymises the first, then logs and refuses an erasure request with an Art. 17(3)
reason. Every page is axe-clean (WCAG 2.2 AA)."""

from __future__ import annotations

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from haven.accounts.roles import Role
from haven.people.models import Person
from haven.retention.models import ErasureRequest
from haven.retention.services import legal_hold_place, retention_scan
from haven.retention.tests.conftest import closed_person
from haven.testing.browser import assert_accessible, no_errors, sign_in, submit
from haven.testing.factories import MembershipFactory, UserFactory
from haven.testing.personas import build_personas

pytestmark = [pytest.mark.system, pytest.mark.django_db(transaction=True)]


def test_the_officer_reviews_anonymises_and_decides_a_request(live_server, page, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    personas = build_personas()
    officer = UserFactory()
    MembershipFactory(
        user=officer, role=Role.DATA_PROTECTION_OFFICER, organisation=personas.organisation
    )
    due = closed_person(personas)
    held = closed_person(personas)
    retention_scan()
    legal_hold_place(placed_by=officer, reason="Synthetic civil claim", person=held)
    sign_in(page, live_server, officer)
    base = live_server.url

    page.goto(f"{base}/retention/schedule/")
    assert_accessible(page)
    expect(page.get_by_text("no national retention standard")).to_be_visible()

    page.goto(f"{base}/retention/review/")
    assert_accessible(page)
    expect(page.get_by_text("Legal hold", exact=True)).to_be_visible()
    page.get_by_label(f"Select {due.reference_code}").check()
    page.get_by_label("Approve: anonymise").check()
    submit(page, "Confirm the decision")
    no_errors(page)
    assert_accessible(page)
    expect(page.get_by_text("1 record(s) anonymised")).to_be_visible()
    assert Person.objects.get(pk=due.pk).given_name == "[anonymised]"

    page.goto(f"{base}/retention/holds/")
    assert_accessible(page)

    page.goto(f"{base}/people/{held.pk}/")
    page.get_by_role("link", name="Log an erasure request").click()
    assert_accessible(page)
    today = timezone.localdate()
    page.get_by_label("Day").fill(str(today.day))
    page.get_by_label("Month").fill(str(today.month))
    page.get_by_label("Year").fill(str(today.year))
    page.get_by_label("Consent withdrawn").check()
    submit(page, "Log the request")
    no_errors(page)
    assert_accessible(page)
    expect(page.get_by_text("A legal hold covers this person")).to_be_visible()
    page.get_by_label("Refuse").check()
    page.get_by_label("Needed for the establishment, exercise or defence of legal claims").check()
    submit(page, "Record the decision")
    no_errors(page)
    assert_accessible(page)
    assert ErasureRequest.objects.get().refusal_reason == "legal_claims"
