"""The events pages: the list (filters, CSV export), an event, plan or edit, record delivery and
feedback, cancel, and the CSV import of past events."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone

from haven.accounts.signed_in import staff_user
from haven.casework.views.rendering import render_page
from haven.core.auditor import audit_event
from haven.core.exports import export_response
from haven.core.models import AuditAction
from haven.core.read_audit import audit_list_export, audit_list_view, audits_reads, shows_page
from haven.events.forms import CancelForm, DeliveryForm, EventForm, FilterForm, ImportForm
from haven.events.imports import events_import
from haven.events.models import Event, EventStatus
from haven.events.rules import may_record_for
from haven.events.selectors import (
    EventFilter,
    contracts_recording,
    contracts_seen,
    event_for_user,
    events_for_user,
    facilitators_of,
    filtered,
    providers_recording,
)
from haven.events.services import (
    Delivery,
    EventDetails,
    event_cancel,
    event_record_delivery,
    event_schedule,
    event_update,
)

type View = Callable[..., HttpResponse]
LIST_LIMIT = 500
EXPORT_COLUMNS = (
    "reference",
    "contracts",
    "kind",
    "title",
    "date",
    "start_time",
    "duration_minutes",
    "venue",
    "location_type",
    "audience",
    "status",
    "cancelled_reason",
    "attended",
    "feedback_forms",
    "awareness_increased",
    "more_confident",
    "feedback_themes",
    "materials",
)


def sees_events(view: View) -> View:
    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.has_perm("events.view_events"):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def records_events(view: View) -> View:
    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.has_perm("events.record_events"):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _filtered_events(request: HttpRequest) -> tuple[FilterForm, Any]:
    contracts = list(contracts_seen(request.user))
    form = FilterForm(request.GET or None, contracts=contracts)
    events = events_for_user(request.user)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        events = filtered(
            events,
            EventFilter(
                contract=data["contract"] or None,
                kind=data["kind"],
                location_type=data["location_type"],
                status=data["status"],
                start=data["start"],
                end=data["end"],
            ),
        )
    return form, events


@audits_reads
@sees_events
def event_list(request: HttpRequest) -> HttpResponse:
    form, events = _filtered_events(request)
    shown = list(events[:LIST_LIMIT])
    query = request.GET.urlencode()
    response = render_page(
        request,
        "events/list.html",
        {
            "form": form,
            "events": shown,
            "limited": len(shown) == LIST_LIMIT,
            "can_record": request.user.has_perm("events.record_events"),
            "query": query,
        },
    )
    if shows_page(response):
        audit_list_view(
            user=request.user,
            object_type="events.event",
            shown=[e.pk for e in shown],
            page="events",
        )
    return response


def _export_row(event: Event) -> list[object]:
    local = timezone.localtime(event.starts_at)
    return [
        event.external_ref,
        ";".join(sorted(c.slug for c in event.contracts.all())),
        event.kind,
        event.title,
        local.date().isoformat(),
        local.strftime("%H:%M"),
        event.duration_minutes,
        event.venue,
        event.location_type,
        event.audience,
        event.status,
        event.cancelled_reason,
        "" if event.attended is None else event.attended,
        event.feedback_forms,
        event.awareness_increased,
        event.more_confident,
        event.feedback_themes,
        event.materials,
    ]


@audits_reads
@sees_events
def event_export(request: HttpRequest) -> HttpResponse:
    """The filtered list as CSV, in the import's columns (so it can be imported again)."""
    _form, events = _filtered_events(request)
    rows = list(events)
    audit_list_export(
        user=request.user,
        object_type="events.event",
        exported=[e.pk for e in rows],
        page="events",
        fmt="csv",
        filters=dict(request.GET.items()),
    )
    return export_response(
        name="events", fmt="csv", columns=EXPORT_COLUMNS, rows=(_export_row(e) for e in rows)
    )


@audits_reads
@sees_events
def event_detail(request: HttpRequest, event_id: Any) -> HttpResponse:
    event = event_for_user(request.user, event_id)
    may_change = may_record_for(request.user, event.provider_id)
    response = render_page(
        request,
        "events/detail.html",
        {
            "event": event,
            "may_change": may_change and event.status != EventStatus.CANCELLED,
            "may_cancel": may_change and event.status == EventStatus.SCHEDULED,
        },
    )
    if shows_page(response):
        audit_event(actor=request.user, action=AuditAction.VIEW, target=event)
    return response


def _details(form: EventForm, contracts: list[Any], facilitators: list[Any]) -> EventDetails:
    data = form.cleaned_data
    chosen = set(data["contracts"])
    people = set(data["facilitators"])
    return EventDetails(
        contracts=[c for c in contracts if str(c.pk) in chosen],
        kind=data["kind"],
        title=data["title"],
        starts_at=data["starts_at"],
        duration_minutes=data["duration_minutes"],
        venue=data["venue"],
        location_type=data["location_type"],
        audience=data["audience"],
        facilitators=[u for u in facilitators if str(u.pk) in people],
        materials=data["materials"],
    )


