"""A public form sent twice runs once (ADR 0007). The core middleware runs signed-in POSTs once
per form token; people using the front door are not signed in, so their POSTs claim the same
token here (a unique column: two clicks that arrive together cannot both claim it)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils import timezone

from haven.core.form_tokens import FIELD, TOKEN_SHAPE
from haven.portal.models import PublicSubmission

KEEP_FOR = timedelta(hours=24)


def _claim(token: str, path: str) -> PublicSubmission | None:
    try:
        with transaction.atomic():
            return PublicSubmission.objects.create(
                token=token, path=path[:500], claimed_at=timezone.now()
            )
    except IntegrityError:
        return None


def run_once[V: Callable[..., HttpResponse]](view: V) -> V:
    """Wrap a public view: a second POST with the same token is sent where the first went."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        token = request.POST.get(FIELD, "") if request.method == "POST" else ""
        if request.user.is_authenticated or not TOKEN_SHAPE.fullmatch(token):
            return view(request, *args, **kwargs)
        claim = _claim(token, request.path)
        if claim is None:
            held = PublicSubmission.objects.filter(token=token).first()
            return HttpResponseRedirect(
                held.redirect_to if held and held.redirect_to else request.path
            )
        response = view(request, *args, **kwargs)
        if response.status_code in (301, 302, 303) and response.get("Location"):
            PublicSubmission.objects.filter(pk=claim.pk).update(
                redirect_to=response["Location"][:2000]
            )
            PublicSubmission.objects.filter(claimed_at__lt=timezone.now() - KEEP_FOR).delete()
        else:
            claim.delete()
        return response

    return wrapped  # type: ignore[return-value]
