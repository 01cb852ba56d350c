"""The outbox pages: send a message from a case (choose, preview with the safe-contact check,
send), one message, the print-and-post queue, a letter's PDF and marking it printed or posted."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from haven.accounts.signed_in import staff_user
from haven.casework.selectors import VisibleCase
from haven.casework.views.case_access import with_case
from haven.casework.views.rendering import render_page
from haven.core.read_audit import audit_list_view, audits_reads, shows_page
from haven.outbox.forms import MessageForm
from haven.outbox.letters import letter_pdf
from haven.outbox.models import MessageChannel, MessageStatus
from haven.outbox.selectors import letter_queue, message_on
from haven.outbox.services import (
    Prepared,
    letter_mark_posted,
    letter_mark_printed,
    letter_pdf_download_record,
    message_prepare,
    message_send,
    templates_for,
)
from haven.outbox.wording import WordingError


def _wording(visible: VisibleCase) -> Any:
    try:
        return templates_for(visible.case)
    except WordingError as problem:
        raise PermissionDenied(
            f"The contract's message templates are not valid: {problem}"
        ) from problem


@with_case(change=True)
def send(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    """Choose a message and preview it with the safe-contact check (GET), then send it (POST)."""
    case = visible.case
    wording = _wording(visible)
    data = request.POST if request.method == "POST" else request.GET
    # ?choose=template:channel preselects a message (the links from the case's duties)
    form = MessageForm(
        data if "message" in data else None,
        wording=wording,
        initial={"message": request.GET.get("choose", "")},
    )
    prepared: Prepared | None = None
    if form.is_bound and form.is_valid():
        template_key, channel = form.chosen()
        try:
            if request.method == "POST":
                message = message_send(
                    case=case,
                    template_key=template_key,
                    channel=channel,
                    sent_by=staff_user(request),
                    details=form.details(),
                )
                _say_what_happened(request, message)
                return redirect("outbox:message", case.pk, message.pk)
            prepared = message_prepare(
                case=case, template_key=template_key, channel=channel, details=form.details()
            )
        except ValidationError as refused:
            form.add_problems(refused)
    hidden = [(key, value) for key, value in request.GET.items()] if prepared else []
    return render_page(
        request,
        "outbox/send.html",
        {"form": form, "case": case, "prepared": prepared, "hidden": hidden},
    )


def _say_what_happened(request: HttpRequest, message: Any) -> None:
    if message.status == MessageStatus.BLOCKED:
        messages.error(request, "Not sent: the safe-contact check blocked it")
    elif message.status == MessageStatus.QUEUED and message.channel == MessageChannel.LETTER:
        messages.success(request, "Letter queued for printing and posting")
    elif message.status == MessageStatus.QUEUED:
        messages.error(request, message.status_detail or "Queued, not sent")
    elif message.status == MessageStatus.FAILED:
        messages.error(request, message.status_detail or "Not sent")
    else:
        messages.success(request, f"{message.get_channel_display()} sent")


@with_case()
def message_detail(request: HttpRequest, visible: VisibleCase, message_id: Any) -> HttpResponse:
    message = message_on(visible.case, message_id)
    return render_page(
        request,
        "outbox/message.html",
        {"case": visible.case, "message": message, "can_change": visible.can_change},
    )


@with_case()
def letter_download(request: HttpRequest, visible: VisibleCase, message_id: Any) -> HttpResponse:
    """The letter as a PDF for printing: only a letter with a safe address (audited, no-store)."""
    message = message_on(visible.case, message_id)
    if message.channel != MessageChannel.LETTER or message.status == MessageStatus.BLOCKED:
        raise PermissionDenied("Only a letter that was not blocked can be printed")
    pdf = letter_pdf(message)
    letter_pdf_download_record(message=message, downloaded_by=staff_user(request))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="letter-{message.pk}.pdf"'
    response["Cache-Control"] = "no-store"
    return response


def _back(request: HttpRequest, case_id: Any, message_id: Any) -> HttpResponse:
    target = request.POST.get("next", "")
    local = target.startswith("/") and not target.startswith("//")
    if local and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return HttpResponseRedirect(target)
    return redirect("outbox:message", case_id, message_id)


@require_POST
@with_case(change=True)
def letter_printed(request: HttpRequest, visible: VisibleCase, message_id: Any) -> HttpResponse:
    message = message_on(visible.case, message_id)
    try:
        letter_mark_printed(message=message, printed_by=staff_user(request))
    except ValidationError as refused:
        messages.error(request, "; ".join(refused.messages))
    else:
        messages.success(request, "Letter marked as printed")
    return _back(request, visible.case.pk, message.pk)


@require_POST
@with_case(change=True)
def letter_posted(request: HttpRequest, visible: VisibleCase, message_id: Any) -> HttpResponse:
    """Posted: checked again, then the contact attempt is recorded (seed 002 s3.7)."""
    message = message_on(visible.case, message_id)
    try:
        message = letter_mark_posted(message=message, posted_by=staff_user(request))
    except ValidationError as refused:
        messages.error(request, "; ".join(refused.messages))
    else:
        if message.status == MessageStatus.BLOCKED:
            messages.error(request, "Not posted: the safe-contact check now blocks this letter")
            return redirect("outbox:message", visible.case.pk, message.pk)
        messages.success(request, "Letter marked as posted: the contact attempt is recorded")
    return _back(request, visible.case.pk, message.pk)


@audits_reads
@login_required
def letters(request: HttpRequest) -> HttpResponse:
    """The print-and-post queue: letters to print, then to post."""
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    if not request.user.has_perm("outbox.view_letter_queue"):
        raise PermissionDenied
    queue = list(letter_queue(request.user))
    response = render_page(
        request,
        "outbox/letters.html",
        {
            "to_print": [m for m in queue if m.status == MessageStatus.QUEUED],
            "to_post": [m for m in queue if m.status == MessageStatus.PRINTED],
        },
    )
    if shows_page(response):
        audit_list_view(
            user=request.user,
            object_type="outbox.message",
            shown=[message.pk for message in queue],
            page="letters to print and post",
        )
    return response
