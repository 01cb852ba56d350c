"""`haven chat_missed`: mark web chats whose booked time ended without the person as missed
(run from cron; the staff list does the same each time it is shown)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from haven.webchat.services import bookings_mark_missed


class Command(BaseCommand):
    help = "Mark web chats whose booked time ended without the person joining as missed."

    def handle(self, *args: Any, **options: Any) -> None:
        count = bookings_mark_missed()
        self.stdout.write(f"{count} web chat(s) marked missed")
