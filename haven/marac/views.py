"""A case's MARAC pages: record a new incident, record a referral, a referral's page and its
PDF (each through its service; read auditing by `with_case`)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils import timezone

from haven.accounts.signed_in import staff_user
from haven.casework.selectors import VisibleCase
from haven.casework.views.case_access import with_case
from haven.casework.views.rendering import render_page
from haven.consent.models import ShareBasis
from haven.marac.forms import IncidentForm, ReferralForm
from haven.marac.models import MaracCriterion
from haven.marac.presenters import printed_at, referral_sheet
from haven.marac.selectors import area_by_id, areas_for_case, referral_on
from haven.marac.services import (
    incident_record,
    marac_referral_record,
    marac_referral_view_record,
    marac_refusal,
)
from haven.risk.selectors import latest_assessment


def _refused(request: HttpRequest, visible: VisibleCase) -> HttpResponse | None:
    refusal = marac_refusal(visible.case)
    if refusal:
        messages.info(request, refusal)
        return redirect("casework:detail", visible.case.pk)
    return None


@with_case(change=True)
def incident_add(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    """GET: the form. POST: the service (repeat MARAC evaluated), then back to the case."""
    case = visible.case
    refused = _refused(request, visible)
    if refused:
        return refused
    form = IncidentForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            incident = incident_record(
                case=case,
                recorded_by=staff_user(request),
                occurred_on=data["occurred_on"],
                summary=data["summary"],
                police_reference=data["police_reference"],
            )
        except ValidationError as refused_error:
            form.add_problems(refused_error)
        else:
            text = "New incident recorded"
            if incident.repeat_marac:
                text += ": it is a repeat MARAC, a MARAC referral task is on the worklist"
            messages.success(request, text)
            return redirect("casework:detail", case.pk)
    return render_page(
        request,
        "marac/incident_form.html",
        {"form": form, "case": case, "title": "Record a new incident"},
    )


def _initial_criteria(visible: VisibleCase) -> list[str]:
    assessment = latest_assessment(visible.case)
    codes = {r.get("code") for r in (assessment.reasons if assessment else [])}
    return [c for c in MaracCriterion.values if c in codes]


@with_case(change=True)
def referral_add(request: HttpRequest, visible: VisibleCase) -> HttpResponse:
    case = visible.case
    refused = _refused(request, visible)
    if refused:
        return refused
    areas = [(str(a.pk), a.name) for a in areas_for_case(case)]
    if not areas:
        messages.info(
            request, "No MARAC area is set up yet: ask a team leader to add one on MARAC meetings"
        )
        return redirect("casework:detail", case.pk)
    initial = {
        "criteria": _initial_criteria(visible),
        "referred_on": timezone.localdate(),
        "without_consent_basis": ShareBasis.SAFEGUARDING,
    }
    form = ReferralForm(
        request.POST if request.method == "POST" else None, initial=initial, areas=areas
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        area = area_by_id(case, data["area"])
        try:
            if area is None:
                raise ValidationError({"area": "Select a MARAC area of this service"})
            referral = marac_referral_record(
                case=case,
                referred_by=staff_user(request),
                area=area,
                referred_on=data["referred_on"],
                referring_agency=data["referring_agency"],
                criteria=data["criteria"],
                judgement_reasons=data["judgement_reasons"],
                research_summary=data["research_summary"],
                consent=data["consent"] == "yes",
                victim_aware=data["victim_aware"] == "yes",
                without_consent_reason=data["without_consent_reason"],
                without_consent_basis=data["without_consent_basis"] or ShareBasis.SAFEGUARDING,
            )
        except ValidationError as refused_error:
            form.add_problems(refused_error)
        else:
            messages.success(request, "MARAC referral recorded")
            return redirect("marac:referral", case.pk, referral.pk)
    return render_page(
        request,
        "marac/referral_form.html",
        {"form": form, "case": case, "title": "Record a MARAC referral"},
    )


@with_case()
def referral_detail(request: HttpRequest, visible: VisibleCase, referral_id: Any) -> HttpResponse:
    referral = referral_on(visible.case, referral_id)
    marac_referral_view_record(referral=referral, viewed_by=staff_user(request), export=False)
    context = {"case": visible.case, "referral": referral, "sheet": referral_sheet(referral)}
    return render_page(request, "marac/referral_detail.html", context)


@with_case()
def referral_pdf(request: HttpRequest, visible: VisibleCase, referral_id: Any) -> HttpResponse:
    """The referral as a PDF for the MARAC's secure email (nothing fetched from outside)."""
    from weasyprint import HTML

    referral = referral_on(visible.case, referral_id)
    html = render_to_string(
        "marac/referral_pdf.html",
        {"referral": referral, "sheet": referral_sheet(referral), "printed_at": printed_at()},
    )
    pdf = HTML(string=html, url_fetcher=_no_fetch).write_pdf()
    marac_referral_view_record(referral=referral, viewed_by=staff_user(request), export=True)
    response = HttpResponse(pdf, content_type="application/pdf")
    name = f"marac-referral-{referral.referred_on:%Y-%m-%d}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _no_fetch(url: str, *args: Any, **kwargs: Any) -> dict[str, Any]:
    raise ValueError("the MARAC referral PDF loads nothing from outside")
