"""The serious-incident register, an incident's page and the forms that record an incident
(against the service or a case), the commissioner's notification and the review."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone

from haven.accounts.signed_in import staff_user
from haven.casework.selectors import VisibleCase
from haven.casework.views.case_access import with_case
from haven.casework.views.rendering import render_page
from haven.core.read_audit import audits_reads
from haven.incidents.forms import IncidentForm, LogFilterForm, NotificationForm, ReviewForm
from haven.incidents.models import ReviewStatus, SeriousIncident
from haven.incidents.selectors import incident_for_user, incidents_for_user, managed_contracts
from haven.incidents.services import (
    notification_refusal,
    serious_incident_notify,
    serious_incident_record,
    serious_incident_review,
)
from haven.incidents.views.common import audit_record_read, audit_shown, keeps_register

STATUSES = [
    ("to_report", "Not yet reported to the commissioner"),
    ("overdue", "Report overdue"),
    ("review_open", "Review not completed"),
]


def _filtered(incidents: Any, status: str) -> Any:
    if status == "to_report":
        return incidents.filter(notified_at__isnull=True)
    if status == "overdue":
        return incidents.filter(notified_at__isnull=True, notification_due_at__lt=timezone.now())
    if status == "review_open":
        return incidents.exclude(review_status=ReviewStatus.COMPLETED)
    return incidents


@audits_reads
@keeps_register
def register(request: HttpRequest) -> HttpResponse:
    """Every serious incident of the user's services, latest first, with its report deadline."""
    contracts = list(managed_contracts(request.user))
    form = LogFilterForm(request.GET or None, contracts=contracts, statuses=STATUSES)
    incidents = incidents_for_user(request.user)
    if form.is_valid():
        if form.cleaned_data["contract"]:
            incidents = incidents.filter(contract_id=form.cleaned_data["contract"])
        incidents = _filtered(incidents, form.cleaned_data["status"])
    shown = list(incidents[:200])
    response = render_page(
        request,
        "incidents/register.html",
        {"form": form, "incidents": shown, "now": timezone.now(), "can_add": bool(contracts)},
    )
    return audit_shown(
        request,
        response,
        object_type="incidents.seriousincident",
        shown=[i.pk for i in shown],
        page="serious incident register",
    )


@keeps_register
def incident_add(request: HttpRequest) -> HttpResponse:
    """A serious incident against the service alone (no case)."""
    contracts = list(managed_contracts(request.user))
    form = IncidentForm(request.POST if request.method == "POST" else None, contracts=contracts)
    if request.method == "POST" and form.is_valid() and contracts:
        data = form.cleaned_data
        chosen = [c for c in contracts if str(c.pk) == data.get("contract", str(contracts[0].pk))]
        try:
            incident = serious_incident_record(
                contract=chosen[0],
                recorded_by=staff_user(request),
                kind=data["kind"],
                occurred_at=data["occurred_at"],
                summary=data["summary"],
            )
        except ValidationError as refused:
            form.add_problems(refused)
        else:
            messages.success(request, "Serious incident recorded")
            return redirect("incidents:detail", incident.pk)
    return render_page(
        request,
        "incidents/incident_form.html",
        {"form": form, "title": "Record a serious incident", "case": None},
    )


@with_case(change=True)
def case_incident_add(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    """A serious incident against this case (a closed case too: seed 004 s6.5)."""
    case = visible.case
    form = IncidentForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.saved_by(
            lambda: serious_incident_record(
                contract=case.contract,
                case=case,
                recorded_by=staff_user(request),
                kind=data["kind"],
                occurred_at=data["occurred_at"],
                summary=data["summary"],
            )
        ):
            messages.success(request, "Serious incident recorded")
            return redirect("casework:detail", case.pk)
    return render_page(
        request,
        "incidents/incident_form.html",
        {"form": form, "title": "Record a serious incident", "case": case},
    )


@audits_reads
@keeps_register
def incident_detail(request: HttpRequest, incident_id: Any) -> HttpResponse:
    incident = incident_for_user(request.user, incident_id)
    response = render_page(
        request,
        "incidents/incident_detail.html",
        {
            "incident": incident,
            "may_notify": notification_refusal(incident) is None,
            "now": timezone.now(),
        },
    )
    return audit_record_read(request, response, incident)


@audits_reads
@keeps_register
def incident_notify(request: HttpRequest, incident_id: Any) -> HttpResponse:
    incident = incident_for_user(request.user, incident_id)
    refusal = notification_refusal(incident)
    if refusal:
        messages.info(request, refusal)
        return redirect("incidents:detail", incident.pk)
    form = NotificationForm(request.POST if request.method == "POST" else None)
    if (
        request.method == "POST"
        and form.is_valid()
        and form.saved_by(
            lambda: serious_incident_notify(
                incident=incident,
                notified_by=staff_user(request),
                notified_at=form.cleaned_data["notified_at"],
                notified_to=form.cleaned_data["notified_to"],
            )
        )
    ):
        messages.success(request, "Report to the commissioner recorded")
        return redirect("incidents:detail", incident.pk)
    response = render_page(
        request,
        "incidents/incident_step_form.html",
        {"form": form, "incident": incident, "title": "Record the report to the commissioner"},
    )
    return audit_record_read(request, response, incident)


@audits_reads
@keeps_register
def incident_review(request: HttpRequest, incident_id: Any) -> HttpResponse:
    incident: SeriousIncident = incident_for_user(request.user, incident_id)
    initial = {
        "review_status": incident.review_status,
        "review_completed_on": incident.review_completed_on,
        "findings": incident.findings,
        "learning": incident.learning,
        "action_plan": incident.action_plan,
    }
    form = ReviewForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.saved_by(
            lambda: serious_incident_review(
                incident=incident,
                reviewed_by=staff_user(request),
                review_status=data["review_status"],
                findings=data["findings"],
                learning=data["learning"],
                action_plan=data["action_plan"],
                review_completed_on=data["review_completed_on"],
            )
        ):
            messages.success(request, "Review saved")
            return redirect("incidents:detail", incident.pk)
    response = render_page(
        request,
        "incidents/incident_step_form.html",
        {"form": form, "incident": incident, "title": "Review and learning"},
    )
    return audit_record_read(request, response, incident)
