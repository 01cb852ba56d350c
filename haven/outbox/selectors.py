"""Reading the outbox, always through the cases the user may see (Case.objects.visible_to:
restricted cases only for their named staff)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from haven.accounts.signed_in import Viewer
from haven.casework.models import Case
from haven.outbox.models import Message, MessageChannel, MessageStatus


def messages_of(case: Case) -> QuerySet[Message]:
    return Message.objects.filter(case=case).select_related("created_by").order_by("-created_at")


def message_on(case: Case, message_id: Any) -> Message:
    message = Message.objects.filter(case=case, pk=message_id).select_related("person").first()
    if message is None:
        raise Http404("No such message")
    return message


def letter_queue(user: Viewer) -> QuerySet[Message]:
    """Letters to print or post, oldest first, on cases the user may open without a reason."""
    return (
        Message.objects.filter(
            channel=MessageChannel.LETTER,
            status__in=[MessageStatus.QUEUED, MessageStatus.PRINTED],
            case__in=Case.objects.visible_to(user),
        )
        .select_related("case", "person", "created_by")
        .order_by("created_at")
    )
