"""The complaints log, a complaint's page (its stages, responses and outcome) and the compliments
log, with the forms that record them."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone

from haven.accounts.signed_in import staff_user
from haven.casework.views.rendering import render_page
from haven.core.read_audit import audits_reads
from haven.incidents.complaint_services import (
    complaint_escalate,
    complaint_policy,
    complaint_record,
    complaint_resolve,
    complaint_stage_respond,
    compliment_record,
    escalation_refusal,
    next_stage,
    resolution_refusal,
    response_refusal,
)
from haven.incidents.forms import (
    ComplaintForm,
    ComplimentForm,
    EscalationForm,
    LogFilterForm,
    ResolutionForm,
    StageResponseForm,
)
from haven.incidents.selectors import (
    case_in,
    complaint_for_user,
    complaints_for_user,
    compliments_for_user,
    managed_contracts,
    stage_of,
)
from haven.incidents.views.common import audit_record_read, audit_shown, keeps_register

COMPLAINT_STATUSES = [("open", "Open"), ("resolved", "Resolved"), ("overdue", "Response overdue")]
CASE_NOT_FOUND = "No case of this service with that reference code that you may open"


def _chosen(contracts: list[Any], data: dict[str, Any]) -> Any:
    wanted = data.get("contract") or (str(contracts[0].pk) if contracts else "")
    return next((c for c in contracts if str(c.pk) == wanted), None)


def _stage_choices(contracts: list[Any]) -> list[tuple[str, str]]:
    """Every stage the user's services' procedures have, in order, once each."""
    choices: dict[str, str] = {}
    for contract in contracts:
        stages, _ = complaint_policy(contract)
        for stage in stages:
            choices.setdefault(stage.key, stage.label)
    return list(choices.items())


def _case_for(request: HttpRequest, form: Any, contract: Any) -> tuple[bool, Any]:
    code = form.cleaned_data.get("case_reference", "")
    if not code:
        return True, None
    case = case_in(request.user, contract, code)
    if case is None:
        form.add_error("case_reference", CASE_NOT_FOUND)
        return False, None
    return True, case


@audits_reads
@keeps_register
def complaint_list(request: HttpRequest) -> HttpResponse:
    contracts = list(managed_contracts(request.user))
    form = LogFilterForm(request.GET or None, contracts=contracts, statuses=COMPLAINT_STATUSES)
    complaints = complaints_for_user(request.user).prefetch_related("stages")
    if form.is_valid():
        if form.cleaned_data["contract"]:
            complaints = complaints.filter(contract_id=form.cleaned_data["contract"])
        status = form.cleaned_data["status"]
        if status == "open":
            complaints = complaints.filter(resolved_on__isnull=True)
        elif status == "resolved":
            complaints = complaints.filter(resolved_on__isnull=False)
        elif status == "overdue":
            complaints = complaints.filter(
                stages__responded_on__isnull=True,
                stages__response_due_on__lt=timezone.localdate(),
            ).distinct()
    shown = list(complaints[:200])
    response = render_page(
        request,
        "incidents/complaint_list.html",
        {
            "form": form,
            "complaints": shown,
            "today": timezone.localdate(),
            "can_add": bool(contracts),
        },
    )
    return audit_shown(
        request,
        response,
        object_type="incidents.complaint",
        shown=[c.pk for c in shown],
        page="complaints log",
    )


@keeps_register
def complaint_add(request: HttpRequest) -> HttpResponse:
    contracts = list(managed_contracts(request.user))
    form = ComplaintForm(
        request.POST if request.method == "POST" else None,
        contracts=contracts,
        stages=_stage_choices(contracts),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        contract = _chosen(contracts, data)
        found, case = _case_for(request, form, contract)
        if found and contract is not None:
            try:
                complaint = complaint_record(
                    contract=contract,
                    case=case,
                    recorded_by=staff_user(request),
                    received_on=data["received_on"],
                    complainant=data["complainant"],
                    route=data["route"],
                    subject=data["subject"],
                    summary=data["summary"],
                    stage=data["stage"],
                )
            except ValidationError as refused:
                form.add_problems(refused)
            else:
                messages.success(request, "Complaint recorded")
                return redirect("incidents:complaint_detail", complaint.pk)
    return render_page(
        request, "incidents/log_form.html", {"form": form, "title": "Record a complaint"}
    )


@audits_reads
@keeps_register
def complaint_detail(request: HttpRequest, complaint_id: Any) -> HttpResponse:
    complaint = complaint_for_user(request.user, complaint_id)
    stages = list(complaint.stages.all())
    response = render_page(
        request,
        "incidents/complaint_detail.html",
        {
            "complaint": complaint,
            "stages": [(s, response_refusal(s) is None) for s in stages],
            "next_stage": next_stage(complaint) if escalation_refusal(complaint) is None else None,
            "may_resolve": resolution_refusal(complaint) is None,
            "today": timezone.localdate(),
        },
    )
    return audit_record_read(request, response, complaint)


def _complaint_step(
    request: HttpRequest, complaint: Any, form: Any, title: str, save: Any, done: str
) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except ValidationError as refused:
            form.add_problems(refused)
        else:
            messages.success(request, done)
            return redirect("incidents:complaint_detail", complaint.pk)
    response = render_page(
        request,
        "incidents/complaint_step_form.html",
        {"form": form, "complaint": complaint, "title": title},
    )
    return audit_record_read(request, response, complaint)


@audits_reads
@keeps_register
def stage_respond(request: HttpRequest, complaint_id: Any, stage_id: Any) -> HttpResponse:
    complaint = complaint_for_user(request.user, complaint_id)
    stage = stage_of(complaint, stage_id)
    refusal = response_refusal(stage)
    if refusal:
        messages.info(request, refusal)
        return redirect("incidents:complaint_detail", complaint.pk)
    form = StageResponseForm(request.POST if request.method == "POST" else None)

    def save(data: dict[str, Any]) -> None:
        complaint_stage_respond(
            stage=stage,
            responded_by=staff_user(request),
            responded_on=data["responded_on"],
            response=data["response"],
        )

    return _complaint_step(
        request, complaint, form, f"Record the response: {stage.label}", save, "Response recorded"
    )


@audits_reads
@keeps_register
def complaint_escalation(request: HttpRequest, complaint_id: Any) -> HttpResponse:
    complaint = complaint_for_user(request.user, complaint_id)
    refusal = escalation_refusal(complaint)
    if refusal:
        messages.info(request, refusal)
        return redirect("incidents:complaint_detail", complaint.pk)
    following = next_stage(complaint)
    form = EscalationForm(request.POST if request.method == "POST" else None)

    def save(data: dict[str, Any]) -> None:
        complaint_escalate(
            complaint=complaint, escalated_by=staff_user(request), escalated_on=data["escalated_on"]
        )

    title = f"Move to the next stage: {following.label if following else ''}"
    return _complaint_step(request, complaint, form, title, save, "Complaint moved on a stage")


@audits_reads
@keeps_register
def complaint_resolution(request: HttpRequest, complaint_id: Any) -> HttpResponse:
    complaint = complaint_for_user(request.user, complaint_id)
    refusal = resolution_refusal(complaint)
    if refusal:
        messages.info(request, refusal)
        return redirect("incidents:complaint_detail", complaint.pk)
    form = ResolutionForm(request.POST if request.method == "POST" else None)

    def save(data: dict[str, Any]) -> None:
        complaint_resolve(
            complaint=complaint,
            resolved_by=staff_user(request),
            outcome=data["outcome"],
            resolved_on=data["resolved_on"],
            learning=data["learning"],
        )

    return _complaint_step(
        request, complaint, form, "Record the outcome", save, "Complaint resolved"
    )


@audits_reads
@keeps_register
def compliment_list(request: HttpRequest) -> HttpResponse:
    contracts = list(managed_contracts(request.user))
    form = LogFilterForm(request.GET or None, contracts=contracts, statuses=[])
    del form.fields["status"]
    compliments = compliments_for_user(request.user)
    if form.is_valid() and form.cleaned_data["contract"]:
        compliments = compliments.filter(contract_id=form.cleaned_data["contract"])
    shown = list(compliments[:200])
    response = render_page(
        request,
        "incidents/compliment_list.html",
        {"form": form, "compliments": shown, "can_add": bool(contracts)},
    )
    return audit_shown(
        request,
        response,
        object_type="incidents.compliment",
        shown=[c.pk for c in shown],
        page="compliments log",
    )


@keeps_register
def compliment_add(request: HttpRequest) -> HttpResponse:
    contracts = list(managed_contracts(request.user))
    form = ComplimentForm(request.POST if request.method == "POST" else None, contracts=contracts)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        contract = _chosen(contracts, data)
        found, case = _case_for(request, form, contract)
        if (
            found
            and contract is not None
            and form.saved_by(
                lambda: compliment_record(
                    contract=contract,
                    case=case,
                    recorded_by=staff_user(request),
                    received_on=data["received_on"],
                    complimenter=data["complimenter"],
                    about=data["about"],
                )
            )
        ):
            messages.success(request, "Compliment recorded")
            return redirect("incidents:compliments")
    return render_page(
        request, "incidents/log_form.html", {"form": form, "title": "Record a compliment"}
    )
