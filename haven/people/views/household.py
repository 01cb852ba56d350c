"""Household: add a child or a person causing harm, and the page about a person causing harm.

The person-causing-harm page shows only their own details and their relationships, by the linked
person's reference code: never the address or contact details of anyone they harm.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from haven.accounts.signed_in import staff_user
from haven.core.read_audit import audits_reads
from haven.people.forms.household import ChildAddForm, HarmerAddForm
from haven.people.selectors import ReadablePerson, harm_links_for_harmer, harmer_for_user
from haven.people.services import child_add, harmer_add, harmer_view_record
from haven.people.views.person_access import with_person


@login_required
@permission_required("people.change_person", raise_exception=True)
@with_person()
def child_new(request: HttpRequest, readable: ReadablePerson) -> HttpResponse:
    person = readable.person
    form = ChildAddForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            link = child_add(
                person=person,
                added_by=staff_user(request),
                details=form.details(),
                relationship=form.cleaned_data["relationship"],
                lives_with_person=form.cleaned_data["lives_with_person"],
            )
        except ValidationError as problems:
            form.add_problems(problems)
        else:
            messages.success(
                request, f"Child added with reference code {link.member.reference_code}"
            )
            return redirect("people:detail", person_id=person.pk)
    return render(request, "people/child_new.html", {"form": form, "person": person})


@login_required
@permission_required("people.change_person", raise_exception=True)
@with_person()
def harmer_new(request: HttpRequest, readable: ReadablePerson) -> HttpResponse:
    person = readable.person
    form = HarmerAddForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            harmer_add(
                person=person,
                added_by=staff_user(request),
                details=form.details(),
                relationship=form.cleaned_data["relationship"],
                lives_with_person=form.cleaned_data["lives_with_person"],
            )
        except ValidationError as problems:
            form.add_problems(problems)
        else:
            messages.success(request, "Person causing harm added")
            return redirect("people:detail", person_id=person.pk)
    return render(request, "people/harmer_new.html", {"form": form, "person": person})


@login_required
@permission_required("people.view_person", raise_exception=True)
@audits_reads
def harmer_detail(request: HttpRequest, harmer_id: str) -> HttpResponse:
    harmer = harmer_for_user(request.user, harmer_id)
    harmer_view_record(harmer=harmer, viewed_by=staff_user(request))
    context = {"harmer": harmer, "links": harm_links_for_harmer(harmer, request.user)}
    return render(request, "people/harmer_detail.html", context)
