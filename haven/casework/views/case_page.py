"""The case page: header, deadlines, timeline and the actions open to this user in this state."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from haven.accounts.signed_in import staff_user
from haven.casework.models import Task
from haven.casework.rules import attempt_refusal, open_follow_ups, record_refusal
from haven.casework.sections import case_sections
from haven.casework.selectors import (
    VisibleCase,
    named_staff,
    tasks_for,
    timeline_for,
)
from haven.casework.selectors_drafts import drafts_on_case
from haven.casework.selectors_needs import latest_needs
from haven.casework.selectors_onward import referral_rows
from haven.casework.services import case_next_states, exit_requirements, task_done_refusal
from haven.casework.transitions import allowed_next_states
from haven.casework.views.case_access import with_case
from haven.casework.views.exit_steps import record_links
from haven.casework.views.rendering import render_page

TIMELINE_PAGE_SIZE = 100


def _risk_links(visible: VisibleCase) -> list[tuple[str, str]]:
    """The risk checklist (while the case is open, for those who may change it) and its history
    (pages of the risk app above casework, linked by name)."""
    pk = visible.case.pk
    links = []
    if visible.can_change and visible.case.state != "closed":
        links.append(("Complete the risk checklist", reverse("risk:complete", args=[pk])))
    links.append(("Risk assessment history", reverse("risk:history", args=[pk])))
    return links


def _markable(visible: VisibleCase, tasks: list[Task]) -> set[object]:
    """The tasks this user may mark done by hand (no recorded event meets them)."""
    if not visible.can_change:
        return set()
    return {task.pk for task in tasks if task_done_refusal(task) is None}


@with_case()
def case_detail(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    case = visible.case
    tasks = list(tasks_for(case))
    requirements = exit_requirements(case) if case.state != "closed" else []
    needs_assessed, needs_rows = latest_needs(case)
    context = {
        "visible": visible,
        "case": case,
        "tasks": tasks,
        "markable": _markable(visible, tasks),
        "next_task": next((t for t in tasks if t.is_outstanding), None),
        "timeline": Paginator(timeline_for(case), TIMELINE_PAGE_SIZE).get_page(
            request.GET.get("page")
        ),
        "named_staff": named_staff(case) if case.is_restricted else [],
        "can_change_state": visible.can_change and bool(case_next_states(case)),
        "can_close": visible.can_change and "closed" in allowed_next_states(case.state),
        "risk_links": _risk_links(visible),
        # casework.rules: a closed case takes nothing, bar the contact towards an open follow-up
        "can_record": visible.can_change and record_refusal(case) is None,
        "can_record_attempt": visible.can_change and attempt_refusal(case) is None,
        "follow_ups": list(open_follow_ups(case)),
        "requirements": requirements,
        "record_links": record_links(request.user, visible, requirements),
        "needs_assessed": needs_assessed,
        "needs_rows": needs_rows,
        "onward_referrals": referral_rows(case),  # issue 11 item 4, with their outcomes
        # the sections of the apps above casework (casework/sections.py)
        "sections": case_sections(request, visible),
        # issue 11: the forms this user saved as drafts here, to continue
        "drafts": drafts_on_case(case, staff_user(request)) if visible.can_change else [],
    }
    return render_page(request, "casework/case_detail.html", context)
