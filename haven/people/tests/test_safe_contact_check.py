"""check_channel: an unsafe channel is blocked with the reason shown (design §4, reference §5.1)."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from haven.people.safe_contact import (
    SafeContactPreferences,
    SafeTimeWindow,
    check_channel,
    unsafe_channels,
)

LONDON = ZoneInfo("Europe/London")
WEEKDAYS_9_TO_5 = SafeTimeWindow(days=(0, 1, 2, 3, 4), start=dt.time(9), end=dt.time(17))
SAFE = SafeContactPreferences(
    safe_phone="07700 900123",
    safe_times=(WEEKDAYS_9_TO_5,),
    voicemail_allowed=True,
    texts_allowed=True,
    email_address="someone@example.org",
    email_safe=True,
    letters="any_address",
    harmer_at_address="no",
)
MONDAY_NOON = dt.datetime(2026, 3, 2, 12, 0, tzinfo=LONDON)


def prefs(**changes):
    return SafeContactPreferences(**{**SAFE.__dict__, **changes})


@pytest.mark.parametrize("channel", ["phone", "voicemail", "sms", "email", "letter", "visit"])
def test_every_channel_is_allowed_when_everything_is_safe(channel):
    result = check_channel(SAFE, channel, MONDAY_NOON)
    assert result.allowed
    assert result.reasons == []


@pytest.mark.parametrize("channel", ["phone", "voicemail", "sms", "email", "letter", "visit"])
def test_nothing_recorded_means_nothing_is_safe(channel):
    result = check_channel(SafeContactPreferences(), channel, MONDAY_NOON)
    assert not result.allowed
    assert result.reasons


def test_phone_without_a_safe_number_is_blocked():
    result = check_channel(prefs(safe_phone=""), "phone", MONDAY_NOON)
    assert result.reasons == ["No safe phone number is recorded"]


def test_phone_to_a_number_that_is_not_the_safe_one_is_blocked():
    result = check_channel(SAFE, "phone", MONDAY_NOON, number="07700 900999")
    assert result.reasons == ["This is not the safe phone number"]


def test_the_safe_number_matches_whatever_its_spacing_or_country_code():
    assert check_channel(SAFE, "phone", MONDAY_NOON, number="+44 7700 900123").allowed


def test_calling_outside_the_safe_times_is_blocked_in_uk_time():
    saturday = dt.datetime(2026, 3, 7, 12, 0, tzinfo=LONDON)
    result = check_channel(SAFE, "phone", saturday)
    assert result.reasons == [
        "It is outside the safe times (Monday, Tuesday, Wednesday, Thursday, Friday, 09:00 to 17:00)"
    ]


def test_safe_times_are_read_in_london_time_across_the_clock_change():
    # 08:30 UTC on Monday 30 March 2026 is 09:30 BST: inside the window.
    assert check_channel(SAFE, "phone", dt.datetime(2026, 3, 30, 8, 30, tzinfo=dt.UTC)).allowed
    # 16:30 UTC is 17:30 BST: outside it.
    assert not check_channel(SAFE, "phone", dt.datetime(2026, 3, 30, 16, 30, tzinfo=dt.UTC)).allowed


def test_the_end_of_a_safe_window_is_not_safe():
    assert not check_channel(SAFE, "phone", MONDAY_NOON.replace(hour=17)).allowed


def test_no_time_ignores_safe_times():
    assert check_channel(SAFE, "phone", None).allowed


def test_voicemail_not_allowed_is_blocked():
    result = check_channel(prefs(voicemail_allowed=False), "voicemail", MONDAY_NOON)
    assert result.reasons == ["Voicemail messages are not allowed"]


def test_texts_not_allowed_are_blocked():
    assert check_channel(prefs(texts_allowed=False), "sms", MONDAY_NOON).reasons == [
        "Text messages are not allowed"
    ]


def test_email_that_is_not_safe_is_blocked():
    assert check_channel(prefs(email_safe=False), "email", MONDAY_NOON).reasons == [
        "Email is not safe"
    ]


def test_letters_never_are_blocked():
    assert check_channel(prefs(letters="never"), "letter", None).reasons == [
        "Letters must never be sent"
    ]


def test_letters_only_to_a_safe_address_when_none_is_recorded_are_blocked():
    result = check_channel(prefs(letters="safe_address_only"), "letter", None)
    assert result.reasons == ["Letters may only go to a safe address and none is recorded"]


def test_letters_to_a_recorded_safe_address_are_allowed():
    chosen = prefs(letters="safe_address_only", safe_address="c/o a friend, 1 Synthetic Road")
    assert check_channel(chosen, "letter", None).allowed


def test_letters_home_when_the_person_causing_harm_lives_there_are_blocked():
    result = check_channel(prefs(harmer_at_address="yes"), "letter", None)
    assert result.reasons == ["The person causing harm lives at the address"]


def test_visits_when_the_person_causing_harm_lives_at_the_address_are_blocked():
    result = check_channel(prefs(harmer_at_address="yes"), "visit", MONDAY_NOON)
    assert result.reasons == ["The person causing harm lives at the address"]


def test_visits_when_it_is_not_known_who_lives_there_are_blocked():
    assert not check_channel(prefs(harmer_at_address="unknown"), "visit", MONDAY_NOON).allowed


def test_a_naive_time_is_refused():
    with pytest.raises(ValueError, match="aware"):
        check_channel(SAFE, "phone", dt.datetime(2026, 3, 2, 12))  # noqa: DTZ001


def test_unsafe_channels_lists_only_the_blocked_ones_with_reasons():
    blocked = unsafe_channels(prefs(letters="never", voicemail_allowed=False))
    assert blocked == {
        "voicemail": ["Voicemail messages are not allowed"],
        "letter": ["Letters must never be sent"],
    }
