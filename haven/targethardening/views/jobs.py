"""A case's target hardening job: its page, the visit with the Home Security Assessment, items
fitted, refusals, the manager's approval over the limit and additional needs (seed 002 Lot 2).
The end-of-visit survey is recorded through followups (`followups:survey_new`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from haven.accounts.signed_in import staff_user
from haven.casework.selectors import VisibleCase
from haven.casework.views.case_access import with_case
from haven.casework.views.rendering import render_page
from haven.contracts.profiles.target_hardening import TargetHardeningSpec
from haven.followups.models import SurveyOccasion
from haven.followups.selectors import surveys_for
from haven.followups.services import survey_refusal
from haven.govuk.forms import GovukForm
from haven.targethardening.forms import (
    FitForm,
    NeedsForm,
    OverLimitForm,
    RefusalForm,
    VisitForm,
)
from haven.targethardening.models import TargetHardeningJob
from haven.targethardening.selectors import (
    catalogue_item,
    catalogue_items,
    fitted_on_job,
    job_on,
    job_on_or_404,
    job_spend,
    refusals_on_job,
)
from haven.targethardening.services import (
    additional_needs_record,
    item_fit,
    job_over_limit_approve,
    job_visit_record,
    refusal_record,
    target_hardening_spec,
)


def _spec(visible: VisibleCase) -> TargetHardeningSpec:
    spec = target_hardening_spec(visible.case.contract)
    if spec is None:
        raise PermissionDenied("This contract does not provide target hardening")
    return spec


def job_url(visible: VisibleCase) -> str:
    return reverse("targethardening:job", args=[visible.case.pk])


@with_case()
def job_detail(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    """The job: the assessment explained, items fitted with costs, refusals, additional needs,
    the end-of-visit survey."""
    spec = _spec(visible)
    case = visible.case
    job = job_on(case)
    end_of_visit = [s for s in surveys_for(case) if s.occasion == SurveyOccasion.END_OF_VISIT]
    can_survey = visible.can_change and survey_refusal(case, SurveyOccasion.END_OF_VISIT) is None
    context = {
        "case": case,
        "job": job,
        "spec": spec,
        "fitted": fitted_on_job(job) if job else [],
        "refusals": refusals_on_job(job) if job else [],
        "spent": job_spend(job) if job else 0,
        "can_change": visible.can_change,
        "may_approve": job is not None
        and request.user.has_perm("targethardening.approve_over_limit", case),
        "surveys": end_of_visit,
        "survey_url": reverse("followups:survey_new", args=[case.pk, SurveyOccasion.END_OF_VISIT])
        if can_survey
        else None,
    }
    return render_page(request, "targethardening/job.html", context)


def _form_page(
    request: HttpRequest,
    visible: VisibleCase,
    form: GovukForm,
    write: Callable[[dict[str, Any]], object],
    *,
    title: str,
    done: str,
    intro: str = "",
) -> HttpResponse:
    if (
        request.method == "POST"
        and form.is_valid()
        and form.saved_by(lambda: write(form.cleaned_data))
    ):
        messages.success(request, done)
        return redirect(job_url(visible))
    context = {"form": form, "case": visible.case, "title": title, "intro": intro}
    return render_page(request, "targethardening/job_form.html", context)


def _post(request: HttpRequest) -> Any:
    return request.POST if request.method == "POST" else None


@with_case(change=True)
def visit_record(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    """The home visit and its Home Security Assessment (seed 002 Lot 2 s3.1)."""
    spec = _spec(visible)
    if job_on(visible.case) is not None:
        messages.info(request, "The visit is already recorded")
        return redirect(job_url(visible))
    form = VisitForm(_post(request), spec=spec, initial={"visited_at": timezone.now()})
    levels = ", ".join(f"level {lvl.level} from {lvl.from_score}" for lvl in spec.assessment.levels)
    return _form_page(
        request,
        visible,
        form,
        lambda data: job_visit_record(
            case=visible.case,
            recorded_by=staff_user(request),
            visited_at=data["visited_at"],
            concerns=data["concerns"],
            vulnerabilities=data["vulnerabilities"],
            override_reason=data["override_reason"],
        ),
        title="Record the home visit and security assessment",
        done="Visit and assessment recorded",
        intro="The score is the points of the concerns found and of the referrer's "
        f"vulnerability factors; it sets the service level ({levels} points).",
    )


def _job(visible: VisibleCase) -> TargetHardeningJob:
    _spec(visible)
    return job_on_or_404(visible.case)


@with_case(change=True)
def item_fit_record(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    job = _job(visible)
    provider_id = visible.case.contract.provider_id
    items = list(catalogue_items(provider_id, active_only=True))
    form = FitForm(_post(request), items=items, initial={"fitted_on": timezone.localdate()})

    def write(data: dict[str, Any]) -> object:
        item = catalogue_item(provider_id, data["item"])
        if item is None:
            raise ValidationError({"item": "Select an item from the catalogue"})
        return item_fit(
            job=job,
            item=item,
            quantity=data["quantity"],
            fitted_on=data["fitted_on"],
            recorded_by=staff_user(request),
        )

    return _form_page(
        request,
        visible,
        form,
        write,
        title="Record items fitted",
        done="Items recorded",
        intro=f"Service level {job.service_level}. The unit price is the catalogue's today.",
    )


@with_case(change=True)
def refusal_add(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    job = _job(visible)
    provider_id = visible.case.contract.provider_id
    items = list(catalogue_items(provider_id))
    form = RefusalForm(_post(request), items=items)

    def write(data: dict[str, Any]) -> object:
        item = catalogue_item(provider_id, data["item"]) if data["item"] else None
        if data["item"] and item is None:
            raise ValidationError({"item": "Select an item from the catalogue"})
        return refusal_record(
            job=job,
            recorded_by=staff_user(request),
            refused_by=data["refused_by"],
            reason=data["reason"],
            item=item,
            work=data["work"],
        )

    return _form_page(
        request,
        visible,
        form,
        write,
        title="Record work not supplied",
        done="Refusal recorded",
        intro="The service does not replace what a landlord or owner must repair, such as a "
        "door broken in the incident.",
    )


@with_case(change=True)
def over_limit_approve(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    job = _job(visible)
    if not request.user.has_perm("targethardening.approve_over_limit", visible.case):
        raise PermissionDenied
    limit = _spec(visible).budget.per_property
    return _form_page(
        request,
        visible,
        OverLimitForm(_post(request)),
        lambda data: job_over_limit_approve(
            job=job, approved_by=staff_user(request), reason=data["reason"]
        ),
        title="Approve spending over the limit",
        done="Spending over the limit approved",
        intro=f"The limit for one property is £{limit:,.2f}.",
    )


@with_case(change=True)
def needs_record(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    job = _job(visible)
    initial = {
        "needs": job.additional_needs,
        "consent_to_share": job.consent_to_share,
        "feed_back": ["yes"] if job.needs_fed_back_at else [],
    }
    form = NeedsForm(_post(request), initial=initial)
    return _form_page(
        request,
        visible,
        form,
        lambda data: additional_needs_record(
            job=job,
            recorded_by=staff_user(request),
            needs=data["needs"],
            consent_to_share=bool(data["consent_to_share"]),
            feed_back=form.wants_feed_back,
        ),
        title="Record additional needs",
        done="Additional needs recorded",
        intro="Needs found while with the victim are fed back to the referrer only with the "
        "victim's consent.",
    )
