"""Record an initial or review needs assessment with a level of need per area of the profile
(seed 002 s3.9); it meets the case's open needs-assessment deadline, if there is one."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from haven.accounts.signed_in import staff_user
from haven.casework.forms.needs_areas import area_values
from haven.casework.forms.needs_assessment import NeedsAssessmentForm
from haven.casework.models import NeedsStage
from haven.casework.selectors import VisibleCase
from haven.casework.selectors_needs import open_needs_assessment_task
from haven.casework.services import exit_step_refusal, needs_areas, needs_assessment_record
from haven.casework.services.tasks import needs_assessment_stage
from haven.casework.views.case_access import case_url, with_case
from haven.casework.views.drafts import DraftKeeper
from haven.casework.views.rendering import render_page


@with_case(change=True)
def needs_assessment(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    """GET: the form. POST: the service, then back to the case; errors stay on their fields."""
    case = visible.case
    refusal = exit_step_refusal(case)
    if refusal:
        messages.info(request, refusal)
        return redirect(case_url(visible))
    keeper = DraftKeeper(request, visible, "needs_assessment", "Record a needs assessment")
    if keeper.saving:
        return keeper.save()
    areas = needs_areas(case)
    task = open_needs_assessment_task(case)
    # the deadline's rule says which assessment it is (a repeating rule: a review, seed 002 s3.9)
    stage = needs_assessment_stage(task) if task is not None else NeedsStage.INITIAL
    form = keeper.restore(
        NeedsAssessmentForm(
            keeper.data(), opened_at=case.opened_at, areas=areas, initial={"stage": stage.value}
        )
    )
    if request.method == "POST" and form.is_valid():
        levels, notes = area_values(form.cleaned_data, areas)
        try:
            needs_assessment_record(
                case=case,
                recorded_by=staff_user(request),
                assessed_at=form.cleaned_data["assessed_at"],
                stage=form.cleaned_data["stage"],
                levels=levels,
                notes=notes,
                summary=form.cleaned_data["summary"],
                task=task,
            )
        except ValidationError as refused:
            for field, problems in refused.message_dict.items():
                for problem in problems:
                    known = field in form.fields and field != NON_FIELD_ERRORS
                    form.add_error(field if known else None, problem)
        else:
            keeper.done()
            messages.success(request, "Needs assessment recorded")
            return redirect(case_url(visible))
    context = {"form": form, "case": case, "task": task, "title": keeper.title, "draft": keeper}
    return render_page(request, "casework/needs_assessment_form.html", context)
