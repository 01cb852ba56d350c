"""Web chat tests make bookings directly, as the portal's booking form would: a one-time code
(only its hash stored) for a slot near now, on the personas' contract unless told otherwise."""

from datetime import timedelta

import pytest
from django.utils import timezone

from haven.portal.codes import code_hash, new_code
from haven.portal.models import ChatBooking
from haven.testing.fixtures import open_case

__all__ = ["open_case"]


@pytest.fixture
def make_booking(personas):
    def make(
        *,
        contract=None,
        starts_in=timedelta(minutes=5),
        length=timedelta(minutes=30),
        referral=None,
        consent=True,
        status="booked",
    ):
        code = new_code()
        starts = timezone.now() + starts_in
        booking = ChatBooking.objects.create(
            contract=contract or personas.contract,
            referral=referral,
            starts_at=starts,
            ends_at=starts + length,
            code_hash=code_hash(code),
            consent_to_transcript=consent,
            status=status,
        )
        booking.code = code  # shown once to the person; the database has only the hash
        return booking

    return make


@pytest.fixture
def booking(make_booking):
    return make_booking()
