"""The partner's own pages: their organisation's referrals with status, and the referral form.

Nothing here shows casework or a person's details: a partner sees received, accepted or
declined with the reason (issue 14 item 6)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from haven.accounts.signed_in import staff_user
from haven.core.formatting import when
from haven.core.read_audit import audit_list_view, audits_reads, shows_page
from haven.partners.forms import PartnerPersonForm, PartnerReferralForm, PartnerSafeContactForm
from haven.partners.selectors import (
    partner_contract_by_slug,
    partner_contracts_of,
    partner_membership_of,
    partner_referral_statuses,
)
from haven.partners.services import partner_referral_submit, partner_statuses_shared


@audits_reads
@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The organisation's referrals (status only) and the services it may refer to."""
    membership = partner_membership_of(request.user)
    organisation = membership.organisation
    statuses = partner_referral_statuses(organisation)
    response = render(
        request,
        "partners/home.html",
        {
            "organisation": organisation,
            "statuses": statuses,
            "links": partner_contracts_of(organisation),
            "when": when,
        },
    )
    if shows_page(response):
        audit_list_view(
            user=request.user,
            object_type="referrals.referral",
            shown=[status.id for status in statuses],
            page="partners:home",
        )
        partner_statuses_shared(
            statuses=statuses, organisation=organisation, shown_to=staff_user(request)
        )
    return response


@login_required
def refer(request: HttpRequest, contract_slug: str) -> HttpResponse:
    """A referral to one of the organisation's services, by the organisation's route."""
    membership = partner_membership_of(request.user)
    link = partner_contract_by_slug(membership.organisation, contract_slug)
    contract = link.contract
    data = request.POST if request.method == "POST" else None
    needs_incident = any(
        rule.get("start") == "incident" for rule in contract.profile.get("deadlines") or []
    )
    person_form = PartnerPersonForm(data)
    safe_form = PartnerSafeContactForm(data)
    form = PartnerReferralForm(
        data,
        contact_methods=list(contract.profile.get("contact_methods") or []),
        needs_incident=needs_incident,
    )
    forms = (person_form, safe_form, form)
    valid = [f.is_valid() for f in forms] if data is not None else [False]  # every error shown
    if all(valid):
        try:
            with transaction.atomic():
                partner_referral_submit(
                    organisation=membership.organisation,
                    contract=contract,
                    submitted_by=staff_user(request),
                    person=person_form.details(),
                    safe_contact=safe_form.preferences(),
                    details=form.details(),
                    partner_reference=form.cleaned_data["partner_reference"],
                )
        except ValidationError as problems:
            for field, found in problems.message_dict.items():
                target = next((f for f in forms if field in f.fields), form)
                target.add_error(field if field in target.fields else None, found)
        else:
            messages.success(request, f"Referral sent to {contract.name}")
            return redirect("partners:home")
    context = {
        "contract": contract,
        "organisation": membership.organisation,
        "person_form": person_form,
        "safe_form": safe_form,
        "form": form,
        "page_has_errors": any(f.errors for f in forms),
    }
    return render(request, "partners/refer.html", context)
