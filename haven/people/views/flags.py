"""Add a flag to a person, or end one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from haven.accounts.signed_in import staff_user
from haven.people.forms.flags import FlagAddForm, FlagEndForm
from haven.people.selectors import ReadablePerson, flag_of
from haven.people.services import flag_add, flag_end
from haven.people.views.person_access import with_person


@login_required
@permission_required("people.change_person", raise_exception=True)
@with_person()
def flag_new(request: HttpRequest, readable: ReadablePerson) -> HttpResponse:
    person = readable.person
    form = FlagAddForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            flag_add(person=person, added_by=staff_user(request), **form.cleaned_data)
        except ValidationError as problems:
            form.add_problems(problems)
        else:
            messages.success(request, "Flag added")
            return redirect("people:detail", person_id=person.pk)
    return render(request, "people/flag_new.html", {"form": form, "person": person})


@login_required
@permission_required("people.change_person", raise_exception=True)
@with_person()
def flag_stop(request: HttpRequest, readable: ReadablePerson, flag_id: str) -> HttpResponse:
    flag = flag_of(readable.person, flag_id)
    form = FlagEndForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            flag_end(
                flag=flag, ended_by=staff_user(request), ended_on=form.cleaned_data["ended_on"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Flag ended")
            return redirect("people:detail", person_id=flag.person.pk)
    return render(
        request, "people/flag_end.html", {"form": form, "person": flag.person, "flag": flag}
    )
