"""Helpers the register and log pages share: the permission gate and the read audit."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.core.read_audit import audit_list_view, shows_page

type View = Callable[..., HttpResponse]


def keeps_register(view: View) -> View:
    """Signed in, and a team leader or service manager (or superuser). A page that shows records
    is also marked `@audits_reads` and audits them (`audit_shown` / `audit_record_read`)."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.has_perm("incidents.view_register"):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def audit_shown(
    request: HttpRequest,
    response: HttpResponse,
    *,
    object_type: str,
    shown: Iterable[Any],
    page: str,
) -> HttpResponse:
    if shows_page(response):
        audit_list_view(user=request.user, object_type=object_type, shown=shown, page=page)
    return response


def audit_record_read(request: HttpRequest, response: HttpResponse, record: Any) -> HttpResponse:
    if shows_page(response):
        audit_event(actor=request.user, action=AuditAction.VIEW, target=record)
    return response
