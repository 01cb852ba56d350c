"""The result of one assessment: score, level, every reason and the MARAC flag."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from haven.accounts.signed_in import staff_user
from haven.casework.selectors import VisibleCase
from haven.casework.views.case_access import with_case
from haven.risk.presenters import HELPERS, answer_rows
from haven.risk.selectors import checklist_for, risk_assessment_for_case
from haven.risk.services import risk_assessment_view_record


@with_case()
def assessment_result(
    request: HttpRequest, visible: VisibleCase, assessment_id: Any
) -> HttpResponse:
    assessment = risk_assessment_for_case(visible.case, assessment_id)
    checklist = checklist_for(visible.case.contract)
    risk_assessment_view_record(assessment=assessment, viewed_by=staff_user(request))
    context = {
        **HELPERS,
        "case": visible.case,
        "assessment": assessment,
        "answer_sections": answer_rows(assessment, checklist),
    }
    return render(request, "risk/result.html", context)
