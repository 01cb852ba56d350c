"""The appraisal's pages: rounds and results, links and paper responses, the feedback log
(service managers and analysts), and the public one-time link page (no sign-in)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from haven.accounts.signed_in import staff_user
from haven.appraisal.forms import ActionForm, FeedbackForm, LinksForm, ResponseForm, RoundForm
from haven.appraisal.selectors import (
    contract_for,
    contracts_for,
    feedback_for,
    feedback_item_for,
    questions_of,
    results,
    round_for,
    rounds_for,
)
from haven.appraisal.services import (
    feedback_action_record,
    feedback_record,
    link_for_token,
    link_refusal,
    links_create,
    response_record,
    round_create,
    round_is_open,
)
from haven.appraisal.throttle import try_allowed
from haven.casework.views.rendering import render_page
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.core.read_audit import audit_list_view, audits_reads, shows_page

type View = Callable[..., HttpResponse]
TOO_MANY = "You have tried too many times. Wait an hour and try again."


def runs_appraisals(view: View) -> View:
    """Signed in, and a service manager or analyst (or superuser)."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.has_perm("appraisal.view_rounds"):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


@audits_reads
@runs_appraisals
def index(request: HttpRequest) -> HttpResponse:
    rounds = list(rounds_for(request.user))
    response = render_page(
        request,
        "appraisal/index.html",
        {"rounds": rounds, "contracts": list(contracts_for(request.user))},
    )
    if shows_page(response):
        audit_list_view(
            user=request.user,
            object_type="appraisal.appraisalround",
            shown=[r.pk for r in rounds],
            page="appraisal:index",
        )
    return response


@runs_appraisals
def round_new(request: HttpRequest, contract_id: Any) -> HttpResponse:
    contract = contract_for(request.user, contract_id)
    form = RoundForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        made: list[Any] = []
        if form.saved_by(
            lambda: made.append(
                round_create(
                    contract=contract,
                    title=data["title"],
                    opens_on=data["opens_on"],
                    closes_on=data["closes_on"],
                    created_by=staff_user(request),
                    extra_statements=tuple(data["extra"].splitlines()),
                )
            )
        ):
            messages.success(request, "Appraisal round set up")
            return redirect("appraisal:round", made[0].pk)
    return render_page(
        request,
        "appraisal/form.html",
        {"form": form, "caption": contract.name, "title": "Set up an appraisal round"},
    )


@audits_reads
@runs_appraisals
def round_detail(request: HttpRequest, round_id: Any) -> HttpResponse:
    """The round's questions and anonymous results by respondent group."""
    appraisal = round_for(request.user, round_id)
    respondents, rows = results(appraisal)
    response = render_page(
        request,
        "appraisal/round.html",
        {
            "appraisal": appraisal,
            "respondents": respondents,
            "rows": rows,
            "is_open": round_is_open(appraisal),
        },
    )
    if shows_page(response):
        audit_event(actor=request.user, action=AuditAction.VIEW, target=appraisal)
    return response


@runs_appraisals
def links_new(request: HttpRequest, round_id: Any) -> HttpResponse:
    """Make one-time links; they are shown once, on this page, and never again."""
    appraisal = round_for(request.user, round_id)
    form = LinksForm(request.POST if request.method == "POST" else None)
    links: list[str] = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        made: list[list[str]] = []
        if form.saved_by(
            lambda: made.append(
                links_create(
                    appraisal=appraisal,
                    group=data["group"],
                    count=data["count"],
                    created_by=staff_user(request),
                )
            )
        ):
            links = [request.build_absolute_uri(f"/appraisal/respond/{t}/") for t in made[0]]
    response = render_page(
        request,
        "appraisal/links.html",
        {"form": form, "appraisal": appraisal, "links": links},
    )
    response["Cache-Control"] = "no-store"
    return response


@runs_appraisals
def paper_new(request: HttpRequest, round_id: Any) -> HttpResponse:
    """Enter a response given on paper."""
    appraisal = round_for(request.user, round_id)
    form = ResponseForm(
        request.POST if request.method == "POST" else None,
        questions=questions_of(appraisal),
        with_group=True,
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and form.saved_by(
            lambda: response_record(
                appraisal=appraisal,
                group=form.cleaned_data["group"],
                scores=form.scores(),
                entered_by=staff_user(request),
            )
        )
    ):
        messages.success(request, "Response entered")
        return redirect("appraisal:round", appraisal.pk)
    return render_page(
        request,
        "appraisal/form.html",
        {
            "form": form,
            "caption": appraisal.title,
            "title": "Enter a response from paper",
            "back": ("appraisal:round", appraisal.pk),
        },
    )


