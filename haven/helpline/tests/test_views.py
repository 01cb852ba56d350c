"""The helpline's pages for each persona, and a shift's work through them (seed 003 s6.1, seed
001 Lot 3, seed 002 s3.11; reference.md s5: the safe-contact note stays off URLs and lists)."""

from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from haven.helpline.models import CallBack, HelplineCall
from haven.helpline.services import shift_add

pytestmark = pytest.mark.django_db

STAFF = ["caseworker", "teammate", "outsider", "team_leader", "service_manager"]
REFUSED = ["analyst", "administrator", "auditor", "commissioner", "no_role"]


def pages(call):
    call_back = call.call_backs.get()
    return [
        reverse("helpline:shift"),
        reverse("helpline:log"),
        reverse("helpline:call", args=[call.pk]),
        reverse("helpline:call_backs"),
        reverse("helpline:call_back", args=[call_back.pk]),
        reverse("helpline:rota"),
    ]


@pytest.mark.parametrize("who", STAFF)
def test_call_takers_open_every_page(client, logged_call, personas, who):
    client.force_login(getattr(personas, who))
    for url in pages(logged_call):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("who", REFUSED)
def test_others_are_refused(client, logged_call, personas, who):
    client.force_login(getattr(personas, who))
    for url in pages(logged_call):
        assert client.get(url).status_code == 403, url


def test_another_providers_caseworker_finds_no_call(client, logged_call, personas):
    client.force_login(personas.other_provider_caseworker)
    assert client.get(reverse("helpline:call", args=[logged_call.pk])).status_code == 404
    call_back = logged_call.call_backs.get()
    assert client.get(reverse("helpline:call_back", args=[call_back.pk])).status_code == 404
    assert "07700" not in client.get(reverse("helpline:call_backs")).content.decode()


def test_signed_out_visitors_are_sent_to_sign_in(client):
    assert client.get(reverse("helpline:shift")).status_code == 302


def _call_post(contract, **overrides):
    now = timezone.localtime() - timedelta(minutes=5)
    data = {
        "contract": str(contract.pk),
        "started_at-day": now.day,
        "started_at-month": now.month,
        "started_at-year": now.year,
        "started_at-hour": now.hour,
        "started_at-minute": now.minute,
        "direction": "in",
        "answered": "live",
        "caller_type": "third_party",
        "kind": "support",
        "duration_minutes": "14",
        "outcomes": ["information", "safety_advice"],
    }
    data.update(overrides)
    return data


def test_seed_003_s6_1_a_call_is_logged_from_the_shift_page(client, wokingham, personas):
    client.force_login(personas.caseworker)
    response = client.post(reverse("helpline:shift"), _call_post(wokingham))
    assert response.status_code == 302
    call = HelplineCall.objects.get()
    assert call.information
    assert call.safety_advice
    assert not call.consent_to_record
    assert call.case is None


def test_a_call_back_booked_goes_on_the_list_and_the_home_page(client, wokingham, personas):
    client.force_login(personas.caseworker)
    due = timezone.localtime() + timedelta(hours=2)
    data = _call_post(
        wokingham,
        outcomes=["call_back_booked"],
        **{
            "call_back_due-day": due.day,
            "call_back_due-month": due.month,
            "call_back_due-year": due.year,
            "call_back_due-hour": due.hour,
            "call_back_due-minute": due.minute,
            "call_back_phone": "07700 900456",
            "may_leave_message": "no",
            "safe_contact_note": "Only after 6pm",
        },
    )
    response = client.post(reverse("helpline:shift"), data)
    assert response.status_code == 302
    assert "07700" not in response["Location"]
    call_back = CallBack.objects.get()
    listing = client.get(reverse("helpline:call_backs")).content.decode()
    assert reverse("helpline:call_back", args=[call_back.pk]) in listing
    assert "07700" not in listing
    assert "6pm" not in listing
    client.force_login(personas.teammate)  # the team's list
    home = client.get(reverse("home")).content.decode()
    assert reverse("helpline:call_back", args=[call_back.pk]) in home
    page = client.get(reverse("helpline:call_back", args=[call_back.pk])).content.decode()
    assert "07700 900456" in page
    assert "Only after 6pm" in page
    response = client.post(reverse("helpline:call_back", args=[call_back.pk]), {"status": "done"})
    assert response.status_code == 302
    call_back.refresh_from_db()
    assert call_back.status == "done"
    assert call_back.closed_by == personas.teammate


