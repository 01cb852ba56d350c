"""Complete the risk checklist for a case: one page, works without JavaScript."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from haven.accounts.signed_in import staff_user
from haven.casework.rules import record_refusal
from haven.casework.selectors import VisibleCase
from haven.casework.views.case_access import with_case
from haven.risk.engine import AssessmentInvalid
from haven.risk.forms.checklist import RiskChecklistForm
from haven.risk.models import RiskStage
from haven.risk.presenters import HELPERS
from haven.risk.selectors import checklist_for, risk_settings_for
from haven.risk.services import risk_assessment_complete


@with_case()
def assessment_complete(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    case = visible.case
    if not request.user.has_perm("risk.complete_assessment", case):
        raise PermissionDenied
    closed = record_refusal(case)
    if closed:  # casework.rules: nothing is recorded on a closed case
        messages.info(request, closed)
        return redirect("casework:detail", case.pk)
    checklist = checklist_for(case.contract)
    can_override = request.user.has_perm("risk.override_level", case)
    # "Record the exit risk assessment" on the close page links here with ?stage=exit
    stage = request.GET.get("stage")
    form = RiskChecklistForm(
        request.POST or None,
        checklist=checklist,
        can_override=can_override,
        initial={"stage": stage} if stage in RiskStage.values else None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            assessment = risk_assessment_complete(
                case=case, completed_by=staff_user(request), **form.service_arguments()
            )
        except AssessmentInvalid as problem:
            field = problem.field if problem.field in form.fields else None
            form.add_error(field, str(problem))
        else:
            messages.success(request, "Risk checklist saved")
            return redirect("risk:result", case_id=case.pk, assessment_id=assessment.pk)
    context = {
        **HELPERS,
        "case": case,
        "form": form,
        "checklist": checklist,
        "settings": risk_settings_for(case.contract),
    }
    return render(request, "risk/complete.html", context)
