"""Live delivery: every browser in a chat (the person, the caseworker) listens on the booking's
group of the channel layer (Redis in production, memory in the demo and tests). Events carry a
message's id, sender, text and time to the browsers, and are never logged."""

from __future__ import annotations

import logging
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.utils import timezone

from haven.portal.models import ChatBooking
from haven.webchat.models import ChatMessage

logger = logging.getLogger(__name__)


def group_name(booking_id: Any) -> str:
    return f"webchat.{str(booking_id).replace('-', '')}"


def message_event(message: ChatMessage) -> dict[str, Any]:
    return {
        "type": "chat.message",
        "id": str(message.pk),
        "sender": message.sender,
        "body": message.body,
        "time": message.sent_time,
    }


# What each side reads about the chat's state (the page and the live updates say the same).
STATUS_TEXT = {
    "person": {
        "booked": "Waiting for a caseworker to join. Stay on this page.",
        "waiting": "Waiting for a caseworker to join. Stay on this page.",
        "in_progress": "A caseworker has joined the chat.",
        "ended": "The chat has ended.",
        "missed": "The time booked for this chat has passed.",
        "cancelled": "This chat was cancelled.",
    },
    "staff": {
        "booked": "The person has not joined yet.",
        "waiting": "The person is waiting.",
        "in_progress": "In progress.",
        "ended": "The chat has ended.",
        "missed": "Missed: the person did not join.",
        "cancelled": "Cancelled.",
    },
}


TAG_CLASS = {
    "booked": "govuk-tag--grey",
    "waiting": "govuk-tag--orange",
    "in_progress": "govuk-tag--blue",
    "ended": "govuk-tag--green",
    "missed": "govuk-tag--red",
    "cancelled": "govuk-tag--grey",
}


def booking_times(booking: ChatBooking) -> str:
    """ "7 Dec 2026, 14:00 to 14:30", local time."""
    starts = timezone.localtime(booking.starts_at)
    ends = timezone.localtime(booking.ends_at)
    return f"{starts:%-d %b %Y}, {starts:%H:%M} to {ends:%H:%M}"


def status_event(booking: ChatBooking) -> dict[str, Any]:
    return {
        "type": "chat.status",
        "status": booking.status,
        "person": STATUS_TEXT["person"].get(booking.status, ""),
        "staff": STATUS_TEXT["staff"].get(booking.status, ""),
    }


def broadcast(booking_id: Any, event: dict[str, Any]) -> None:
    """Send an event to the chat's browsers from synchronous code (a view, a service caller).

    The message is already saved: when the layer is unreachable (Redis down) the browsers still
    get it by polling or reloading, so the failure is logged (the booking's id and the error's
    type, never the text) and the request goes on."""
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        async_to_sync(layer.group_send)(group_name(booking_id), event)
    except Exception as exc:  # Redis errors have no common base class
        logger.warning("web chat %s: live delivery failed (%s)", booking_id, type(exc).__name__)
