"""One-time form tokens: a form sent twice runs once and lands where the first went (ADR 0007).

Every POST form renders ``{{ csrf_input }}`` (Django refuses the POST without it); the
``form_tokens`` context processor makes that input carry a fresh one-time token too, so every
form has one without anyone remembering. ``OneTimeFormTokenMiddleware`` claims the token before
the view runs (a unique column, so two clicks that arrive together cannot both claim it), stores
where the view sent the user, and answers a second POST with the same token by sending the user
there again, without running the view.
"""

from __future__ import annotations

import re
import secrets
import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString

from haven.core.models import FormSubmission

FIELD = "form_token"
TOKEN_MAX_LENGTH = 64
# what new_token() makes (secrets.token_urlsafe), with room for shorter and longer ones
TOKEN_SHAPE = re.compile(rf"[A-Za-z0-9_-]{{16,{TOKEN_MAX_LENGTH}}}")
KEEP_FOR = timedelta(hours=24)
# A claim that never completed (the process died mid-request) is given up after this long.
ABANDONED_AFTER = timedelta(minutes=2)
ALREADY_SENT = "This form had already been sent, so it was not saved again."

Handler = Callable[[HttpRequest], HttpResponse]


def new_token() -> str:
    return secrets.token_urlsafe(24)


def form_token_input() -> SafeString:
    """A hidden input with a fresh one-time token (one per form: never shared between forms)."""
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, new_token())


class _CsrfAndFormToken:
    """``{{ csrf_input }}`` in Haven's Jinja templates: the CSRF input and a fresh form token,
    rendered anew each time it is written, so two forms on one page never share a token."""

    def __init__(self, request: HttpRequest) -> None:
        self.request = request

    def __html__(self) -> str:
        csrf = format_html(
            '<input type="hidden" name="csrfmiddlewaretoken" value="{}">', get_token(self.request)
        )
        return csrf + form_token_input()

    __str__ = __html__


def form_tokens(request: HttpRequest) -> dict[str, Any]:
    """Context processor (Jinja): ``csrf_input`` carries a one-time token; ``form_token()`` too."""
    return {"csrf_input": _CsrfAndFormToken(request), "form_token": form_token_input}


# --- writes (infrastructure, not personal data: not audited) ---------------------------------


def form_submission_claim(*, token: str, user: Any, path: str) -> FormSubmission | None:
    """Claim the token for this POST; None when another POST already holds it."""
    try:
        with transaction.atomic():
            return FormSubmission.objects.create(
                token=token, user=user, path=path[:500], claimed_at=timezone.now()
            )
    except IntegrityError:
        return None


def form_submission_complete(*, submission: FormSubmission, redirect_to: str) -> None:
    """Remember where the first POST went; forget this user's tokens older than a day."""
    now = timezone.now()
    FormSubmission.objects.filter(pk=submission.pk).update(
        redirect_to=redirect_to[:2000], completed_at=now
    )
    FormSubmission.objects.filter(user=submission.user, claimed_at__lt=now - KEEP_FOR).delete()


def form_submission_release(*, submission: FormSubmission) -> None:
    """Nothing was done (errors shown again, refused, failed): the token may be sent again."""
    FormSubmission.objects.filter(pk=submission.pk, completed_at__isnull=True).delete()


# --- the middleware --------------------------------------------------------------------------


def _token_of(request: HttpRequest) -> str:
    """The POST's token if it is one Haven could have made (URL-safe base64 of a sane length);
    anything else (a NUL byte, which PostgreSQL refuses to store, markup, a megabyte) counts as no
    token, so the form runs as a form without one would."""
    token = request.POST.get(FIELD, "")
    return token if TOKEN_SHAPE.fullmatch(token) else ""


def _wait_for_first(token: str) -> FormSubmission | None:
    """The claim holding this token, once it has completed (or is abandoned or released);
    waits a few seconds for a POST still running (a double click)."""
    deadline = time.monotonic() + settings.HAVEN_FORM_TOKEN_WAIT_SECONDS
    while True:
        held = FormSubmission.objects.filter(token=token).first()
        if held is None or held.completed_at is not None:
            return held
        if held.claimed_at < timezone.now() - ABANDONED_AFTER:
            form_submission_release(submission=held)
            return None
        if time.monotonic() >= deadline:
            return held
        time.sleep(0.1)


class OneTimeFormTokenMiddleware:
    """Runs each form's POST once per token (see the module docstring and ADR 0007).

    Only signed-in POSTs that carry a token take part: sign-in forms, API clients and scripts
    are unaffected. It acts in ``process_view``, after the CSRF check has passed."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        submission: FormSubmission | None = getattr(request, "_haven_form_submission", None)
        if submission is not None:
            if response.status_code in (301, 302, 303) and response.get("Location"):
                form_submission_complete(submission=submission, redirect_to=response["Location"])
            else:
                form_submission_release(submission=submission)
        return response

    def process_view(
        self, request: HttpRequest, view: Any, args: Any, kwargs: Any
    ) -> HttpResponse | None:
        if request.method != "POST" or not request.user.is_authenticated:
            return None
        token = _token_of(request)
        if not token:
            return None
        for _ in range(3):  # claim; or replay the first; or claim once the first let it go
            submission = form_submission_claim(token=token, user=request.user, path=request.path)
            if submission is not None:
                request._haven_form_submission = submission  # type: ignore[attr-defined]
                return None
            held = _wait_for_first(token)
            if held is None:
                continue
            if held.user_id != request.user.pk or held.completed_at is None:
                break
            messages.info(request, ALREADY_SENT)
            return HttpResponseRedirect(held.redirect_to)
        return render(request, "core/form_in_progress.html", status=409)
