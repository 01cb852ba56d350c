"""Issue 16 item 1, a programme's week: the facilitator of a perpetrator programme group (seed
001 Lot 4 s5) goes from the staff home to the group, takes the register for the whole group on
one form (one attended, one did not) and records that the other left the group, with a reason.
axe (WCAG 2.2 AA) reports no violations on any page visited."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from haven.programmes.models import Enrolment, ProgrammeSession
from haven.testing.browser import assert_accessible, sign_in
from haven.testing.casework import CaseFactory

pytestmark = [pytest.mark.system, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def group(settings, run, perp_contract, personas, started):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    places = [
        started(
            run,
            CaseFactory(
                contract=perp_contract, team=personas.other_team, allocated_to=personas.outsider
            ),
            personas,
        )
        for _ in range(2)
    ]
    return run, places


def _fill_day(page, legend, day):
    fields = page.get_by_role("group", name=legend)
    fields.get_by_label("Day").fill(str(day.day))
    fields.get_by_label("Month").fill(str(day.month))
    fields.get_by_label("Year").fill(str(day.year))


def test_a_facilitator_takes_the_register_and_records_a_drop_out(
    live_server, page, group, personas
):
    run, (stays, leaves) = group
    stays_code, leaves_code = (p.case.person.reference_code for p in (stays, leaves))
    today = timezone.localdate()
    sign_in(page, live_server, personas.outsider)

    page.goto(f"{live_server.url}/")
    assert_accessible(page)
    page.get_by_role("link", name="Groups and programmes").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Groups and programmes")
    assert_accessible(page)
    page.get_by_role("link", name=run.programme.name).click()
    assert_accessible(page)
    page.get_by_role("link", name=run.name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(run.name)
    assert_accessible(page)

    # the register: the whole group on one form
    page.get_by_role("link", name="Take the register for a session").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Take the register")
    assert_accessible(page)
    _fill_day(page, "Date of the session", today)
    page.get_by_label("Length in minutes").fill("150")
    page.get_by_role("button", name="Save the register").click()
    expect(page).to_have_title(re.compile(r"^Error:"))  # nobody marked yet
    expect(page.get_by_text(f"Select whether {stays_code} attended").first).to_be_visible()
    assert_accessible(page)
    page.get_by_role("group", name=stays_code).get_by_label("Attended").check()
    page.get_by_role("group", name=leaves_code).get_by_label("Did not attend").check()
    page.get_by_role("button", name="Save the register").click()
    expect(page.get_by_text("Session and register saved")).to_be_visible()
    assert_accessible(page)
    session = ProgrammeSession.objects.get(run=run, held_on=today)
    assert dict(session.attendance.values_list("enrolment_id", "mark")) == {
        stays.pk: "attended",
        leaves.pk: "did_not_attend",
    }

    # the drop-out, with a reason from the list
    page.get_by_role("link", name=re.compile(rf"^Left the group\W+{leaves_code}$")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Record that they left the group")
    assert_accessible(page)
    _fill_day(page, "Date they left", today)
    page.get_by_label("Stopped attending").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Drop-out recorded")).to_be_visible()
    expect(page.locator("#people")).to_contain_text("Dropped out: stopped attending")
    assert_accessible(page)
    assert Enrolment.objects.get(pk=leaves.pk).drop_out_reason == "non_attendance"
