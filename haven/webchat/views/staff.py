"""Staff's side of the secure web chat (issue 14 item 4): today's chats and who is waiting,
taking a chat, chatting and ending it; the transcript of an ended chat. Caseworkers, team leaders
and service managers of the provider that runs the booking's contract."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from haven.accounts.signed_in import staff_user
from haven.casework.views.rendering import render_page
from haven.core.read_audit import audit_list_view, audit_record_view, audits_reads, shows_page
from haven.portal.models import ChatBooking, ChatBookingStatus
from haven.webchat import live
from haven.webchat.forms import MessageForm
from haven.webchat.selectors import (
    booking_for_staff,
    bookings_for_day,
    messages_of,
    past_chats,
)
from haven.webchat.services import (
    ChatRefusedError,
    bookings_mark_missed,
    chat_end,
    chat_message_send,
    chat_take,
)


def _may_view(request: HttpRequest) -> None:
    if not request.user.has_perm("webchat.view_chats"):
        raise PermissionDenied


@audits_reads
@login_required
@require_GET
def staff_list(request: HttpRequest) -> HttpResponse:
    _may_view(request)
    bookings_mark_missed()
    today = bookings_for_day(request.user)
    past = past_chats(request.user, limit=20)
    response = render_page(
        request,
        "webchat/staff_list.html",
        {
            "today": today,
            "waiting": [b for b in today if b.status == ChatBookingStatus.WAITING],
            "past": past,
            "times": live.booking_times,
            "tag_class": live.TAG_CLASS,
        },
    )
    if shows_page(response):
        audit_list_view(
            user=request.user,
            object_type="portal.chatbooking",
            shown=[b.pk for b in [*today, *past]],
            page="web chats",
        )
    return response


def _chat_context(request: HttpRequest, booking: ChatBooking) -> dict[str, Any]:
    mine = booking.taken_by_id == request.user.pk
    return {
        "booking": booking,
        "chat_messages": messages_of(booking),
        "live": booking.status == ChatBookingStatus.IN_PROGRESS and mine,
        "ended": booking.status
        in (ChatBookingStatus.ENDED, ChatBookingStatus.MISSED, ChatBookingStatus.CANCELLED),
        "may_take": booking.status in (ChatBookingStatus.BOOKED, ChatBookingStatus.WAITING),
        "side": "staff",
        "status_text": live.STATUS_TEXT,
        "times": live.booking_times,
        "tag_class": live.TAG_CLASS,
    }


@audits_reads
@login_required
@require_http_methods(["GET", "POST"])
def staff_chat(request: HttpRequest, booking_id: Any) -> HttpResponse:
    """One chat: live for the caseworker who took it; its transcript (if kept) once ended."""
    _may_view(request)
    booking = booking_for_staff(request.user, booking_id)
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            message = chat_message_send(
                booking=booking, body=form.cleaned_data["body"], staff=staff_user(request)
            )
        except ValidationError as exc:
            form.add_error("body", exc.message_dict.get("body", exc.messages))
        except ChatRefusedError as exc:
            form.add_error(None, str(exc))
        else:
            live.broadcast(booking.pk, live.message_event(message))
            return redirect("webchat:staff_chat", booking.pk)
    response = render_page(
        request, "webchat/staff_chat.html", _chat_context(request, booking) | {"form": form}
    )
    if shows_page(response):
        audit_record_view(user=request.user, target=booking)
    return response


@audits_reads
@login_required
@require_GET
def staff_messages(request: HttpRequest, booking_id: Any) -> HttpResponse:
    """The messages only, for polling when the WebSocket cannot connect."""
    _may_view(request)
    booking = booking_for_staff(request.user, booking_id)
    response = render_page(request, "webchat/_messages.html", _chat_context(request, booking))
    if shows_page(response):
        audit_record_view(user=request.user, target=booking)
    return response


@login_required
@require_POST
def staff_take(request: HttpRequest, booking_id: Any) -> HttpResponse:
    _may_view(request)
    booking = booking_for_staff(request.user, booking_id)
    try:
        booking = chat_take(booking=booking, user=staff_user(request))
    except ChatRefusedError as exc:
        messages.error(request, str(exc))
        return redirect("webchat:staff_list")
    live.broadcast(booking.pk, live.status_event(booking))
    return redirect("webchat:staff_chat", booking.pk)


@login_required
@require_POST
def staff_end(request: HttpRequest, booking_id: Any) -> HttpResponse:
    _may_view(request)
    booking = booking_for_staff(request.user, booking_id)
    try:
        ending = chat_end(booking=booking, user=staff_user(request))
    except ChatRefusedError as exc:
        messages.error(request, str(exc))
        return redirect("webchat:staff_chat", booking.pk)
    live.broadcast(booking.pk, live.status_event(ending.booking))
    if ending.saved_to_case:
        messages.success(request, "Chat ended. The transcript was saved to the case as a note")
    elif ending.transcript_kept:
        messages.success(request, "Chat ended. The transcript is kept with the chat")
    else:
        messages.success(request, "Chat ended. No transcript was kept")
    return redirect("webchat:staff_chat", booking.pk)
