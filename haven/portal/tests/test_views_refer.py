"""Self-referral (issue 14 items 2-3; seed 002 s3.6, s3.1; seed 001 s5): the steps, nothing lost
when a step fails, the honeypot, the rate limit and a confirmation that shows nothing sent."""

import pytest
from django.urls import reverse

from haven.portal.models import ChatBooking
from haven.portal.services import LIMITS, free_slots
from haven.referrals.models import Referral

pytestmark = pytest.mark.django_db

SAFETY = {
    "safe_to_contact": "yes",
    "contact_by": ["phone", "sms"],
    "safe_times": ["weekday_morning"],
    "harmer_at_address": "yes",
    "code_word": "bluebell",
    "do_not_say": "Do not leave voicemails",
}
ABOUT = {
    "given_name": "Testy",
    "family_name": "Synthetic",
    "phone": "07700 900982",
    "postcode": "LE1 1AA",
    "what_happened": "Someone in my house keeps hurting me.",
}


def _url(name, contract):
    return reverse(f"portal:{name}", args=[contract.slug])


def _through_about(client, contract):
    assert client.post(_url("refer", contract), SAFETY).status_code == 302
    return client.post(_url("refer_about", contract), ABOUT)


def test_seed_002_s3_6_self_referral_with_a_chat_booking(client, victim_first, personas):
    response = _through_about(client, victim_first)
    assert response["Location"] == _url("refer_chat", victim_first)
    slot = free_slots(victim_first)[0]
    page = client.get(_url("refer_chat", victim_first)).content.decode()
    assert "I do not want a web chat" in page
    response = client.post(
        _url("refer_chat", victim_first), {"slot": slot.key, "consent_to_transcript": "yes"}
    )
    assert response["Location"] == _url("refer_check", victim_first)
    check = client.get(_url("refer_check", victim_first)).content.decode()
    assert "Someone in my house keeps hurting me." in check
    assert "bluebell" not in check  # the code word is never shown back
    response = client.post(_url("refer_check", victim_first), {})
    assert response["Location"] == _url("refer_sent", victim_first)
    referral = Referral.objects.get()
    assert referral.route == "self_referral"
    assert referral.received_via == "web"
    booking = ChatBooking.objects.get()
    assert booking.referral == referral
    assert booking.consent_to_transcript
    sent = client.get(_url("refer_sent", victim_first)).content.decode()
    assert "Referral sent" in sent
    assert "/chat/" in sent
    assert "Join your web chat" in sent
    # the confirmation shows nothing of what was sent
    for detail in ("Testy", "Synthetic", "07700", "hurting", "LE1"):
        assert detail not in sent
    # the code once: the page again has none, and the session (and its cookie) is gone
    again = client.get(_url("refer_sent", victim_first)).content.decode()
    assert "chat-code" not in again
    assert not client.session.keys()
    # staff see it at once in the referrals list
    client.force_login(personas.caseworker)
    assert client.get(reverse("referrals:list")).status_code == 200


def test_seed_002_s3_1_no_proof_asked_and_wokingham_has_no_chat_step(client, wokingham):
    response = _through_about(client, wokingham)
    assert response["Location"] == _url("refer_check", wokingham)
    assert client.get(_url("refer_chat", wokingham)).status_code == 404
    client.post(_url("refer_check", wokingham), {})
    assert Referral.objects.get().contract == wokingham


def test_seed_001_s5_no_self_referral_service_is_404(client, safe_home):
    for name in ("refer", "refer_about", "refer_check"):
        assert client.get(_url(name, safe_home)).status_code == 404


def test_a_failed_step_keeps_what_was_typed(client, victim_first):
    client.post(_url("refer", victim_first), SAFETY)
    response = client.post(
        _url("refer_about", victim_first), {**ABOUT, "given_name": "", "phone": "not a number"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter first name" in html
    assert "Enter a phone number" in html
    assert "Someone in my house keeps hurting me." in html
    # going back shows the safety answers again
    html = client.get(_url("refer", victim_first)).content.decode()
    assert "bluebell" in html


def test_safe_to_contact_needs_a_way(client, victim_first):
    response = client.post(
        _url("refer", victim_first), {"safe_to_contact": "yes", "harmer_at_address": "no"}
    )
    assert "Select how we can contact you safely" in response.content.decode()


def test_the_phone_is_needed_when_phoning_is_safe(client, victim_first):
    client.post(_url("refer", victim_first), SAFETY)
    response = client.post(_url("refer_about", victim_first), {**ABOUT, "phone": ""})
    assert "as you said we can phone or text you" in response.content.decode()


def test_steps_out_of_order_go_back_to_the_start(client, victim_first):
    assert client.get(_url("refer_about", victim_first))["Location"] == _url("refer", victim_first)
    assert client.get(_url("refer_check", victim_first))["Location"] == _url("refer", victim_first)
    assert client.post(_url("refer_check", victim_first), {})["Location"] == _url(
        "refer", victim_first
    )


def test_hostile_input_gives_clear_errors_never_500(client, victim_first):
    response = client.post(
        _url("refer", victim_first),
        {
            "safe_to_contact": "maybe",
            "contact_by": ["teleport"],
            "harmer_at_address": "\x00",
            "code_word": "x" * 10_000,
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Select yes if it is safe for us to contact you" in html
    assert "Code word must be 100 characters or less" in html
    client.post(_url("refer", victim_first), SAFETY)
    response = client.post(
        _url("refer_about", victim_first),
        {**ABOUT, "what_happened": "a" * 1_000_000, "email": "x@"},
    )
    assert response.status_code == 200
    assert "What has happened must be 5000 characters or less" in response.content.decode()
    client.post(_url("refer_about", victim_first), ABOUT)
    response = client.post(_url("refer_chat", victim_first), {"slot": "2020-01-01T00:00:00+00:00"})
    assert response.status_code == 200
    assert Referral.objects.count() == 0


def test_a_filled_honeypot_saves_nothing_but_looks_sent(client, victim_first):
    response = client.post(
        _url("refer", victim_first), {**SAFETY, "website": "http://spam.example"}
    )
    assert response["Location"] == _url("refer_sent", victim_first)
    _through_about(client, victim_first)
    client.post(_url("refer_chat", victim_first), {"slot": "none"})
    response = client.post(_url("refer_check", victim_first), {"website": "spam"})
    assert response["Location"] == _url("refer_sent", victim_first)
    assert Referral.objects.count() == 0


def test_rate_limit_per_client_address(client, victim_first):
    for _ in range(LIMITS["self_referral"].count):
        _through_about(client, victim_first)
        client.post(_url("refer_chat", victim_first), {"slot": "none"})
        assert client.post(_url("refer_check", victim_first), {}).status_code == 302
    _through_about(client, victim_first)
    client.post(_url("refer_chat", victim_first), {"slot": "none"})
    response = client.post(_url("refer_check", victim_first), {})
    assert response.status_code == 429
    assert "too many forms" in response.content.decode()
    assert Referral.objects.count() == LIMITS["self_referral"].count
