"""The person's side of the secure web chat: public, no account, the public layout with Exit
this page (issue 14 item 4; seed 002 Lot 1 s3.6). The one-time code binds the booking to this
browser session; after that the session alone gets back in. Everything works without
JavaScript: a message is a form POST, and the page is reloaded to see new messages; with
JavaScript the page uses the WebSocket, or polls when WebSockets are blocked."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from haven.portal.models import ChatBooking, ChatBookingStatus
from haven.webchat import live
from haven.webchat.forms import CodeForm, ConsentForm, MessageForm
from haven.webchat.selectors import (
    SESSION_BOOKING,
    SESSION_JOINED,
    booking_of_session,
    messages_of,
)
from haven.webchat.services import ChatRefusedError, chat_code_use, chat_join, chat_message_send

ENDED = (ChatBookingStatus.ENDED, ChatBookingStatus.MISSED, ChatBookingStatus.CANCELLED)


def _client_address(request: HttpRequest) -> str:
    # uvicorn puts the client's address here (from X-Forwarded-For only behind a trusted proxy)
    return str(request.META.get("REMOTE_ADDR") or "unknown")


@require_http_methods(["GET", "POST"])
def enter(request: HttpRequest) -> HttpResponse:
    """Ask for the one-time code (POST only: a code never travels in a URL)."""
    current = booking_of_session(request.session)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not request.session.session_key:
            request.session.save()
        try:
            booking = chat_code_use(
                code=form.cleaned_data["code"],
                session_key=request.session.session_key or "",
                address=_client_address(request),
            )
        except ChatRefusedError as exc:
            form.add_error("code", str(exc))
        else:
            request.session[SESSION_BOOKING] = str(booking.pk)
            return redirect("webchat:consent")
    return render(request, "webchat/enter.html", {"form": form, "current": current})


@require_http_methods(["GET", "POST"])
def consent(request: HttpRequest) -> HttpResponse:
    """Before the chat: may the transcript be kept (pre-filled from the booking)?"""
    booking = booking_of_session(request.session)
    if booking is None:
        return redirect("webchat:enter")
    if booking.status in ENDED:
        return redirect("webchat:room")
    initial = {"consent": "yes" if booking.consent_to_transcript else "no"}
    form = ConsentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            booking = chat_join(
                booking=booking, consent_to_transcript=form.cleaned_data["consent"] == "yes"
            )
        except ChatRefusedError as exc:
            form.add_error(None, str(exc))
        else:
            request.session[SESSION_JOINED] = True
            live.broadcast(booking.pk, live.status_event(booking))
            return redirect("webchat:room")
    return render(request, "webchat/consent.html", {"form": form, "booking": booking})


def _room_context(booking: ChatBooking) -> dict[str, object]:
    return {
        "booking": booking,
        "chat_messages": messages_of(booking),
        "ended": booking.status in ENDED,
        "side": "person",
        "status_text": live.STATUS_TEXT,
    }


@require_http_methods(["GET", "POST"])
def room(request: HttpRequest) -> HttpResponse:
    """The chat: the messages so far and a form to send one."""
    booking = booking_of_session(request.session)
    if booking is None:
        return redirect("webchat:enter")
    if not request.session.get(SESSION_JOINED) and booking.status not in ENDED:
        return redirect("webchat:consent")
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            message = chat_message_send(booking=booking, body=form.cleaned_data["body"])
        except ValidationError as exc:
            form.add_error("body", exc.message_dict.get("body", exc.messages))
        except ChatRefusedError as exc:
            form.add_error(None, str(exc))
        else:
            live.broadcast(booking.pk, live.message_event(message))
            return redirect("webchat:room")
    context = _room_context(booking) | {"form": form}
    return render(request, "webchat/room.html", context)


@require_GET
def room_messages(request: HttpRequest) -> HttpResponse:
    """The messages and status only, for a page whose WebSocket cannot connect (polling)."""
    booking = booking_of_session(request.session)
    if booking is None:
        return HttpResponse(status=403)
    return render(request, "webchat/_messages.html", _room_context(booking))
