"""The helpline's pages (issue 16 item 4): the shift page (log a call on one form, keyboard
friendly), the call log with its filter (and the figures for managers), a call, the call-backs
due and closing one, and the rota with its gaps in cover."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, timedelta
from functools import wraps
from typing import Any
from urllib.parse import urlsplit

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone

from haven.accounts.signed_in import staff_user
from haven.casework.views.rendering import render_page
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.core.read_audit import audit_list_view, audits_reads, shows_page
from haven.helpline.forms import CallBackCloseForm, CallForm, LogFilterForm, ShiftForm
from haven.helpline.hours import helpline_hours
from haven.helpline.models import OUTCOMES, CallerType, HelplineCall
from haven.helpline.selectors import (
    LogFilter,
    call_back_for,
    call_backs_due_for,
    call_backs_of,
    call_for,
    call_log,
    call_takers_for,
    case_for_call,
    figures_for,
    helpline_contract_for,
    helpline_contracts_for,
    referral_from_call,
    rota_for,
    shift_of,
)
from haven.helpline.services import (
    CallBackRequest,
    call_back_close,
    helpline_call_log,
    helpline_call_referral_link,
    referral_link_problem,
    shift_add,
    shift_remove,
)
from haven.referrals.views.referral_create import create as referral_create_page
from haven.validators import EARLIEST_DATE, LATEST_DATE

type View = Callable[..., HttpResponse]
PAGE_SIZE = 50
SCOPES = {"mine": "My call-backs", "team": "My team's", "all": "All"}


def takes_calls(view: View) -> View:
    """Signed in, and a caseworker, team leader or service manager of a provider."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.has_perm("helpline.take_calls"):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _contract_from(request: HttpRequest, contracts: list[Any]) -> Any:
    wanted = request.GET.get("contract", "")
    return next((c for c in contracts if str(c.pk) == wanted), contracts[0] if contracts else None)


