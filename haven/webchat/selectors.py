"""Reads of web chats: the person's (through their browser session only) and staff's (scoped to
the providers they work for)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from haven.access.scope import change_organisations_of
from haven.accounts.models import User
from haven.accounts.signed_in import Viewer
from haven.portal.models import ChatBooking, ChatBookingStatus
from haven.webchat.models import ChatEntry, ChatMessage

SESSION_BOOKING = "webchat_booking"
SESSION_JOINED = "webchat_joined"


def booking_of_session(session: Any) -> ChatBooking | None:
    """The booking this browser session was bound to with its one-time code (or None)."""
    from haven.webchat.services import session_hash

    booking_id = session.get(SESSION_BOOKING)
    key = session.session_key
    if not booking_id or not key:
        return None
    entry = (
        ChatEntry.objects.filter(booking_id=booking_id, session_hash=session_hash(key))
        .select_related("booking", "booking__contract")
        .first()
    )
    return entry.booking if entry else None


def _scoped(user: Viewer) -> QuerySet[ChatBooking]:
    if not user.has_perm("webchat.view_chats"):
        raise PermissionDenied
    bookings = ChatBooking.objects.select_related("contract", "referral", "taken_by")
    if isinstance(user, User) and user.is_superuser:
        return bookings
    return bookings.filter(contract__provider_id__in=change_organisations_of(user))


def bookings_for_day(user: Viewer, day: date | None = None) -> list[ChatBooking]:
    """The day's chats of the user's services, and any still waiting or in progress."""
    day = day or timezone.localdate()
    start = timezone.make_aware(datetime.combine(day, time.min))
    end = start + timedelta(days=1)
    return list(
        _scoped(user)
        .filter(
            Q(starts_at__gte=start, starts_at__lt=end)
            | Q(status__in=[ChatBookingStatus.WAITING, ChatBookingStatus.IN_PROGRESS])
        )
        .exclude(status=ChatBookingStatus.CANCELLED)
        .order_by("starts_at")
    )


def past_chats(user: Viewer, *, limit: int = 50) -> list[ChatBooking]:
    """The most recent ended chats of the user's services."""
    return list(_scoped(user).filter(status=ChatBookingStatus.ENDED).order_by("-ended_at")[:limit])


def booking_for_staff(user: Viewer, booking_id: Any) -> ChatBooking:
    booking = _scoped(user).filter(pk=booking_id).first()
    if booking is None:
        raise Http404
    return booking


def messages_of(booking: ChatBooking) -> list[ChatMessage]:
    return list(booking.chat_messages.all())


def chats_of_referral(user: Viewer, referral_id: Any) -> list[ChatBooking]:
    return list(_scoped(user).filter(referral_id=referral_id).order_by("-starts_at"))