@records_events
def event_add(request: HttpRequest) -> HttpResponse:
    contracts = list(contracts_recording(request.user))
    if not contracts:
        raise PermissionDenied
    facilitators = list(facilitators_of(providers_recording(request.user)))
    form = EventForm(
        request.POST if request.method == "POST" else None,
        contracts=contracts,
        facilitators=facilitators,
    )
    if request.method == "POST" and form.is_valid():
        details = _details(form, contracts, facilitators)
        # the chosen contracts' provider (contracts_recording only offers provided ones)
        provider = (details.contracts or contracts)[0].provider
        if provider is None:
            raise PermissionDenied
        try:
            event = event_schedule(
                provider=provider, scheduled_by=staff_user(request), details=details
            )
        except ValidationError as refused:
            form.add_problems(refused)
        else:
            messages.success(request, "Event saved")
            return redirect("events:detail", event.pk)
    return render_page(request, "events/form.html", {"form": form, "title": "Add an event"})


@audits_reads
@records_events
def event_edit(request: HttpRequest, event_id: Any) -> HttpResponse:
    event = event_for_user(request.user, event_id)
    if not may_record_for(request.user, event.provider_id):
        raise PermissionDenied
    contracts = list(contracts_recording(request.user).filter(provider=event.provider))
    facilitators = list(facilitators_of(providers_recording(request.user)))
    initial = {
        "contracts": [str(c.pk) for c in event.contracts.all()],
        "kind": event.kind,
        "title": event.title,
        "starts_at": event.starts_at,
        "duration_minutes": event.duration_minutes,
        "venue": event.venue,
        "location_type": event.location_type,
        "audience": event.audience,
        "facilitators": [str(u.pk) for u in event.facilitators.all()],
        "materials": event.materials,
    }
    form = EventForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        contracts=contracts,
        facilitators=facilitators,
    )
    if request.method == "POST" and form.is_valid():
        try:
            event_update(
                event=event,
                changed_by=staff_user(request),
                details=_details(form, contracts, facilitators),
            )
        except ValidationError as refused:
            form.add_problems(refused)
        else:
            messages.success(request, "Event changed")
            return redirect("events:detail", event.pk)
    response = render_page(
        request, "events/form.html", {"form": form, "title": "Change the event", "event": event}
    )
    if shows_page(response):
        audit_event(actor=request.user, action=AuditAction.VIEW, target=event)
    return response


@audits_reads
@records_events
def event_deliver(request: HttpRequest, event_id: Any) -> HttpResponse:
    event = event_for_user(request.user, event_id)
    if not may_record_for(request.user, event.provider_id):
        raise PermissionDenied
    initial: dict[str, Any] = {
        "attended": event.attended,
        "materials": event.materials,
        "feedback_forms": event.feedback_forms,
        "awareness_increased": event.awareness_increased,
        "more_confident": event.more_confident,
        "feedback_themes": event.feedback_themes,
    }
    for row in event.agency_attendance.all():
        initial[f"agency_{row.agency}"] = row.attended
    form = DeliveryForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        delivery = Delivery(
            attended=data["attended"],
            by_agency=form.by_agency(),
            materials=data["materials"],
            feedback_forms=data["feedback_forms"] or 0,
            awareness_increased=data["awareness_increased"] or 0,
            more_confident=data["more_confident"] or 0,
            feedback_themes=data["feedback_themes"],
        )
        try:
            event_record_delivery(event=event, recorded_by=staff_user(request), delivery=delivery)
        except ValidationError as refused:
            if "by_agency" in refused.error_dict:
                form.add_error("agency_other", refused.error_dict.pop("by_agency"))
            if "starts_at" in refused.error_dict:
                form.add_error(None, refused.error_dict.pop("starts_at"))
            form.add_problems(refused)
        else:
            messages.success(request, "Delivery and feedback recorded")
            return redirect("events:detail", event.pk)
    response = render_page(request, "events/deliver.html", {"form": form, "event": event})
    if shows_page(response):
        audit_event(actor=request.user, action=AuditAction.VIEW, target=event)
    return response


@audits_reads
@records_events
def event_cancellation(request: HttpRequest, event_id: Any) -> HttpResponse:
    event = event_for_user(request.user, event_id)
    if not may_record_for(request.user, event.provider_id):
        raise PermissionDenied
    form = CancelForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            event_cancel(
                event=event, cancelled_by=staff_user(request), reason=form.cleaned_data["reason"]
            )
        except ValidationError as refused:
            form.add_problems(refused)
        else:
            messages.success(request, "Event cancelled")
            return redirect("events:detail", event.pk)
    response = render_page(request, "events/cancel.html", {"form": form, "event": event})
    if shows_page(response):
        audit_event(actor=request.user, action=AuditAction.VIEW, target=event)
    return response


@records_events
def event_import(request: HttpRequest) -> HttpResponse:
    form = ImportForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
    )
    problems: tuple[Any, ...] = ()
    if request.method == "POST" and form.is_valid():
        result = events_import(
            content=form.cleaned_data["file"].read(), imported_by=staff_user(request)
        )
        if result.problems:
            problems = result.problems
            form.add_error("file", f"The file has {len(problems)} problems: nothing was imported")
        else:
            messages.success(
                request,
                f"{result.created} events imported, {result.skipped} already imported skipped",
            )
            return redirect("events:index")
    return render_page(request, "events/import.html", {"form": form, "problems": problems})
