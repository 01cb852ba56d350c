"""A case's outcome assessments: the history with distance travelled, the page to choose which
questions to ask, and the page to record them (with a check answers step) through the service."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect

from haven.accounts.signed_in import staff_user
from haven.casework.selectors import VisibleCase
from haven.casework.views.case_access import with_case
from haven.casework.views.drafts import DraftKeeper
from haven.casework.views.rendering import render_page
from haven.core.form_tokens import FIELD
from haven.outcomes.charts import travel_chart
from haven.outcomes.forms import DECLINED, OutcomeAssessmentForm
from haven.outcomes.models import OutcomeStage
from haven.outcomes.selectors import needs_travel, outcome_history
from haven.outcomes.services import (
    instruments_for,
    outcome_assessment_record,
    outcome_assessment_refusal,
    stages_left,
)

CONFIRM = "confirm"
# the check answers form renders its own CSRF input and a fresh one-time token (form_tokens)
NOT_CARRIED = {"csrfmiddlewaretoken", FIELD}
CHANGE = "change"


def _may_record(visible: VisibleCase) -> bool:
    return visible.can_change and outcome_assessment_refusal(visible.case) is None


@with_case()
def history(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    case = visible.case
    instruments = outcome_history(case)
    needs = needs_travel(case)
    context = {
        "case": case,
        "instruments": instruments,
        "charts": {h.instrument.key: travel_chart(h.charted) for h in instruments},
        "needs": needs,
        "needs_chart": travel_chart(needs),
        "asks_outcomes": bool(instruments_for(case)),
        "can_record": _may_record(visible),
    }
    return render_page(request, "outcomes/history.html", context)


@with_case(change=True)
def choose(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    """Which instrument and stage to record: the ones the contract asks and still open."""
    case = visible.case
    refusal = outcome_assessment_refusal(case)
    if refusal:
        messages.info(request, refusal)
        return redirect("outcomes:history", case.pk)
    choices = [
        (use.instrument, [(stage, OutcomeStage(stage).label) for stage in stages_left(case, use)])
        for use in instruments_for(case)
    ]
    return render_page(request, "outcomes/choose.html", {"case": case, "choices": choices})


@with_case(change=True)
def record(request: HttpRequest, visible: VisibleCase, instrument: str, stage: str) -> HttpResponse:
    """GET: the questions. POST: the check answers page; POST with confirm: the service, then
    the history; refusals on their fields. Change goes back to the questions as typed."""
    case = visible.case
    refusal = outcome_assessment_refusal(case)
    if refusal:
        messages.info(request, refusal)
        return redirect("outcomes:history", case.pk)
    use = next((u for u in instruments_for(case) if u.instrument.key == instrument), None)
    if use is None or stage not in use.stages:
        raise Http404("The contract does not ask these questions")
    posted = request.method == "POST"
    title = f"{OutcomeStage(stage).label}: {use.instrument.name}"
    keeper = DraftKeeper(request, visible, f"outcomes-{use.instrument.key}-{stage}", title)
    if keeper.saving:
        return keeper.save()
    form = keeper.restore(
        OutcomeAssessmentForm(
            keeper.data(), opened_at=case.opened_at, instrument=use.instrument, stage=stage
        )
    )
    context = {
        "form": form,
        "case": case,
        "title": title,
        "instrument": use.instrument,
        "draft": keeper,
    }
    if posted and CHANGE not in request.POST and form.is_valid():
        if CONFIRM not in request.POST:
            hidden = [(k, v) for k, v in request.POST.items() if k not in NOT_CARRIED]
            return render_page(request, "outcomes/check.html", {**context, "hidden": hidden})
        data = form.cleaned_data
        try:
            outcome_assessment_record(
                case=case,
                recorded_by=staff_user(request),
                instrument_key=use.instrument.key,
                stage=stage,
                asked_at=data["asked_at"],
                scores=form.scores(),
                declined=data["answered"] == DECLINED,
                exit_form_type=data.get("exit_form_type") or "",
            )
        except ValidationError as refused:
            problems = refused.message_dict if hasattr(refused, "error_dict") else {}
            for field, errors in problems.items() or [(None, refused.messages)]:
                form.add_error(field if field in form.fields else None, errors)
        else:
            keeper.done()
            messages.success(request, "Outcome assessment recorded")
            return redirect("outcomes:history", case.pk)
    return render_page(request, "outcomes/record.html", context)
