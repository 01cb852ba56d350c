"""Sign-off pages for a contract's return: sign off, submit, what changed since, due date.

Only service managers of the providing organisation (`reporting.sign_off_return`); the services
refuse anyone else too.
"""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from haven.accounts.signed_in import staff_user
from haven.contracts.profiles.stored import profile_of
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.core.read_audit import audits_reads, shows_page
from haven.reporting.diff import return_changes
from haven.reporting.forms_signoff import DueDateForm, SignOffForm
from haven.reporting.record_sets import records_of
from haven.reporting.selectors import contract_return
from haven.reporting.serialise import return_json
from haven.reporting.services import (
    ReturnRefusedError,
    return_due_date_set,
    return_sign_off,
    return_submit,
)
from haven.reporting.snapshots import (
    SignOffTarget,
    due_on_for,
    frozen_figures,
    known_exception_count,
    return_due_override,
    return_versions,
    sign_off_target,
)

RECORD_LINKS = {"case": "casework:detail", "referral": "referrals:detail"}


def record_link(kind: str, record_id: str) -> str | None:
    """The page of a case or referral behind a figure (ids are UUID hex strings in the facts);
    the page itself decides whether this viewer may open it."""
    if kind not in RECORD_LINKS:
        return None
    try:
        return reverse(RECORD_LINKS[kind], args=[uuid.UUID(str(record_id))])
    except ValueError:
        return None


def _sign_off_url(target: SignOffTarget) -> str:
    return reverse("signoff:sign_off", args=[target.contract.slug, target.period.code])


def _audit_page(request: HttpRequest, target: SignOffTarget, page: str) -> None:
    audit_event(
        actor=staff_user(request),
        action=AuditAction.VIEW,
        target=target.contract,
        changes={"page": page, "period": target.period.code},
    )


def _answer(
    request: HttpRequest, target: SignOffTarget, template: str, context: dict[str, object]
) -> HttpResponse:
    """The page, with its read audited (a form shown again with errors included)."""
    response = render(
        request,
        template,
        {"contract": target.contract, "period": target.period, **context},
    )
    if shows_page(response):
        _audit_page(request, target, template.rsplit("/", 1)[-1].removesuffix(".html"))
    return response


@login_required
@audits_reads
def sign_off(request: HttpRequest, slug: str, period: str) -> HttpResponse:
    target = sign_off_target(request.user, slug=slug, period_code=period)
    contract, chosen = target.contract, target.period
    known = known_exception_count(contract, chosen)
    form = SignOffForm(request.POST if request.method == "POST" else None, exceptions=known)
    if request.method == "POST" and form.is_valid():
        try:
            snapshot = return_sign_off(
                contract=contract,
                period=chosen,
                signed_off_by=staff_user(request),
                remedial_plan=form.cleaned_data["remedial_plan"],
                exceptions=form.exception_count(),
            )
        except ReturnRefusedError as refused:
            for field, problem in refused.problems.items():
                form.add_error(None if field not in form.fields else field, problem)
        else:
            messages.success(request, f"Return signed off as version {snapshot.version}")
            return redirect(_sign_off_url(target))
    versions = return_versions(contract, chosen)
    override = return_due_override(contract, chosen)
    live = contract_return(contract, chosen)
    return _answer(
        request,
        target,
        "reporting/signoff/sign_off.html",
        {
            "form": form,
            "known_exceptions": known,
            "versions": versions,
            "current": versions[0] if versions else None,
            "figures": return_json(live, contract.profile),
            "due_on": due_on_for(contract, chosen, override),
            "due_override": override,
            "due_rule": profile_of(contract).reporting.due.to_duration().describe(),
            "ended": chosen.end <= timezone.now(),
        },
    )


@login_required
@require_POST
def submit(request: HttpRequest, slug: str, period: str) -> HttpResponse:
    target = sign_off_target(request.user, slug=slug, period_code=period)
    versions = return_versions(target.contract, target.period)
    if not versions:
        messages.error(request, "Sign the return off before submitting it")
        return redirect(_sign_off_url(target))
    try:
        snapshot = return_submit(snapshot=versions[0], submitted_by=staff_user(request))
    except ReturnRefusedError as refused:
        messages.error(request, str(refused))
    else:
        messages.success(
            request, f"Version {snapshot.version} submitted to {target.contract.commissioner.name}"
        )
    return redirect(_sign_off_url(target))


@login_required
@audits_reads
def changes(request: HttpRequest, slug: str, period: str) -> HttpResponse:
    """What differs between the current signed-off version and the return computed now."""
    target = sign_off_target(request.user, slug=slug, period_code=period)
    versions = return_versions(target.contract, target.period)
    current = versions[0] if versions else None
    found = []
    if current is not None:
        live = contract_return(target.contract, target.period)
        found = return_changes(
            frozen_figures(current),
            return_json(live, target.contract.profile),
            current.measure_records(),
            records_of(live),
        )
    return _answer(
        request,
        target,
        "reporting/signoff/changes.html",
        {"current": current, "changes": found, "record_link": record_link},
    )


@login_required
@audits_reads
def due_date(request: HttpRequest, slug: str, period: str) -> HttpResponse:
    target = sign_off_target(request.user, slug=slug, period_code=period)
    override = return_due_override(target.contract, target.period)
    initial = {"due_on": override.due_on, "reason": override.reason} if override else {}
    form = DueDateForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            return_due_date_set(
                contract=target.contract,
                period=target.period,
                due_on=form.cleaned_data["due_on"],
                set_by=staff_user(request),
                reason=form.cleaned_data["reason"],
            )
        except ReturnRefusedError as refused:
            for field, problem in refused.problems.items():
                form.add_error(None if field not in form.fields else field, problem)
        else:
            messages.success(request, "Due date saved")
            return redirect(_sign_off_url(target))
    return _answer(
        request,
        target,
        "reporting/signoff/due_date.html",
        {
            "form": form,
            "profile_due_on": due_on_for(target.contract, target.period, None),
        },
    )


@login_required
@audits_reads
def signed_off_export(request: HttpRequest, slug: str, period: str, version: int) -> HttpResponse:
    """The JSON export exactly as signed off: its SHA-256 is the one on the sign-off page."""
    target = sign_off_target(request.user, slug=slug, period_code=period)
    versions = return_versions(target.contract, target.period)
    snapshot = next((v for v in versions if v.version == version), None)
    if snapshot is None:
        raise Http404("No such version")
    audit_event(
        actor=staff_user(request),
        action=AuditAction.EXPORT,
        target=snapshot,
        changes={"format": "json", "export_sha256": snapshot.export_sha256},
    )
    response = HttpResponse(snapshot.export_bytes(), content_type="application/json")
    response["Content-Disposition"] = (
        f'attachment; filename="{target.contract.slug}-{snapshot.period_code}-v{version}.json"'
    )
    return response
