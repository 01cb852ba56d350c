"""The one way a casework view gets its case: scoped, restricted-aware, with change rights checked."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from haven.access.errors import ReasonRequiredError
from haven.access.http import reason_redirect
from haven.accounts.signed_in import staff_user
from haven.casework.selectors import VisibleCase, case_for_user
from haven.casework.services import case_restricted_view_audit, case_view_record

CaseView = Callable[..., HttpResponse]


def with_case(*, change: bool = False, manage: bool = False) -> Callable[[CaseView], CaseView]:
    """Resolve `case_id` to a VisibleCase for the view; ask for a reason on restricted cases;
    403 when the page changes the case and the user may not."""

    def decorate(view: CaseView) -> CaseView:
        @login_required
        @wraps(view)
        def wrapper(request: HttpRequest, case_id: Any, *args: Any, **kwargs: Any) -> HttpResponse:
            try:
                visible = case_for_user(request.user, case_id)
            except ReasonRequiredError:
                return reason_redirect(request, case_id)
            if (change and not visible.can_change) or (manage and not visible.can_manage):
                raise PermissionDenied
            if request.method == "GET":
                _audit_read(request, visible)
            return view(request, visible, *args, **kwargs)

        return wrapper

    return decorate


def _audit_read(request: HttpRequest, visible: VisibleCase) -> None:
    if visible.grant is not None:
        case_restricted_view_audit(case=visible.case, user=staff_user(request), grant=visible.grant)
    else:
        case_view_record(case=visible.case, user=staff_user(request))


def case_url(visible: VisibleCase) -> str:
    return reverse("casework:detail", args=[visible.case.pk])
