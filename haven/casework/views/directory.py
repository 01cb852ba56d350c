"""The agency directory (issue 11 item 4): the list of a provider's agencies, and the pages to
add and change an entry, for its service managers and administrators."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from haven.accounts.signed_in import staff_user
from haven.casework.forms.directory import AgencyForm
from haven.casework.selectors_onward import (
    agency_to_manage,
    directory_for,
    directory_organisations,
)
from haven.casework.services.directory import agency_create, agency_update

MANAGE = "casework.manage_directory"


@login_required
@permission_required(MANAGE, raise_exception=True)
def directory_list(request: HttpRequest) -> HttpResponse:
    agencies = list(directory_for(request.user))
    return render(request, "casework/directory_list.html", {"agencies": agencies})


def _form_page(
    request: HttpRequest, form: AgencyForm, title: str, save: Any, done: str
) -> HttpResponse:
    if request.method == "POST" and form.is_valid():
        try:
            save(form)
        except ValidationError as refused:
            problems = refused.message_dict if hasattr(refused, "error_dict") else {}
            for field, errors in problems.items() or [(None, refused.messages)]:
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, done)
            return redirect("casework:directory")
    return render(request, "casework/agency_form.html", {"form": form, "title": title})


@login_required
@permission_required(MANAGE, raise_exception=True)
def agency_add(request: HttpRequest) -> HttpResponse:
    form = AgencyForm(
        request.POST if request.method == "POST" else None,
        organisations=list(directory_organisations(request.user)),
    )

    def save(form: AgencyForm) -> None:
        agency_create(
            organisation=form.chosen_organisation(), actor=staff_user(request), **form.values()
        )

    return _form_page(request, form, "Add an agency to the directory", save, "Agency added")


@login_required
@permission_required(MANAGE, raise_exception=True)
def agency_edit(request: HttpRequest, agency_id: Any) -> HttpResponse:
    agency = agency_to_manage(request.user, agency_id)
    initial = {
        "name": agency.name,
        "agency_type": agency.agency_type,
        "areas_covered": agency.areas_covered,
        "contact_route": agency.contact_route,
        "contact_details": agency.contact_details,
        "notes": agency.notes,
        "is_active": "yes" if agency.is_active else "no",
    }
    form = AgencyForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        organisations=[agency.organisation],
        editing=True,
    )

    def save(form: AgencyForm) -> None:
        agency_update(agency=agency, actor=staff_user(request), **form.values())

    return _form_page(request, form, f"Change {agency.name}", save, "Agency changed")
