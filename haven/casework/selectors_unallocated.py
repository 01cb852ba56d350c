"""The Unallocated queue (issue 13 item 13): open cases with no worker, oldest first, with their
next deadline, for the staff who may see them (`Case.objects.visible_to`): caseworkers and team
leaders their teams' cases, service managers their organisations' (cases with no team too).
Imported police cases wait here unless their team's rule allocates them, so none sits
unallocated and unseen."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.db.models import OuterRef, Q, Subquery

from haven.accounts.signed_in import Viewer
from haven.casework.models import Case, CaseQuerySet, CaseState, Task

QUEUE_PAGE_SIZE = 50


def unallocated_cases(user: Viewer) -> CaseQuerySet:
    """Open cases no worker holds that the user may see, oldest first, each with its next
    deadline (`next_due_at`, `next_due_label`); one query however many cases."""
    if not user.has_perm("casework.view_caseload"):
        raise PermissionDenied
    tasks = Task.objects.filter(case_id=OuterRef("pk"), is_outstanding=True).order_by(
        "due_at", "pk"
    )
    return (
        Case.objects.visible_to(user)
        .filter(~Q(state=CaseState.CLOSED), allocated_to__isnull=True)
        .annotate(
            next_due_at=Subquery(tasks.values("due_at")[:1]),
            next_due_label=Subquery(tasks.values("label")[:1]),
        )
        .select_related("person", "contract", "team")
        .defer("contract__profile")
        .order_by("opened_at", "pk")
    )


def unallocated_page(user: Viewer, page: Any = 1) -> Page[Case]:
    return Paginator(unallocated_cases(user), QUEUE_PAGE_SIZE).get_page(page)
