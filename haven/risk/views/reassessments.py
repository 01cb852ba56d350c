"""Record a change of risk (seed 004 s4.2) and screening (seed 004 s6.3, s6.4) on a case; the
team's risk register and high-risk caseloads (seed 001 s5)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect

from haven.accounts.signed_in import staff_user
from haven.casework.rules import record_refusal
from haven.casework.selectors import VisibleCase
from haven.casework.views.case_access import with_case
from haven.casework.views.rendering import render_page
from haven.core.read_audit import audit_list_view, audits_reads
from haven.risk.forms.reassessments import ChangeOfRiskForm, ScreeningForm
from haven.risk.models import ScreeningTool
from haven.risk.reassessments import risk_change_record, risk_spec_of
from haven.risk.screening import screening_answer, screening_record, screenings_of
from haven.risk.team_selectors import high_risk_caseloads, risk_register


def _closed_redirect(request: HttpRequest, visible: VisibleCase) -> HttpResponse | None:
    closed = record_refusal(visible.case)
    if closed:  # casework.rules: nothing is recorded on a closed case
        messages.info(request, closed)
        return redirect("casework:detail", visible.case.pk)
    return None


@with_case(change=True)
def change_record(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    """A change of risk with a short reason; the profile may set a reassessment task."""
    if closed := _closed_redirect(request, visible):
        return closed
    case = visible.case
    form = ChangeOfRiskForm(
        request.POST if request.method == "POST" else None, opened_at=case.opened_at
    )
    spec = risk_spec_of(case.contract)
    change = spec.reassessments.on_change_of_risk if spec and spec.reassessments else None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.saved_by(
            lambda: risk_change_record(
                case=case,
                recorded_by=staff_user(request),
                occurred_at=data["occurred_at"],
                reason=data["reason"],
            ),
        ):
            done = "Change of risk recorded"
            if change is not None:
                done += ": a risk reassessment is now due"
            messages.success(request, done)
            return redirect("casework:detail", case.pk)
    context = {"form": form, "case": case, "title": "Record a change of risk", "change": change}
    return render_page(request, "risk/change_form.html", context)


def _tool(tool: str) -> ScreeningTool:
    if tool not in ScreeningTool.values:
        raise Http404("No such screening")
    return ScreeningTool(tool)


@with_case()
def screening_list(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    case = visible.case
    context = {
        "case": case,
        "screenings": list(screenings_of(case)),
        "answer": screening_answer,
        "tools": ScreeningTool.choices,
        "can_record": visible.can_change and not record_refusal(case),
    }
    return render_page(request, "risk/screening_list.html", context)


@with_case(change=True)
def screening_new(request: HttpRequest, visible: VisibleCase, tool: str) -> HttpResponse:
    kind = _tool(tool)
    if closed := _closed_redirect(request, visible):
        return closed
    case = visible.case
    form = ScreeningForm(request.POST if request.method == "POST" else None, tool=kind)
    if (
        request.method == "POST"
        and form.is_valid()
        and form.saved_by(
            lambda: screening_record(
                case=case,
                recorded_by=staff_user(request),
                tool=kind,
                screened_on=form.cleaned_data["screened_on"],
                answers=form.answers(),
            ),
        )
    ):
        messages.success(request, f"{kind.label} recorded")
        return redirect("risk:screening", case.pk)
    context = {"form": form, "case": case, "title": f"Record {kind.label}", "tool": kind}
    return render_page(request, "risk/screening_form.html", context)


@login_required
@permission_required("casework.oversee_caseloads", raise_exception=True)
@audits_reads
def team_risk(request: HttpRequest) -> HttpResponse:
    """Team leaders and service managers: the risk register (its cases are audited as read)
    and high-risk caseloads (counts per worker)."""
    register = risk_register(request.user)
    audit_list_view(
        user=request.user,
        object_type="casework.case",
        shown=[row.case.pk for row in register],
        page="risk:register",
    )
    context = {"register": register, "caseloads": high_risk_caseloads(request.user)}
    return render_page(request, "risk/team.html", context)
