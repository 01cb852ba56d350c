"""The waiting list page (issue 13; seed 003 s7, s13): per contract, in the explained order,
counts and reasons at the top; team leaders, service managers and caseworkers of the provider;
names only of the cases the viewer may open."""

import pytest
from django.urls import reverse

from haven.casework.services import case_restriction_set, case_state_change
from haven.casework.tests.test_first_contact_moves_on import make_safe

pytestmark = pytest.mark.django_db


@pytest.fixture
def wokingham(contract_for):
    return contract_for("wokingham-da-2017")


def waiting_case(open_case, wokingham, personas, reason="no_capacity", risk="", **kwargs):
    case = make_safe(open_case(wokingham, route="professional"))
    if risk:
        case.risk_level = risk
        case.save()
    case_state_change(
        case=case,
        to_state="waiting_list",
        changed_by=personas.caseworker,
        waiting_reason=reason,
        **kwargs,
    )
    return case


def url(contract):
    return reverse("casework:waiting_list", args=[contract.pk])


def test_seed_003_s7_the_list_is_in_risk_order_with_the_explanation(
    client, open_case, wokingham, personas
):
    standard = waiting_case(open_case, wokingham, personas, risk="standard")
    high = waiting_case(open_case, wokingham, personas, risk="high", reason="group_start")
    client.force_login(personas.team_leader)
    body = client.get(url(wokingham)).content.decode()
    assert body.index(high.person.reference_code) < body.index(standard.person.reference_code)
    assert "High risk; no children or support needs recorded" in body
    assert "Waiting for a group or programme to start: 1" in body
    assert "No caseworker capacity: 1" in body
    assert "Next contact due" in body


@pytest.mark.parametrize("who", ["team_leader", "service_manager", "caseworker", "teammate"])
def test_the_providers_staff_open_the_list(client, open_case, wokingham, personas, who):
    case = waiting_case(open_case, wokingham, personas)
    client.force_login(getattr(personas, who))
    response = client.get(url(wokingham))
    assert response.status_code == 200
    assert case.person.reference_code in response.content.decode()


@pytest.mark.parametrize("who", ["analyst", "commissioner", "administrator", "auditor"])
def test_others_are_refused(client, wokingham, personas, who):
    client.force_login(getattr(personas, who))
    assert client.get(url(wokingham)).status_code == 403
    assert client.get(reverse("casework:waiting_lists")).status_code == 403


def test_another_providers_caseworker_finds_no_list(client, wokingham, personas):
    client.force_login(personas.other_provider_caseworker)
    assert client.get(url(wokingham)).status_code == 404


def test_a_contract_without_a_waiting_list_has_no_page(client, contract_for, personas):
    client.force_login(personas.team_leader)
    assert client.get(url(contract_for("victim-first-2018"))).status_code == 404


def test_a_restricted_case_keeps_its_place_without_its_name(client, open_case, wokingham, personas):
    case = waiting_case(open_case, wokingham, personas, risk="high")
    case_restriction_set(
        case=case, restricted=True, changed_by=personas.caseworker, reason="Staff member knows her"
    )
    client.force_login(personas.outsider)
    body = client.get(url(wokingham)).content.decode()
    assert case.person.reference_code not in body
    assert case.person.full_name not in body
    assert "A case you cannot open" in body


def test_the_navigation_and_the_case_page_lead_to_the_list(client, open_case, wokingham, personas):
    case = waiting_case(open_case, wokingham, personas, reason="other", waiting_detail="Court")
    client.force_login(personas.caseworker)
    home = client.get(reverse("home")).content.decode()
    assert reverse("casework:waiting_lists") in home
    page = client.get(reverse("casework:detail", args=[case.pk])).content.decode()
    assert url(wokingham) in page
    assert "Other: Court" in page
    client.force_login(personas.commissioner)
    assert reverse("casework:waiting_lists") not in client.get(reverse("home")).content.decode()


def test_the_index_lists_the_contracts_that_run_a_waiting_list(
    client, wokingham, contract_for, personas
):
    victim_first = contract_for("victim-first-2018")
    client.force_login(personas.team_leader)
    body = client.get(reverse("casework:waiting_lists")).content.decode()
    assert url(wokingham) in body
    assert url(victim_first) not in body


def test_the_state_form_asks_why_the_person_waits(client, open_case, wokingham, personas):
    case = make_safe(open_case(wokingham, route="professional"))
    client.force_login(personas.caseworker)
    state_url = reverse("casework:state_change", args=[case.pk])
    assert 'name="waiting_reason"' in client.get(state_url).content.decode()
    response = client.post(state_url, {"to_state": "waiting_list"})
    assert response.status_code == 200
    assert "Select why the person is waiting" in response.content.decode()
    response = client.post(
        state_url, {"to_state": "waiting_list", "waiting_reason": "person_asked"}
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.state == "waiting_list"


def test_the_attempt_form_asks_why_the_person_waits(client, open_case, wokingham, personas):
    """seed 003 s13: a successful contact that puts the person on the list records why."""
    from django.utils import timezone

    case = make_safe(open_case(wokingham, route="professional"))
    client.force_login(personas.caseworker)
    attempt_url = reverse("casework:attempt_record", args=[case.pk])
    assert 'name="waiting_reason"' in client.get(attempt_url).content.decode()
    now = timezone.localtime()
    data = {
        "channel": "phone",
        "direction": "outbound",
        "outcome": "reached",
        "next_state": "waiting_list",
        "attempted_at-day": now.day,
        "attempted_at-month": now.month,
        "attempted_at-year": now.year,
        "attempted_at-hour": now.hour,
        "attempted_at-minute": now.minute,
    }
    response = client.post(attempt_url, data)
    assert response.status_code == 200
    assert "Select why the person is waiting" in response.content.decode()
    response = client.post(attempt_url, data | {"waiting_reason": "group_start"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.state == "waiting_list"
    assert case.waiting_entries.get().reason == "group_start"


def test_the_page_reads_a_fixed_number_of_queries_however_long_the_list(
    client, open_case, wokingham, personas
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    waiting_case(open_case, wokingham, personas, risk="high")
    client.force_login(personas.team_leader)
    client.get(url(wokingham))  # warm the profile cache
    with CaptureQueriesContext(connection) as one:
        client.get(url(wokingham))
    for _ in range(3):
        waiting_case(open_case, wokingham, personas)
    with CaptureQueriesContext(connection) as four:
        client.get(url(wokingham))
    assert len(four) == len(one)


def test_viewing_the_list_is_audited_with_the_cases_it_showed(
    client, open_case, wokingham, personas
):
    from haven.core.models import AuditAction, AuditEvent

    case = waiting_case(open_case, wokingham, personas)
    client.force_login(personas.team_leader)
    client.get(url(wokingham))
    viewed = AuditEvent.objects.filter(actor=personas.team_leader, action=AuditAction.VIEW)
    assert any(str(case.pk) in event.changes.get("shown", []) for event in viewed)


def test_the_allocate_page_says_allocating_ends_the_wait(client, open_case, wokingham, personas):
    case = waiting_case(open_case, wokingham, personas)
    client.force_login(personas.team_leader)
    body = client.get(reverse("casework:allocate", args=[case.pk])).content.decode()
    assert "ends the wait and starts their support" in body