@audits_reads
@takes_calls
def shift(request: HttpRequest) -> HttpResponse:
    """Log a call: one form, the call-back on it; below, the user's call-backs due."""
    user = staff_user(request)
    contracts = helpline_contracts_for(user)
    chosen = _contract_from(request, contracts)
    form = CallForm(
        request.POST if request.method == "POST" else None,
        contracts=contracts,
        initial={
            "contract": str(chosen.pk) if chosen else "",
            "started_at": timezone.localtime().replace(second=0, microsecond=0),
            "direction": "in",
            "answered": "live",
            "kind": "support",
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        contract = helpline_contract_for(user, _uuid(data["contract"]))
        consent = "yes" in data["consent"]
        case = None
        if data["case_reference"]:
            case = case_for_call(user, contract, data["case_reference"])
            if case is None:
                form.add_error(
                    "case_reference", "No case of this service you can see has that reference"
                )
        logged: list[HelplineCall] = []
        if not form.errors and form.saved_by(
            lambda: logged.append(
                helpline_call_log(
                    contract=contract,
                    taken_by=user,
                    started_at=data["started_at"],
                    direction=data["direction"],
                    caller_type=data["caller_type"],
                    kind=data["kind"],
                    duration_minutes=data["duration_minutes"],
                    outcomes=list(data["outcomes"]),
                    answered_live=data["answered"] == "live",
                    consent_to_record=consent,
                    case=case,
                    call_back=CallBackRequest(
                        due_at=data["call_back_due"],
                        phone=data["call_back_phone"],
                        may_leave_message=data["may_leave_message"] or "not_asked",
                        safe_times=data["safe_times"],
                        safe_contact_note=data["safe_contact_note"],
                    ),
                )
            )
        ):
            messages.success(request, "Call logged")
            if referral_link_problem(logged[0]) is None:
                # on to the referral form, which records the referral on the call
                return redirect(_referral_url(logged[0]))
            return redirect(f"{_url('helpline:shift')}?contract={contract.pk}")
    due = list(call_backs_due_for(user, scope="mine")[:20])
    response = render_page(
        request,
        "helpline/shift.html",
        {"form": form, "contracts": contracts, "due": due, "now": timezone.now()},
    )
    if shows_page(response):
        audit_list_view(
            user=user,
            object_type="helpline.callback",
            shown=[c.pk for c in due],
            page="helpline:shift",
        )
    return response


def _uuid(value: str) -> Any:
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


def _url(name: str, *args: Any) -> str:
    return reverse(name, args=args)


@audits_reads
@takes_calls
def log(request: HttpRequest) -> HttpResponse:
    """The call log, newest first, filtered by date, outcome and caller; figures for managers."""
    user = staff_user(request)
    form = LogFilterForm(request.GET or None)
    chosen = LogFilter()
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        chosen = LogFilter(
            start=data["start"],
            end=data["end"],
            outcome=data["outcome"] if data["outcome"] in OUTCOMES else "",
            caller_type=data["caller_type"] if data["caller_type"] in CallerType.values else "",
        )
    calls = call_log(user, chosen)
    page = Paginator(calls, PAGE_SIZE).get_page(request.GET.get("page"))
    figures = figures_for(calls, timezone.now()) if user.has_perm("helpline.view_figures") else None
    query = request.GET.copy()
    query.pop("page", None)
    response = render_page(
        request,
        "helpline/log.html",
        {"form": form, "page": page, "figures": figures, "query": query.urlencode()},
    )
    if shows_page(response):
        audit_list_view(
            user=user,
            object_type="helpline.helplinecall",
            shown=[c.pk for c in page.object_list],
            page="helpline:log",
        )
    return response


@audits_reads
@takes_calls
def call_detail(request: HttpRequest, call_id: Any) -> HttpResponse:
    """One call and its call-backs (the safe-contact details only on the call-back's page)."""
    user = staff_user(request)
    call = call_for(user, call_id)
    call_backs = list(call_backs_of(call))
    may_refer = referral_link_problem(call) is None and user.has_perm("referrals.create_referral")
    response = render_page(
        request,
        "helpline/call.html",
        {
            "call": call,
            "call_backs": call_backs,
            "referral_url": _referral_url(call) if may_refer else "",
        },
    )
    if shows_page(response):
        audit_event(actor=user, action=AuditAction.VIEW, target=call)
    return response


def _referral_url(call: HelplineCall) -> str:
    """The referral form for a call; the person preset (their opaque id, as the referrals app's
    own `?person=`) when the call is linked to a case."""
    url = _url("helpline:call_referral", call.pk)
    return f"{url}?person={call.case.person_id}" if call.case is not None else url


def _referral_made(response: HttpResponse) -> Any:
    """The id of the referral the referral form saved: it redirects to the referral's page."""
    if response.status_code != 302:
        return None
    try:
        match = resolve(urlsplit(response["Location"]).path)
    except Resolver404:
        return None
    return match.kwargs.get("referral_id") if match.view_name == "referrals:detail" else None


@takes_calls
def call_referral(request: HttpRequest, call_id: Any) -> HttpResponse:
    """The existing referral form (referrals:create, the call's service) reached from a call
    whose outcome was "Referral made": the referral it saves is recorded on the call, in the
    same transaction. The call is checked first (404 for a call the user may not see)."""
    user = staff_user(request)
    call = call_for(user, call_id)
    problem = referral_link_problem(call)
    if problem:
        messages.info(request, problem)
        return redirect("helpline:call", call.pk)
    try:
        with transaction.atomic():
            response = referral_create_page(request, call.contract_id)
            referral_id = _referral_made(response)
            if referral_id is not None:
                referral = referral_from_call(user, referral_id)
                if referral is None:
                    raise PermissionDenied
                helpline_call_referral_link(call=call, referral=referral, linked_by=user)
    except ValidationError as refused:
        messages.info(request, " ".join(refused.messages))
        return redirect("helpline:call", call.pk)
    return response


@audits_reads
@takes_calls
def call_backs(request: HttpRequest) -> HttpResponse:
    """Call-backs due: mine, my team's, or all (team leaders and service managers)."""
    user = staff_user(request)
    scopes = dict(SCOPES)
    if not user.has_perm("helpline.view_figures"):
        scopes.pop("all")
    scope = request.GET.get("scope", "mine")
    if scope not in scopes:
        scope = "mine"
    due = list(call_backs_due_for(user, scope=scope)[:200])
    response = render_page(
        request,
        "helpline/call_backs.html",
        {"due": due, "scope": scope, "scopes": scopes, "now": timezone.now()},
    )
    if shows_page(response):
        audit_list_view(
            user=user,
            object_type="helpline.callback",
            shown=[c.pk for c in due],
            page="helpline:call_backs",
        )
    return response


@audits_reads
@takes_calls
def call_back(request: HttpRequest, call_back_id: Any) -> HttpResponse:
    """A call-back: the number and the safe-contact note (reference.md s5), and closing it."""
    user = staff_user(request)
    item = call_back_for(user, call_back_id)
    form = CallBackCloseForm(request.POST if request.method == "POST" else None)
    if item.status != "due" and request.method == "POST":
        messages.info(request, "This call-back is closed already")
        return redirect("helpline:call_backs")
    if (
        request.method == "POST"
        and form.is_valid()
        and form.saved_by(
            lambda: call_back_close(
                call_back=item, closed_by=user, status=form.cleaned_data["status"]
            )
        )
    ):
        messages.success(request, "Call-back updated")
        return redirect("helpline:call_backs")
    response = render_page(
        request, "helpline/call_back.html", {"item": item, "form": form, "now": timezone.now()}
    )
    if shows_page(response):
        audit_event(actor=user, action=AuditAction.VIEW, target=item)
    return response


def _week_start(text: str | None) -> date:
    """The Monday of `?week=` (this week when it is missing, not a date, or not plausible)."""
    try:
        day = date.fromisoformat(text or "")
    except ValueError:
        day = timezone.localdate()
    if not EARLIEST_DATE < day < LATEST_DATE:
        day = timezone.localdate()
    return day - timedelta(days=day.weekday())


@audits_reads
@takes_calls
def rota(request: HttpRequest) -> HttpResponse:
    """A week of the rota against the opening hours, with its gaps in cover (seed 002 s3.11)."""
    user = staff_user(request)
    contracts = helpline_contracts_for(user)
    contract = _contract_from(request, contracts)
    if contract is None:
        raise PermissionDenied
    first_day = _week_start(request.GET.get("week"))
    week = rota_for(contract, first_day)
    hours = helpline_hours(contract)
    days = []
    for offset in range(7):
        day = first_day + timedelta(days=offset)
        opening = ", ".join(str(w) for w in hours.windows_on(day)) or "Closed"
        on_shift = [s for s in week.shifts if timezone.localdate(s.starts_at) == day]
        days.append((day, opening, on_shift))
    response = render_page(
        request,
        "helpline/rota.html",
        {
            "contract": contract,
            "contracts": contracts,
            "week": week,
            "days": days,
            "previous": first_day - timedelta(days=7),
            "next": first_day + timedelta(days=7),
            "may_manage": user.has_perm("helpline.manage_rota", contract),
            "from_profile": contract.profile.get("opening_hours") is not None,
        },
    )
    if shows_page(response):
        audit_list_view(
            user=user,
            object_type="helpline.shift",
            shown=[s.pk for s in week.shifts],
            page="helpline:rota",
        )
    return response


@takes_calls
def shift_new(request: HttpRequest, contract_id: Any) -> HttpResponse:
    """Add a shift to the rota (team leaders and service managers of the provider)."""
    user = staff_user(request)
    contract = helpline_contract_for(user, contract_id)
    if not user.has_perm("helpline.manage_rota", contract):
        raise PermissionDenied
    staff = call_takers_for(contract)
    form = ShiftForm(request.POST if request.method == "POST" else None, staff=staff)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        person = next((u for u in staff if str(u.pk) == data["staff"]), None)
        if form.saved_by(
            lambda: shift_add(
                contract=contract,
                staff=person,
                starts_at=data["starts_at"],
                ends_at=data["ends_at"],
                added_by=user,
            )
        ):
            messages.success(request, "Shift added")
            week = timezone.localdate(data["starts_at"]).isoformat()
            return redirect(f"{_url('helpline:rota')}?contract={contract.pk}&week={week}")
    return render_page(request, "helpline/shift_form.html", {"form": form, "contract": contract})


@takes_calls
def shift_delete(request: HttpRequest, contract_id: Any, shift_id: Any) -> HttpResponse:
    """Remove a shift (POST only)."""
    user = staff_user(request)
    contract = helpline_contract_for(user, contract_id)
    if not user.has_perm("helpline.manage_rota", contract):
        raise PermissionDenied
    item = shift_of(contract, shift_id)
    if request.method != "POST":
        return redirect(f"{_url('helpline:rota')}?contract={contract.pk}")
    week = timezone.localdate(item.starts_at).isoformat()
    shift_remove(shift=item, removed_by=user)
    messages.success(request, "Shift removed")
    return redirect(f"{_url('helpline:rota')}?contract={contract.pk}&week={week}")
