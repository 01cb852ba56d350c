"""Change a person's details, safe-contact preferences and equality data."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from haven.accounts.signed_in import staff_user
from haven.people.forms.equality import EqualityForm
from haven.people.forms.person import PersonDetailsForm
from haven.people.forms.safe_contact import SafeContactForm
from haven.people.selectors import ReadablePerson
from haven.people.services import (
    PERSON_FIELDS,
    equality_update,
    person_update,
    safe_contact_update,
)
from haven.people.views.person_access import with_person


@login_required
@permission_required("people.change_person", raise_exception=True)
@with_person()
def details_edit(request: HttpRequest, readable: ReadablePerson) -> HttpResponse:
    person = readable.person
    initial = {name: getattr(person, name) for name in PERSON_FIELDS}
    initial["aliases"] = "\n".join(alias.name for alias in person.aliases.all())
    form = PersonDetailsForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            person_update(
                person=person,
                updated_by=staff_user(request),
                details=form.details(),
                aliases=form.alias_names(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Details saved")
            return redirect("people:detail", person_id=person.pk)
    return render(request, "people/details_edit.html", {"form": form, "person": person})


@login_required
@permission_required("people.change_person", raise_exception=True)
@with_person()
def safe_contact_edit(request: HttpRequest, readable: ReadablePerson) -> HttpResponse:
    person = readable.person
    form = SafeContactForm(
        request.POST if request.method == "POST" else None,
        initial=SafeContactForm.initial_from(person.safe_contact_or_default()),
    )
    if request.method == "POST" and form.is_valid():
        try:
            safe_contact_update(
                person=person, updated_by=staff_user(request), preferences=form.preferences()
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Safe contact preferences saved")
            return redirect("people:detail", person_id=person.pk)
    return render(request, "people/safe_contact_edit.html", {"form": form, "person": person})


@login_required
@permission_required("people.view_person", raise_exception=True)
@with_person()
def equality_edit(request: HttpRequest, readable: ReadablePerson) -> HttpResponse:
    """Shows the answers to everyone who may see the person; only recorders may change them."""
    person = readable.person
    can_change = request.user.has_perm("people.change_person")
    form = EqualityForm(
        request.POST if request.method == "POST" else None,
        initial=EqualityForm.initial_from(person.equality_or_default()),
    )
    if request.method == "POST":
        if not can_change:
            raise PermissionDenied
        if form.is_valid():
            try:
                equality_update(
                    person=person,
                    updated_by=staff_user(request),
                    answers=form.answers(),
                    disability_types=form.chosen_disability_types(),
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, "Equality information saved")
                return redirect("people:detail", person_id=person.pk)
    context = {"form": form, "person": person, "can_change": can_change}
    return render(request, "people/equality_edit.html", context)
