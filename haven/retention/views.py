"""The data protection officer's pages: the schedule in force, the review queue, legal holds and
erasure requests (reference.md s7). Only reference codes and dates are shown in lists; every
page that shows a person's record is read-audited; URLs carry ids only."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect

from haven.accounts.signed_in import staff_user
from haven.casework.views.rendering import render_page
from haven.core.read_audit import audit_list_view, audit_record_view, audits_reads, shows_page
from haven.retention import selectors
from haven.retention.forms import DecisionForm, ErasureRequestForm, HoldForm, LiftForm, ReviewForm
from haven.retention.models import ErasureDecision
from haven.retention.schedule import RECORD_TYPES, schedule_in_force, schedule_source
from haven.retention.services import (
    erasure_request_decide,
    erasure_request_log,
    legal_hold_lift,
    legal_hold_place,
    retention_items_approve,
    retention_items_defer,
)


def officer_only[V: Callable[..., HttpResponse]](view: V) -> V:
    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method not in {"GET", "POST", "HEAD"}:
            return HttpResponseNotAllowed(["GET", "POST"])
        if not request.user.has_perm("retention.manage"):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped  # type: ignore[return-value]


@officer_only
def schedule(request: HttpRequest) -> HttpResponse:
    """The retention rules in force (read-only; no one's data)."""
    return render_page(
        request,
        "retention/schedule.html",
        {"schedule": schedule_in_force(), "path": schedule_source()[0]},
    )


@audits_reads
@officer_only
def queue(request: HttpRequest) -> HttpResponse:
    """Due items, filtered by record type; approve (anonymise or erase) or defer in bulk."""
    user = staff_user(request)
    record_type = request.GET.get("type", "")
    if record_type not in RECORD_TYPES:
        record_type = ""
    items = list(selectors.review_queue(user, record_type=record_type))
    choices = [(str(item.pk), item.person.reference_code) for item in items]
    form = ReviewForm(request.POST if request.method == "POST" else None, choices=choices)
    if request.method == "POST" and form.is_valid():
        chosen = selectors.items_by_ids(user, form.cleaned_data["items"])
        action = form.cleaned_data["action"]
        try:
            if action == "defer":
                retention_items_defer(
                    items=chosen,
                    until=form.cleaned_data["until"],
                    reason=form.cleaned_data["reason"],
                    decided_by=user,
                )
                messages.success(request, f"{len(chosen)} record(s) deferred")
            else:
                result = retention_items_approve(items=chosen, method=action, decided_by=user)
                verb = "anonymised" if action == "anonymise" else "erased"
                messages.success(request, f"{len(result.done)} record(s) {verb}")
                if result.refused:
                    messages.error(
                        request,
                        f"{len(result.refused)} record(s) not done: "
                        + "; ".join(sorted(set(result.refused.values()))),
                    )
        except ValidationError as refused:
            form.add_problems(refused)
        else:
            return redirect(request.get_full_path())
    response = render_page(
        request,
        "retention/queue.html",
        {
            "form": form,
            "items": items,
            "held": {str(pk) for pk in selectors.held_ids_among(items)},
            "deferred": list(selectors.deferred_items(user)),
            "record_type": record_type,
            "record_types": [(rule.record_type, rule.label) for rule in schedule_in_force().rules],
        },
    )
    if shows_page(response):
        audit_list_view(
            user=user,
            object_type="people.person",
            shown=[item.person_id for item in items],
            page="retention review queue",
        )
    return response


@audits_reads
@officer_only
def holds(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    active = list(selectors.holds(user))
    response = render_page(request, "retention/holds.html", {"holds": active})
    if shows_page(response):
        audit_list_view(
            user=user,
            object_type="retention.legalhold",
            shown=[hold.pk for hold in active],
            page="legal holds",
        )
    return response


@audits_reads
@officer_only
def hold_new(request: HttpRequest, person_id: uuid.UUID) -> HttpResponse:
    user = staff_user(request)
    person = selectors.person_for_retention(user, person_id)
    cases = list(selectors.cases_of(person))
    choices = [("person", "Everything held about this person")] + [
        (str(case.pk), f"Only the case opened {case.opened_at:%d %B %Y}") for case in cases
    ]
    form = HoldForm(request.POST if request.method == "POST" else None, choices=choices)
    if request.method == "POST" and form.is_valid():
        covers = form.cleaned_data["covers"]
        case = next((c for c in cases if str(c.pk) == covers), None)
        try:
            legal_hold_place(
                placed_by=user,
                reason=form.cleaned_data["reason"],
                person=None if case else person,
                case=case,
            )
        except ValidationError as refused:
            form.add_problems(refused)
        else:
            messages.success(request, "Legal hold placed")
            return redirect("people:detail", person.pk)
    response = render_page(request, "retention/hold_new.html", {"form": form, "person": person})
    if shows_page(response):
        audit_record_view(user=user, target=person)
    return response


@audits_reads
@officer_only
def hold_lift(request: HttpRequest, hold_id: uuid.UUID) -> HttpResponse:
    user = staff_user(request)
    hold = selectors.hold_for(user, hold_id)
    form = LiftForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            legal_hold_lift(hold=hold, lifted_by=user, reason=form.cleaned_data["reason"])
        except ValidationError as refused:
            form.add_problems(refused)
        else:
            messages.success(request, "Legal hold lifted")
            return redirect("retention:holds")
    response = render_page(request, "retention/hold_lift.html", {"form": form, "hold": hold})
    if shows_page(response):
        audit_record_view(user=user, target=hold)
    return response


@audits_reads
@officer_only
def requests(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    found = list(selectors.erasure_requests(user))
    response = render_page(
        request,
        "retention/requests.html",
        {
            "open_requests": [r for r in found if r.decision == ErasureDecision.PENDING],
            "decided": [r for r in found if r.decision != ErasureDecision.PENDING],
        },
    )
    if shows_page(response):
        audit_list_view(
            user=user,
            object_type="retention.erasurerequest",
            shown=[r.pk for r in found],
            page="erasure requests",
        )
    return response


@audits_reads
@officer_only
def request_new(request: HttpRequest, person_id: uuid.UUID) -> HttpResponse:
    user = staff_user(request)
    person = selectors.person_for_retention(user, person_id)
    form = ErasureRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            logged = erasure_request_log(
                person=person,
                received_on=form.cleaned_data["received_on"],
                grounds=form.cleaned_data["grounds"],
                details=form.cleaned_data["details"],
                logged_by=user,
            )
        except ValidationError as refused:
            form.add_problems(refused)
        else:
            messages.success(request, f"Erasure request logged: due {logged.due_on:%d %B %Y}")
            return redirect("retention:request_detail", logged.pk)
    response = render_page(request, "retention/request_new.html", {"form": form, "person": person})
    if shows_page(response):
        audit_record_view(user=user, target=person)
    return response


@audits_reads
@officer_only
def request_detail(request: HttpRequest, request_id: uuid.UUID) -> HttpResponse:
    """One request; the officer decides it here (erase, anonymise or refuse with a reason)."""
    user = staff_user(request)
    erasure = selectors.erasure_request_for(user, request_id)
    shares = selectors.shares_of(erasure.person)
    # reference.md s7: recipients of shared data are told; the share register names them
    form = DecisionForm(
        request.POST if request.method == "POST" else None,
        initial={"recipients_to_tell": "\n".join(selectors.recipients_of(erasure.person))},
    )
    if request.method == "POST" and form.is_valid():
        try:
            erasure_request_decide(
                request=erasure,
                decision=form.cleaned_data["decision"],
                refusal_reason=form.cleaned_data["refusal_reason"] or "",
                notes=form.cleaned_data["notes"],
                recipients_to_tell=form.cleaned_data["recipients_to_tell"],
                decided_by=user,
            )
        except ValidationError as refused:
            form.add_problems(refused)
        else:
            messages.success(request, "Decision recorded")
            return redirect("retention:request_detail", erasure.pk)
    response = render_page(
        request,
        "retention/request_detail.html",
        {
            "form": form,
            "erasure": erasure,
            "holds": [h for h in selectors.holds_on(erasure.person) if h.is_active],
            "pending": erasure.decision == ErasureDecision.PENDING,
            "shares": shares,
        },
    )
    if shows_page(response):
        audit_record_view(user=user, target=erasure, shown=[erasure.person_id])
    return response
