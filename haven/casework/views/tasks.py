"""Mark a deadline done that no recorded event meets (needs assessment, support plan, review…)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone

from haven.accounts.signed_in import staff_user
from haven.casework.forms.tasks import TaskDoneForm
from haven.casework.models import TaskStatus
from haven.casework.selectors import VisibleCase, task_of_case
from haven.casework.services import (
    TaskNotMarkableError,
    exit_requirements,
    task_done_refusal,
    task_mark_done,
)
from haven.casework.views.case_access import case_url, with_case
from haven.casework.views.exit_steps import record_links
from haven.casework.views.rendering import render_page


@with_case(change=True)
def task_done(request: HttpRequest, visible: VisibleCase, task_id: Any) -> HttpResponse:
    case = visible.case
    task = task_of_case(case, task_id)
    refusal = task_done_refusal(task)
    if refusal:
        messages.info(request, refusal)
        return redirect(case_url(visible))
    form = TaskDoneForm(
        request.POST if request.method == "POST" else None,
        opened_at=case.opened_at,
        initial={"done_at": timezone.now()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            task = task_mark_done(
                task=task,
                done_by=staff_user(request),
                done_at=form.cleaned_data["done_at"],
                note=form.cleaned_data["note"],
            )
        except TaskNotMarkableError as refused:
            messages.info(request, str(refused))
        else:
            late = " (done late)" if task.status == TaskStatus.BREACHED else ""
            messages.success(request, f"{task.label}: marked as done{late}")
        return redirect(case_url(visible))
    # A needs-assessment deadline is never the reassessment before closure: point to that page.
    requirements = exit_requirements(case) if task.action == "needs_assessment" else []
    required = [r for r in requirements if r.key == "needs_reassessment"]
    return render_page(
        request,
        "casework/task_done_form.html",
        {
            "form": form,
            "case": case,
            "task": task,
            "title": "Mark as done",
            "reassessment_required": bool(required),
            "reassessment": record_links(request.user, visible, required).get("needs_reassessment"),
        },
    )
