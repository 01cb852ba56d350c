"""Create a person in two steps: their details, then "Is this the same person?" if there are
likely duplicates. The details wait in the server-side session between the steps, never in a URL.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from haven.accounts.signed_in import staff_user
from haven.core.read_audit import audit_list_view, audits_reads
from haven.people.forms.person import (
    ASK_FIRST,
    NEW_PERSON,
    NEW_PERSON_CHECKED,
    PersonDetailsForm,
    SamePersonForm,
)
from haven.people.selectors import DuplicateCheck, likely_duplicates
from haven.people.services import person_create

SESSION_KEY = "people:new-person"


def _candidates(request: HttpRequest, form: PersonDetailsForm) -> DuplicateCheck:
    data = form.cleaned_data
    return likely_duplicates(
        request.user,
        given_name=data["given_name"],
        family_name=data["family_name"],
        date_of_birth=data["date_of_birth"],
        postcode=data["postcode"],
    )


def _create(
    request: HttpRequest, form: PersonDetailsForm, *, restricted_match_acknowledged: bool = False
) -> HttpResponse:
    person = person_create(
        created_by=staff_user(request),
        details=form.details(),
        aliases=form.alias_names(),
        restricted_match_acknowledged=restricted_match_acknowledged,
    )
    request.session.pop(SESSION_KEY, None)
    messages.success(request, f"Person created with reference code {person.reference_code}")
    return redirect("people:detail", person_id=person.pk)


@login_required
@permission_required("people.change_person", raise_exception=True)
def person_new(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = PersonDetailsForm(request.POST)
        if form.is_valid():
            if not _candidates(request, form):
                return _create(request, form)
            request.session[SESSION_KEY] = {
                key: value for key, value in request.POST.items() if key != "csrfmiddlewaretoken"
            }
            return redirect("people:new_check")
    elif "change" in request.GET and SESSION_KEY in request.session:
        form = PersonDetailsForm(request.session[SESSION_KEY])
    else:
        request.session.pop(SESSION_KEY, None)
        form = PersonDetailsForm()
    return render(request, "people/person_new.html", {"form": form})


@login_required
@permission_required("people.change_person", raise_exception=True)
@audits_reads
def person_new_check(request: HttpRequest) -> HttpResponse:
    details = PersonDetailsForm(request.session.get(SESSION_KEY))
    if not details.is_bound or not details.is_valid():
        return redirect("people:new")
    check = _candidates(request, details)
    form = SamePersonForm(request.POST if request.method == "POST" else None, check=check)
    if request.method == "POST" and form.is_valid():
        choice = form.cleaned_data["choice"]
        if choice in (NEW_PERSON, NEW_PERSON_CHECKED):
            acknowledged = choice == NEW_PERSON_CHECKED
            return _create(request, details, restricted_match_acknowledged=acknowledged)
        request.session.pop(SESSION_KEY, None)
        if choice == ASK_FIRST:
            messages.info(
                request,
                "No new person was created. Ask a named worker or your manager whether the "
                "restricted record is this person.",
            )
            return redirect("people:search")
        chosen = next(c for c in check.candidates if str(c.person_id) == choice)
        messages.info(request, f"No new person was created: this is {chosen.reference_code}")
        return redirect("people:detail", person_id=chosen.person_id)
    # the likely duplicates are existing people, named on this page
    audit_list_view(
        user=request.user,
        object_type="people.person",
        shown=[candidate.person_id for candidate in check.candidates],
        page="likely_duplicates",
    )
    return render(
        request,
        "people/person_new_check.html",
        {"form": form, "check": check, "candidates": check.candidates, "details": details},
    )