def test_bad_input_names_the_field_and_saves_nothing(client, wokingham, personas):
    client.force_login(personas.caseworker)
    response = client.post(
        reverse("helpline:shift"),
        _call_post(wokingham, answered="message", duration_minutes="abc", caller_type=""),
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Select who called" in page
    assert not HelplineCall.objects.exists()


def test_a_case_is_linked_only_with_consent(client, wokingham, personas, open_case):
    case = open_case(wokingham)
    client.force_login(personas.caseworker)
    code = case.person.reference_code
    response = client.post(reverse("helpline:shift"), _call_post(wokingham, case_reference=code))
    assert "only when the caller agrees" in response.content.decode()
    response = client.post(
        reverse("helpline:shift"), _call_post(wokingham, case_reference=code, consent=["yes"])
    )
    assert response.status_code == 302
    assert HelplineCall.objects.get().case == case


def test_a_referral_made_with_consent_goes_on_to_the_referral_form(client, wokingham, personas):
    client.force_login(personas.caseworker)
    response = client.post(
        reverse("helpline:shift"),
        _call_post(wokingham, outcomes=["referral_made"], consent=["yes"]),
    )
    call = HelplineCall.objects.get()
    assert response["Location"] == reverse("helpline:call_referral", args=[call.pk])


def test_the_log_filters_by_outcome_and_caller(client, logged_call, wokingham, personas):
    client.force_login(personas.caseworker)
    client.post(reverse("helpline:shift"), _call_post(wokingham))
    page = client.get(reverse("helpline:log"), {"caller_type": "victim"}).content.decode()
    assert "1 call," in page
    page = client.get(reverse("helpline:log"), {"outcome": "safety_advice"}).content.decode()
    assert "1 call," in page


def test_managers_see_the_figures_caseworkers_do_not(client, logged_call, personas):
    client.force_login(personas.service_manager)
    assert "Figures for these calls" in client.get(reverse("helpline:log")).content.decode()
    client.force_login(personas.caseworker)
    assert "Figures for these calls" not in client.get(reverse("helpline:log")).content.decode()


def test_seed_002_s3_11_the_rota_shows_gaps_in_opening_hours(client, victim_first, personas):
    """Victim First opens 09:00-18:00 on Monday 2 March 2026; a shift 09:00-13:00 leaves
    13:00-18:00 uncovered."""
    shift_add(
        contract=victim_first,
        staff=personas.caseworker,
        starts_at=datetime(2026, 3, 2, 9, 0, tzinfo=UTC),
        ends_at=datetime(2026, 3, 2, 13, 0, tzinfo=UTC),
        added_by=personas.team_leader,
    )
    client.force_login(personas.team_leader)
    page = client.get(
        reverse("helpline:rota"), {"contract": str(victim_first.pk), "week": "2026-03-02"}
    ).content.decode()
    assert "Mon 2 Mar 2026, 13:00 to Mon 2 Mar 2026, 18:00 (300 minutes)" in page
    assert "Add a shift" in page


def test_only_managers_add_shifts(client, victim_first, personas):
    url = reverse("helpline:shift_new", args=[victim_first.pk])
    client.force_login(personas.caseworker)
    assert client.get(url).status_code == 403
    client.force_login(personas.team_leader)
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "staff": str(personas.teammate.pk),
            "starts_at-day": "2",
            "starts_at-month": "3",
            "starts_at-year": "2026",
            "starts_at-hour": "9",
            "starts_at-minute": "00",
            "ends_at-day": "2",
            "ends_at-month": "3",
            "ends_at-year": "2026",
            "ends_at-hour": "8",
            "ends_at-minute": "00",
        },
    )
    assert "The shift must end after it starts" in response.content.decode()


def test_a_team_leader_removes_a_shift_and_a_caseworker_cannot(client, victim_first, personas):
    from haven.helpline.models import Shift

    item = shift_add(
        contract=victim_first,
        staff=personas.caseworker,
        starts_at=datetime(2026, 3, 2, 9, 0, tzinfo=UTC),
        ends_at=datetime(2026, 3, 2, 13, 0, tzinfo=UTC),
        added_by=personas.team_leader,
    )
    url = reverse("helpline:shift_remove", args=[victim_first.pk, item.pk])
    client.force_login(personas.caseworker)
    assert client.post(url).status_code == 403
    client.force_login(personas.team_leader)
    assert client.get(url).status_code == 302  # a GET changes nothing
    assert Shift.objects.filter(pk=item.pk).exists()
    assert client.post(url).status_code == 302
    assert not Shift.objects.exists()
    assert client.post(url).status_code == 404


@pytest.mark.parametrize("week", ["9999-12-31", "0001-01-01", "not a date", "2026-02-30"])
def test_an_implausible_week_shows_this_week(client, personas, week):
    client.force_login(personas.team_leader)
    assert client.get(reverse("helpline:rota"), {"week": week}).status_code == 200
