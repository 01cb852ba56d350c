"""Reads of support sessions, always through a case the viewer was already given."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, QuerySet, Sum

from haven.casework.models import Case
from haven.support.models import SupportSession


def sessions_for(case: Case) -> QuerySet[SupportSession]:
    """The case's sessions, latest first, with who delivered them."""
    return SupportSession.objects.filter(case=case).select_related("delivered_by")


@dataclass(frozen=True)
class SessionSummary:
    count: int
    total_minutes: int
    latest: list[SupportSession]

    @property
    def duration_text(self) -> str:
        """The time in all as staff say it: "45 minutes", "1 hour", "2 hours 30 minutes"."""
        hours, minutes = divmod(self.total_minutes, 60)
        parts = [f"{hours} hour{'s' if hours != 1 else ''}"] if hours else []
        if minutes or not hours:
            parts.append(f"{minutes} minute{'s' if minutes != 1 else ''}")
        return " ".join(parts)


def session_summary(case: Case, *, latest: int) -> SessionSummary:
    """How many sessions the case has had, their minutes in all, and the `latest` few."""
    totals = SupportSession.objects.filter(case=case).aggregate(
        count=Count("id"), minutes=Sum("duration_minutes")
    )
    return SessionSummary(
        count=totals["count"],
        total_minutes=totals["minutes"] or 0,
        latest=list(sessions_for(case)[:latest]) if totals["count"] else [],
    )
