"""Web chat tests make bookings directly, as the portal's booking form would: a one-time code
(only its hash stored) for a slot near now, on the personas' contract unless told otherwise."""

import inspect
from datetime import timedelta

import pytest
from django.utils import timezone

from haven.portal.codes import code_hash, new_code
from haven.portal.models import ChatBooking
from haven.testing.fixtures import open_case
from haven.testing.websockets import run_in_own_thread

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


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    """An ``async def`` test runs on a new event loop in its own thread: a browser test earlier
    on the same worker leaves Playwright's loop marked as running in the main thread, where
    ``asyncio.run`` (and pytest-asyncio) would refuse to start."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    arguments = {name: pyfuncitem.funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}
    run_in_own_thread(lambda: pyfuncitem.obj(**arguments))
    return True
