"""The consent pages: record and withdraw a person's consent (from their page), the
information-sharing agreements register, and the service's share register (issue 15)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone

from haven.accounts.signed_in import staff_user
from haven.casework.views.rendering import render_page
from haven.consent.forms import (
    AgreementForm,
    ConsentForm,
    ReviewForm,
    ShareFilterForm,
    WithdrawForm,
)
from haven.consent.selectors import (
    ShareFilter,
    agreement_for,
    agreements_for,
    consent_of,
    keeping_organisation,
    reviews_due,
    share_register,
)
from haven.consent.services import (
    AGREEMENT_FIELDS,
    agreement_add,
    agreement_change,
    agreement_review,
    consent_record,
    consent_withdraw,
)
from haven.core.read_audit import audit_list_view, audits_reads, shows_page
from haven.people.selectors import ReadablePerson
from haven.people.views.person_access import with_person

SHARE_PAGE_SIZE = 200


@login_required
@permission_required("people.change_person", raise_exception=True)
@with_person()
def consent_new(request: HttpRequest, readable: ReadablePerson) -> HttpResponse:
    """Record a consent given: confidentiality agreement, consent to support, or to share."""
    person = readable.person
    kind = request.GET.get("kind", "")  # the case page's prompt preselects the agreement
    form = ConsentForm(request.POST if request.method == "POST" else None, initial={"kind": kind})
    if (
        request.method == "POST"
        and form.is_valid()
        and form.saved_by(
            lambda: consent_record(
                person=person, recorded_by=staff_user(request), **form.cleaned_data
            )
        )
    ):
        messages.success(request, "Consent recorded")
        return redirect("people:detail", person_id=person.pk)
    return render_page(request, "consent/consent_new.html", {"form": form, "person": person})


@login_required
@permission_required("people.change_person", raise_exception=True)
@with_person()
def consent_withdrawal(
    request: HttpRequest, readable: ReadablePerson, consent_id: Any
) -> HttpResponse:
    """Record that a consent was withdrawn (when, why); it stays in the history."""
    person = readable.person
    consent = consent_of(person, consent_id)
    form = WithdrawForm(request.POST if request.method == "POST" else None)
    if (
        request.method == "POST"
        and form.is_valid()
        and form.saved_by(
            lambda: consent_withdraw(
                consent=consent,
                withdrawn_by=staff_user(request),
                withdrawn_on=form.cleaned_data["withdrawn_on"],
                reason=form.cleaned_data["reason"],
            )
        )
    ):
        messages.success(request, "Consent withdrawal recorded")
        return redirect("people:detail", person_id=person.pk)
    return render_page(
        request,
        "consent/consent_withdraw.html",
        {"form": form, "person": person, "consent": consent},
    )


@login_required
@permission_required("consent.view_agreements", raise_exception=True)
def agreements(request: HttpRequest) -> HttpResponse:
    """The information-sharing agreements register, with the reviews due."""
    today = timezone.localdate()
    return render_page(
        request,
        "consent/agreements.html",
        {
            "agreements": list(agreements_for(request.user)),
            "due": reviews_due(request.user, today),
            "today": today,
            "can_manage": request.user.has_perm("consent.manage_agreements"),
        },
    )


@login_required
@permission_required("consent.manage_agreements", raise_exception=True)
def agreement_new(request: HttpRequest) -> HttpResponse:
    organisation = keeping_organisation(request.user)
    form = AgreementForm(request.POST if request.method == "POST" else None)
    if (
        request.method == "POST"
        and form.is_valid()
        and form.saved_by(
            lambda: agreement_add(
                organisation=organisation, recorded_by=staff_user(request), **form.cleaned_data
            )
        )
    ):
        messages.success(request, "Agreement added to the register")
        return redirect("consent:agreements")
    return render_page(request, "consent/agreement_form.html", {"form": form, "agreement": None})


@login_required
@permission_required("consent.manage_agreements", raise_exception=True)
def agreement_edit(request: HttpRequest, agreement_id: Any) -> HttpResponse:
    agreement = agreement_for(request.user, agreement_id)
    initial = {name: getattr(agreement, name) for name in AGREEMENT_FIELDS}
    form = AgreementForm(request.POST if request.method == "POST" else None, initial=initial)
    if (
        request.method == "POST"
        and form.is_valid()
        and form.saved_by(
            lambda: agreement_change(
                agreement=agreement, changed_by=staff_user(request), **form.cleaned_data
            )
        )
    ):
        messages.success(request, "Agreement changed")
        return redirect("consent:agreements")
    return render_page(
        request, "consent/agreement_form.html", {"form": form, "agreement": agreement}
    )


@login_required
@permission_required("consent.manage_agreements", raise_exception=True)
def agreement_reviewed(request: HttpRequest, agreement_id: Any) -> HttpResponse:
    agreement = agreement_for(request.user, agreement_id)
    form = ReviewForm(
        request.POST if request.method == "POST" else None,
        initial={"reviewed_on": timezone.localdate()},
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and form.saved_by(
            lambda: agreement_review(
                agreement=agreement, reviewed_by=staff_user(request), **form.cleaned_data
            )
        )
    ):
        messages.success(request, "Review recorded")
        return redirect("consent:agreements")
    return render_page(
        request, "consent/agreement_review.html", {"form": form, "agreement": agreement}
    )


@audits_reads
@login_required
@permission_required("consent.view_share_register", raise_exception=True)
def shares(request: HttpRequest) -> HttpResponse:
    """The service's share register, filterable by date, kind and basis (audited as a list)."""
    form = ShareFilterForm(request.GET if request.GET else None)
    chosen = ShareFilter()
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        chosen = ShareFilter(
            since=data["since"],
            until=data["until"],
            kind=data["kind"] or "",
            basis=data["basis"] or "",
        )
    shown = list(share_register(request.user, chosen)[:SHARE_PAGE_SIZE])
    response = render_page(
        request,
        "consent/shares.html",
        {"form": form, "shares": shown, "limit": SHARE_PAGE_SIZE},
    )
    if shows_page(response):
        audit_list_view(
            user=request.user,
            object_type="consent.share",
            shown=[share.pk for share in shown],
            page="share register",
        )
    return response
