"""The chat's WebSockets: the person's (`/ws/chat/`, the booking bound to their browser session
by the one-time code) and the caseworker's (`/ws/chat/staff/<booking>/`, only for the caseworker
who took the chat). A browser sends ``{"body": "..."}``; every browser in the chat receives
``{"type": "message", ...}`` and ``{"type": "status", ...}``. A refused connection closes with
4403; nothing about the person or a message's text is logged."""

from __future__ import annotations

import json
import time
from typing import Any

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.conf import settings
from django.core.exceptions import ValidationError

from haven.accounts.models import User
from haven.core.middleware import SESSION_LAST_SEEN, SESSION_MFA_PASSED
from haven.portal.models import ChatBooking, ChatBookingStatus
from haven.webchat import live
from haven.webchat.models import MESSAGE_MAX_LENGTH
from haven.webchat.selectors import booking_of_session
from haven.webchat.services import ChatRefusedError, chat_message_send

REFUSED = 4403
# A frame larger than this is refused before it is parsed (the message limit, JSON-escaped).
FRAME_MAX_LENGTH = MESSAGE_MAX_LENGTH * 6 + 100


class _ChatConsumer(AsyncJsonWebsocketConsumer):  # type: ignore[misc]  # Channels is untyped
    booking_id: Any = None
    staff: User | None = None

    async def find_booking(self) -> ChatBooking | None:
        raise NotImplementedError

    async def connect(self) -> None:
        booking = await self.find_booking()
        if booking is None:
            await self.close(code=REFUSED)
            return
        self.booking_id = booking.pk
        await self.channel_layer.group_add(live.group_name(booking.pk), self.channel_name)
        await self.accept()
        await self.send_json({**live.status_event(booking), "type": "status"})

    async def disconnect(self, code: int) -> None:
        if self.booking_id is not None:
            await self.channel_layer.group_discard(
                live.group_name(self.booking_id), self.channel_name
            )

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        if text_data is None or len(text_data) > FRAME_MAX_LENGTH:
            await self.send_json(
                {"type": "error", "message": "A message must be 2,000 characters or less"}
            )
            return
        await super().receive(text_data=text_data)

    @classmethod
    async def decode_json(cls, text_data: str) -> Any:
        try:
            return json.loads(text_data)
        except ValueError:
            return None  # not JSON: answered like a frame without a message

    async def receive_json(self, content: Any, **kwargs: Any) -> None:
        body = content.get("body") if isinstance(content, dict) else None
        if not isinstance(body, str):
            await self.send_json({"type": "error", "message": "Enter a message"})
            return
        try:
            event = await self._send(body)
        except ValidationError as exc:
            await self.send_json({"type": "error", "message": " ".join(exc.messages)})
            return
        except ChatRefusedError as exc:
            await self.send_json({"type": "error", "message": str(exc)})
            return
        await self.channel_layer.group_send(live.group_name(self.booking_id), event)

    @database_sync_to_async  # type: ignore[untyped-decorator]
    def _send(self, body: str) -> dict[str, Any]:
        booking = ChatBooking.objects.get(pk=self.booking_id)
        message = chat_message_send(booking=booking, body=body, staff=self.staff)
        session = self.scope.get("session")
        if self.staff is not None and session is not None:
            # chatting is activity: the idle sign-out (SessionTimeoutMiddleware) counts it
            session[SESSION_LAST_SEEN] = time.time()
            session.save()
        return live.message_event(message)

    async def chat_message(self, event: dict[str, Any]) -> None:
        await self.send_json({**event, "type": "message"})

    async def chat_status(self, event: dict[str, Any]) -> None:
        await self.send_json({**event, "type": "status"})
        if event.get("status") in {ChatBookingStatus.ENDED, ChatBookingStatus.CANCELLED}:
            await self.close()


class PersonChatConsumer(_ChatConsumer):
    """The person's side: the booking their session was bound to with the one-time code."""

    @database_sync_to_async  # type: ignore[untyped-decorator]
    def find_booking(self) -> ChatBooking | None:
        session = self.scope.get("session")
        if session is None:
            return None
        booking = booking_of_session(session)
        if booking is None or booking.status not in (
            ChatBookingStatus.WAITING,
            ChatBookingStatus.IN_PROGRESS,
        ):
            return None
        return booking


class StaffChatConsumer(_ChatConsumer):
    """The caseworker's side: only the one who took the chat, while it is in progress."""

    @database_sync_to_async  # type: ignore[untyped-decorator]
    def find_booking(self) -> ChatBooking | None:
        user = self.scope.get("user")
        if not isinstance(user, User) or not user.is_authenticated or not user.is_active:
            return None
        session = self.scope.get("session")
        if settings.HAVEN_MFA_REQUIRED and (
            session is None or session.get(SESSION_MFA_PASSED) != str(user.pk)
        ):
            return None  # a session that has not passed MFA (as MfaRequiredMiddleware)
        booking_id = self.scope["url_route"]["kwargs"]["booking_id"]
        booking = ChatBooking.objects.filter(
            pk=booking_id, status=ChatBookingStatus.IN_PROGRESS, taken_by=user
        ).first()
        if booking is None or not user.has_perm("webchat.answer_chat", booking):
            return None
        self.staff = user
        return booking
