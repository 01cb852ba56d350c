"""Staff pages: the partner organisations (service managers and administrators) and the
partners' API tokens (administrators: create, shown once; revoke)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from haven.accounts.signed_in import staff_user
from haven.core.formatting import when
from haven.partners.forms import TokenCreateForm
from haven.partners.selectors import (
    api_token_for,
    api_tokens_for,
    partner_contracts_of,
    partner_organisations_for,
    token_organisations_for,
)
from haven.partners.services import api_token_create, api_token_revoke

NEW_TOKEN_SESSION = "haven_partner_new_token"  # noqa: S105 - a session key, not a secret


@login_required
def organisations(request: HttpRequest) -> HttpResponse:
    """The partner organisations, the services each refers to (by which route) and counts."""
    rows = list(partner_organisations_for(request.user))
    return render(
        request,
        "partners/organisations.html",
        {"rows": rows, "can_manage_tokens": request.user.has_perm("partners.manage_tokens")},
    )


def _managing(request: HttpRequest) -> None:
    if not request.user.has_perm("partners.manage_tokens"):
        raise PermissionDenied


@login_required
def tokens(request: HttpRequest) -> HttpResponse:
    _managing(request)
    return render(
        request,
        "partners/tokens.html",
        {"tokens": list(api_tokens_for(request.user)), "now": timezone.now(), "when": when},
    )


@login_required
def token_new(request: HttpRequest) -> HttpResponse:
    """A token for an organisation's system, for every service the organisation refers to."""
    _managing(request)
    form = TokenCreateForm(
        request.POST if request.method == "POST" else None,
        organisations=token_organisations_for(request.user),
    )
    if request.method == "POST" and form.is_valid():
        organisation = form.cleaned_data["organisation"]
        try:
            created = api_token_create(
                organisation=organisation,
                name=form.cleaned_data["name"],
                contracts=[link.contract for link in partner_contracts_of(organisation)],
                expires_at=timezone.now() + timedelta(days=form.cleaned_data["days"]),
                created_by=staff_user(request),
            )
        except ValidationError as problems:
            for field, found in problems.message_dict.items():
                form.add_error(field if field in form.fields else None, found)
        else:
            # shown once, on the next page, then gone from the session
            request.session[NEW_TOKEN_SESSION] = [str(created.token.pk), created.raw]
            return redirect("partners:token_created", created.token.pk)
    return render(request, "partners/token_new.html", {"form": form})


@login_required
def token_created(request: HttpRequest, token_id: Any) -> HttpResponse:
    _managing(request)
    token = api_token_for(request.user, token_id)
    kept = request.session.pop(NEW_TOKEN_SESSION, None)
    raw = kept[1] if isinstance(kept, list) and len(kept) == 2 and kept[0] == str(token.pk) else ""
    if not raw:
        raise Http404
    return render(
        request, "partners/token_created.html", {"token": token, "raw": raw, "when": when}
    )


@login_required
@require_http_methods(["GET", "POST"])
def token_revoke(request: HttpRequest, token_id: Any) -> HttpResponse:
    _managing(request)
    token = api_token_for(request.user, token_id)
    if request.method == "POST":
        api_token_revoke(token=token, revoked_by=staff_user(request))
        messages.success(request, f"Token {token.prefix} revoked")
        return redirect("partners:tokens")
    return render(request, "partners/token_revoke.html", {"token": token})