@audits_reads
@runs_appraisals
def feedback_list(request: HttpRequest) -> HttpResponse:
    """ "You said, we did": feedback and the actions taken."""
    items = list(feedback_for(request.user)[:500])
    response = render_page(
        request,
        "appraisal/feedback.html",
        {"items": items, "contracts": list(contracts_for(request.user))},
    )
    if shows_page(response):
        audit_list_view(
            user=request.user,
            object_type="appraisal.feedbackitem",
            shown=[i.pk for i in items],
            page="appraisal:feedback",
        )
    return response


@runs_appraisals
def feedback_new(request: HttpRequest, contract_id: Any) -> HttpResponse:
    contract = contract_for(request.user, contract_id)
    form = FeedbackForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.saved_by(
            lambda: feedback_record(
                contract=contract,
                received_on=data["received_on"],
                you_said=data["you_said"],
                we_did=data["we_did"],
                acted_on=data["acted_on"],
                recorded_by=staff_user(request),
            )
        ):
            messages.success(request, "Feedback recorded")
            return redirect("appraisal:feedback")
    return render_page(
        request,
        "appraisal/form.html",
        {
            "form": form,
            "caption": contract.name,
            "title": "Record feedback",
            "back": ("appraisal:feedback",),
        },
    )


@audits_reads
@runs_appraisals
def feedback_action(request: HttpRequest, item_id: Any) -> HttpResponse:
    """Record what the service did about one piece of feedback."""
    item = feedback_item_for(request.user, item_id)
    form = ActionForm(
        request.POST if request.method == "POST" else None,
        initial={"we_did": item.we_did, "acted_on": item.acted_on},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.saved_by(
            lambda: feedback_action_record(
                item=item,
                we_did=data["we_did"],
                acted_on=data["acted_on"],
                recorded_by=staff_user(request),
            )
        ):
            messages.success(request, "Action recorded")
            return redirect("appraisal:feedback")
    response = render_page(
        request,
        "appraisal/form.html",
        {
            "form": form,
            "caption": item.contract.name,
            "title": "What did the service do?",
            "said": item.you_said,
            "back": ("appraisal:feedback",),
        },
    )
    if shows_page(response):
        audit_event(actor=request.user, action=AuditAction.VIEW, target=item)
    return response


def _public(
    request: HttpRequest, template: str, context: dict[str, Any], status: int = 200
) -> HttpResponse:
    response: HttpResponse = render(request, template, context, status=status)
    response["Cache-Control"] = "no-store"
    # the link's token never leaves for another site in a Referer ("no-referrer" would make
    # browsers send "Origin: null" with the form, which CSRF protection refuses)
    response["Referrer-Policy"] = "same-origin"
    return response


@never_cache
def respond(request: HttpRequest, token: str) -> HttpResponse:
    """The public one-time link: no sign-in; the statements on a 5-point scale; closed once
    used or after the round's end (seed 001 s14). Rate-limited per client."""
    link = link_for_token(token)
    if (link is None or request.method == "POST") and not try_allowed(
        str(request.META.get("REMOTE_ADDR") or "")
    ):
        return _public(request, "appraisal/public_closed.html", {"reason": TOO_MANY}, 429)
    refusal = link_refusal(link)
    if refusal or link is None:
        return _public(
            request,
            "appraisal/public_closed.html",
            {"reason": refusal},
            404 if link is None else 410,
        )
    appraisal = link.round
    form = ResponseForm(
        request.POST if request.method == "POST" else None,
        questions=questions_of(appraisal),
        with_group=False,
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                response_record(
                    appraisal=appraisal, group=link.group, scores=form.scores(), token=token
                )
            except ValidationError as refused:
                form.add_problems(refused)
            else:
                return redirect("appraisal:thanks")
        status = 400
    return _public(
        request,
        "appraisal/public_respond.html",
        {"form": form, "contract_name": appraisal.contract.name},
        status,
    )


def thanks(request: HttpRequest) -> HttpResponse:
    return _public(request, "appraisal/public_thanks.html", {})
