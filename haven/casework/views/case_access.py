"""The one way a casework view gets its case: scoped, restricted-aware, with change rights checked."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from haven.access.errors import ReasonRequiredError
from haven.access.http import reason_redirect
from haven.accounts.signed_in import staff_user
from haven.casework.selectors import VisibleCase, case_for_user, may_still_open, note_for_user
from haven.casework.services import case_restricted_view_audit, case_view_record
from haven.core.read_audit import audits_reads, shows_page

CaseView = Callable[..., HttpResponse]


def with_case(*, change: bool = False, manage: bool = False) -> Callable[[CaseView], CaseView]:
    """Resolve `case_id` to a VisibleCase for the view; ask for a reason on restricted cases;
    403 when the page changes the case and the user may not. Every page shown is audited as a
    read of the case (a form shown again with errors too)."""

    def decorate(view: CaseView) -> CaseView:
        @login_required
        @audits_reads
        @wraps(view)
        def wrapper(request: HttpRequest, case_id: Any, *args: Any, **kwargs: Any) -> HttpResponse:
            try:
                visible = case_for_user(request.user, case_id)
            except ReasonRequiredError:
                return reason_redirect(request, case_id)
            if (change and not visible.can_change) or (manage and not visible.can_manage):
                raise PermissionDenied
            return audit_read(request, visible, view(request, visible, *args, **kwargs))

        return wrapper

    return decorate


def with_note(view: CaseView) -> CaseView:
    """Resolve `note_id` to its case (as `with_case`) and the note; the page is audited as a
    read of the case. The view decides who may change the note."""

    @login_required
    @audits_reads
    @wraps(view)
    def wrapper(request: HttpRequest, note_id: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            visible, note = note_for_user(request.user, note_id)
        except ReasonRequiredError as required:
            return reason_redirect(request, required.case_id)
        return audit_read(request, visible, view(request, visible, note, *args, **kwargs))

    return wrapper


def audit_read(request: HttpRequest, visible: VisibleCase, response: HttpResponse) -> HttpResponse:
    """Audit the read of the case when the response shows it; the response, unchanged."""
    if shows_page(response):
        _audit_read(request, visible)
    return response


def _audit_read(request: HttpRequest, visible: VisibleCase) -> None:
    if visible.grant is not None:
        case_restricted_view_audit(case=visible.case, user=staff_user(request), grant=visible.grant)
    else:
        case_view_record(case=visible.case, user=staff_user(request))


def after_action(
    request: HttpRequest, case_id: Any, done: str, *, back: str | None = None
) -> HttpResponse:
    """Land where the user can see: back to the case (or `back`) when they still may open it,
    else their worklist, saying why (an allocation or restriction can take a case away)."""
    if may_still_open(request.user, case_id):
        messages.success(request, done)
        return redirect(back or reverse("casework:detail", args=[case_id]))
    messages.success(
        request, f"{done}. The case is no longer one you can open, so here is your worklist."
    )
    return redirect("casework:worklist")


def case_url(visible: VisibleCase) -> str:
    return reverse("casework:detail", args=[visible.case.pk])
