"""The subject access pages (issue 15 item 3): the list with due dates, a new request, one
request with its timeline, and each step. The data protection officer works them; the auditor
reads the list and the timelines. Every page is audited as a read of the request (and its
person); the bundle downloads as exports. Only UUIDs in URLs."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_POST

from haven.accounts.signed_in import staff_user
from haven.casework.views.rendering import render_page
from haven.core.read_audit import audit_list_view, audit_record_view, audits_reads, shows_page
from haven.govuk.forms import GovukForm
from haven.subjectaccess import forms, selectors, services
from haven.subjectaccess.deadlines import due_of, first_month_due
from haven.subjectaccess.gather import NOT_SEARCHED
from haven.subjectaccess.models import (
    IdentityStatus,
    ItemDecision,
    SarState,
    SubjectAccessRequest,
)

SarView = Callable[..., HttpResponse]


def with_sar(*, officer: bool = True) -> Callable[[SarView], SarView]:
    """Resolve `sar_id` (the officer's, or for `officer=False` the log's readers too); every page
    shown is audited as a read of the request naming its person."""

    def decorate(view: SarView) -> SarView:
        @login_required
        @audits_reads
        @wraps(view)
        def wrapper(request: HttpRequest, sar_id: Any, *args: Any, **kwargs: Any) -> HttpResponse:
            if officer:
                sar = selectors.sar_for_officer(request.user, sar_id)
            else:
                sar = selectors.sar_for_log(request.user, sar_id)
            response = view(request, sar, *args, **kwargs)
            if shows_page(response):
                audit_record_view(user=request.user, target=sar, shown=[sar.person_id])
            return response

        return wrapper

    return decorate


def _form_page(
    request: HttpRequest,
    sar: SubjectAccessRequest | None,
    form: GovukForm,
    *,
    title: str,
    button: str,
    intro: list[str] | None = None,
    warning: bool = False,
) -> HttpResponse:
    return render_page(
        request,
        "subjectaccess/form_page.html",
        {
            "sar": sar,
            "form": form,
            "title": title,
            "button": button,
            "intro": intro or [],
            "warning": warning,
        },
    )


def _post_form(request: HttpRequest, form_class: type[GovukForm], **kwargs: Any) -> Any:
    return form_class(request.POST if request.method == "POST" else None, **kwargs)


@login_required
@audits_reads
def sar_list(request: HttpRequest) -> HttpResponse:
    """Every request: open ones by due date (overdue and due soon marked), then closed ones."""
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    sars = selectors.sars_for_log(request.user)
    today = timezone.localdate()
    dues = selectors.due_list(sars, today)
    closed = [sar for sar in sars.order_by("-received_on") if not sar.is_open]
    response = render_page(
        request,
        "subjectaccess/list.html",
        {
            "dues": dues,
            "closed": closed,
            "overdue": sum(1 for due in dues if due.overdue),
            "due_soon": sum(1 for due in dues if due.due_soon),
            "can_run": request.user.has_perm("subjectaccess.run_sar"),
        },
    )
    if shows_page(response):
        audit_list_view(
            user=request.user,
            object_type="subjectaccess.subjectaccessrequest",
            shown=[due.sar.pk for due in dues] + [sar.pk for sar in closed],
            page="subject access requests",
        )
    return response


@login_required
def sar_new(request: HttpRequest) -> HttpResponse:
    """Log a request: find the person by reference code (never by name in a URL)."""
    if not request.user.has_perm("subjectaccess.run_sar"):
        raise PermissionDenied
    form = _post_form(request, forms.NewRequestForm)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        person = selectors.person_by_reference(request.user, data["reference_code"])
        if person is None:
            form.add_error("reference_code", "No person with this reference code in your service")
        else:
            created: list[SubjectAccessRequest] = []
            if form.saved_by(
                lambda: created.append(
                    services.sar_create(
                        person=person,
                        received_on=data["received_on"],
                        received_how=data["received_how"],
                        requester=data["requester"],
                        representative_name=data["representative_name"],
                        representative_authority=data["representative_authority"],
                        request_details=data["request_details"],
                        created_by=staff_user(request),
                    )
                )
            ):
                messages.success(request, "Request logged")
                return redirect("subjectaccess:detail", created[0].pk)
    return _form_page(
        request,
        None,
        form,
        title="Log a subject access request",
        button="Log the request",
        intro=[
            "The one-month deadline runs from the day the request was received, whether or not "
            "it was a working day."
        ],
    )


@with_sar(officer=False)
def sar_detail(request: HttpRequest, sar: SubjectAccessRequest) -> HttpResponse:
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    today = timezone.localdate()
    officer = request.user.has_perm("subjectaccess.run_sar")
    bundle = getattr(sar, "bundle", None) if officer else None
    return render_page(
        request,
        "subjectaccess/detail.html",
        {
            "sar": sar,
            "due": due_of(sar, today) if sar.is_open else None,
            "first_month": first_month_due(sar, today),
            "stops": list(sar.stops.all()),
            "timeline": list(selectors.timeline_of(sar)),
            "officer": officer,
            "pending": selectors.pending_count(sar) if officer else 0,
            "bundle": bundle,
            "verified": sar.identity_status == IdentityStatus.VERIFIED,
            "clock_stopped": any(stop.ended_on is None for stop in sar.stops.all()),
            "rights": services.REFUSAL_RIGHTS,
            "State": SarState,
        },
    )


@with_sar()
def verify(request: HttpRequest, sar: SubjectAccessRequest) -> HttpResponse:
    form = _post_form(request, forms.VerifyForm)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.saved_by(
            lambda: services.sar_verify_identity(
                sar=sar,
                verified_on=data["verified_on"],
                method=data["method"],
                verified_by=staff_user(request),
            )
        ):
            messages.success(request, "Identity verified")
            return redirect("subjectaccess:detail", sar.pk)
    return _form_page(request, sar, form, title="Verify identity", button="Save")


@with_sar()
def stop(request: HttpRequest, sar: SubjectAccessRequest) -> HttpResponse:
    form = _post_form(request, forms.StopForm)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.saved_by(
            lambda: services.sar_clock_stop(
                sar=sar,
                reason=data["reason"],
                started_on=data["started_on"],
                note=data["note"],
                stopped_by=staff_user(request),
            )
        ):
            messages.success(request, "Clock stopped")
            return redirect("subjectaccess:detail", sar.pk)
    return _form_page(
        request,
        sar,
        form,
        title="Stop the clock",
        button="Stop the clock",
        intro=[
            "While you wait for proof of identity or reasonable clarification, those days do "
            "not count towards the month (Data (Use and Access) Act 2025)."
        ],
    )


@with_sar()
def restart(request: HttpRequest, sar: SubjectAccessRequest) -> HttpResponse:
    form = _post_form(request, forms.RestartForm)
    if (
        request.method == "POST"
        and form.is_valid()
        and form.saved_by(
            lambda: services.sar_clock_restart(
                sar=sar, ended_on=form.cleaned_data["ended_on"], restarted_by=staff_user(request)
            )
        )
    ):
        messages.success(request, "Clock restarted")
        return redirect("subjectaccess:detail", sar.pk)
    return _form_page(request, sar, form, title="Restart the clock", button="Restart the clock")


@with_sar()
def extend(request: HttpRequest, sar: SubjectAccessRequest) -> HttpResponse:
    form = _post_form(request, forms.ExtendForm)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.saved_by(
            lambda: services.sar_extend(
                sar=sar,
                reason=data["reason"],
                told_on=data["told_on"],
                extended_by=staff_user(request),
            )
        ):
            messages.success(request, "Request extended")
            return redirect("subjectaccess:detail", sar.pk)
    latest = first_month_due(sar, timezone.localdate())
    return _form_page(
        request,
        sar,
        form,
        title="Extend the deadline",
        button="Extend",
        intro=[
            "A complex request, or one of a number from the person, can be extended to three "
            "months from the day it was received.",
            f"You must tell the person, and why, within the first month: by {latest:%-d %B %Y}.",
        ],
    )


@with_sar()
def gather(request: HttpRequest, sar: SubjectAccessRequest) -> HttpResponse:
    """What the search covers (GET) and running it (POST)."""
    form = _post_form(request, GovukForm)
    gathered = request.method == "POST" and form.is_valid()
    if gathered and form.saved_by(
        lambda: services.sar_gather(sar=sar, gathered_by=staff_user(request))
    ):
        messages.success(request, "Records gathered: review every item")
        return redirect("subjectaccess:review", sar.pk)
    intro = [
        "The search finds every record linked to the person: their details, household and harm "
        "links, safe contact, referrals, cases and everything on them (notes with their earlier "
        "wordings, contact attempts, risk assessments, plans, outcomes, MARAC, safeguarding, "
        "stays, target hardening, messages, web chats), and the audit of who looked at or "
        "changed them.",
        "It does not search: " + "; ".join(NOT_SEARCHED).lower() + ".",
    ]
    if sar.items.exists():
        intro.append("Gathering again replaces the items found and the reviews done so far.")
    return _form_page(request, sar, form, title="Gather the records", button="Gather", intro=intro)


@with_sar()
def review(request: HttpRequest, sar: SubjectAccessRequest) -> HttpResponse:
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    items = selectors.items_of(sar)
    return render_page(
        request,
        "subjectaccess/review.html",
        {
            "sar": sar,
            "items": items,
            "flagged_pending": sum(1 for i in items if i.flags and i.decision == "pending"),
            "unflagged_pending": sum(1 for i in items if not i.flags and i.decision == "pending"),
            "pending": sum(1 for i in items if i.decision == ItemDecision.PENDING),
            "in_review": sar.state == SarState.REVIEW,
        },
    )


@with_sar()
def item(request: HttpRequest, sar: SubjectAccessRequest, item_id: Any) -> HttpResponse:
    found = selectors.item_of(sar, item_id)
    initial = {
        "decision": found.decision if found.decision != ItemDecision.PENDING else None,
        "redacted_fields": found.redacted_fields,
        "redact_names": ["yes"] if found.redact_names else [],
        "reason": found.reason,
    }
    form = forms.ReviewForm(
        request.POST if request.method == "POST" else None, item=found, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.saved_by(
            lambda: services.sar_item_review(
                item=found,
                decision=data["decision"],
                redacted_fields=list(data["redacted_fields"]),
                redact_names=data["redact_names"],
                reason=data["reason"],
                reviewed_by=staff_user(request),
            )
        ):
            messages.success(request, "Review saved")
            return redirect(_next_item(sar, found))
    return render_page(
        request,
        "subjectaccess/item.html",
        {"sar": sar, "item": found, "form": form, "in_review": sar.state == SarState.REVIEW},
    )


def _next_item(sar: SubjectAccessRequest, done: Any) -> str:
    from django.urls import reverse

    following = sar.items.filter(decision=ItemDecision.PENDING, position__gt=done.position).first()
    if following is None:
        return reverse("subjectaccess:review", args=[sar.pk])
    return reverse("subjectaccess:item", args=[sar.pk, following.pk])


@require_POST
@with_sar()
def release_unflagged(request: HttpRequest, sar: SubjectAccessRequest) -> HttpResponse:
    form = GovukForm(request.POST)
    if form.saved_by(
        lambda: services.sar_release_unflagged(sar=sar, reviewed_by=staff_user(request))
    ):
        messages.success(request, "Items that name no one else released")
    else:
        messages.error(request, "; ".join(str(e) for e in form.non_field_errors()))
    return redirect("subjectaccess:review", sar.pk)


@with_sar()
def bundle(request: HttpRequest, sar: SubjectAccessRequest) -> HttpResponse:
    """Make the bundle (POST) once every item is reviewed; what it holds (GET)."""
    form = _post_form(request, GovukForm)
    if (
        request.method == "POST"
        and form.is_valid()
        and form.saved_by(
            lambda: services.sar_bundle_produce(sar=sar, produced_by=staff_user(request))
        )
    ):
        messages.success(request, "Bundle made")
        return redirect("subjectaccess:detail", sar.pk)
    pending = selectors.pending_count(sar)
    intro = [
        "The bundle is a PDF and a machine-readable JSON file of every item released, with the "
        "redactions applied: redacted text is never written into either file."
    ]
    if pending:
        intro.append(f"{pending} items are not reviewed yet: nothing is released unreviewed.")
    return _form_page(
        request, sar, form, title="Make the bundle", button="Make the bundle", intro=intro
    )


def _download(request: HttpRequest, sar: SubjectAccessRequest, fmt: str) -> HttpResponse:
    made = getattr(sar, "bundle", None)
    if made is None:
        raise Http404("No bundle yet")
    services.sar_bundle_download_record(sar=sar, fmt=fmt, downloaded_by=staff_user(request))
    if fmt == "pdf":
        response = HttpResponse(bytes(made.pdf), content_type="application/pdf")
    else:
        response = HttpResponse(bytes(made.json), content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="subject-access-{sar.pk}.{fmt}"'
    response["Cache-Control"] = "no-store"
    return response


@with_sar()
def bundle_pdf(request: HttpRequest, sar: SubjectAccessRequest) -> HttpResponse:
    return _download(request, sar, "pdf")


@with_sar()
def bundle_json(request: HttpRequest, sar: SubjectAccessRequest) -> HttpResponse:
    return _download(request, sar, "json")


@with_sar()
def sent(request: HttpRequest, sar: SubjectAccessRequest) -> HttpResponse:
    form = _post_form(request, forms.SentForm)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.saved_by(
            lambda: services.sar_mark_sent(
                sar=sar,
                sent_on=data["sent_on"],
                sent_how=data["sent_how"],
                sent_by=staff_user(request),
            )
        ):
            messages.success(request, "Marked as sent")
            return redirect("subjectaccess:detail", sar.pk)
    return _form_page(request, sar, form, title="Mark as sent", button="Mark as sent")


@with_sar()
def refuse(request: HttpRequest, sar: SubjectAccessRequest) -> HttpResponse:
    form = _post_form(request, forms.RefuseForm)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.saved_by(
            lambda: services.sar_refuse(
                sar=sar,
                refused_on=data["refused_on"],
                reasons=data["reasons"],
                rights_explained="yes" in data["rights_explained"],
                refused_by=staff_user(request),
            )
        ):
            messages.success(request, "Request refused")
            return redirect("subjectaccess:detail", sar.pk)
    return _form_page(
        request,
        sar,
        form,
        title="Refuse the request",
        button="Refuse the request",
        intro=["Tell the person why, and: " + services.REFUSAL_RIGHTS],
        warning=True,
    )


@with_sar()
def withdraw(request: HttpRequest, sar: SubjectAccessRequest) -> HttpResponse:
    form = _post_form(request, forms.WithdrawForm)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.saved_by(
            lambda: services.sar_withdraw(
                sar=sar,
                withdrawn_on=data["withdrawn_on"],
                note=data["note"],
                withdrawn_by=staff_user(request),
            )
        ):
            messages.success(request, "Request withdrawn")
            return redirect("subjectaccess:detail", sar.pk)
    return _form_page(request, sar, form, title="Record a withdrawal", button="Save")
