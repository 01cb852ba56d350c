"""Find a person by reference code, or by name and date of birth (audited, terms not kept).

The form posts, so names and dates of birth never appear in a URL, a server log or the history.
"""

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from haven.people.forms.search import PersonSearchForm
from haven.people.selectors import person_search


@login_required
@permission_required("people.view_person", raise_exception=True)
def search(request: HttpRequest) -> HttpResponse:
    form = PersonSearchForm(request.POST if request.method == "POST" else None)
    results = None
    if form.is_bound and form.is_valid():
        results = person_search(request.user, form.query())
    return render(request, "people/search.html", {"form": form, "results": results})
