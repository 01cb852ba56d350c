"""Give a reason to open a restricted case you are not named on (audited as view_restricted)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from haven.accounts.signed_in import staff_user
from haven.casework.forms.case_actions import BreakGlassForm
from haven.casework.selectors import case_for_break_glass
from haven.casework.services import case_break_glass
from haven.casework.views.rendering import render_page


@login_required
def break_glass(request: HttpRequest, case_id: Any) -> HttpResponse:
    case = case_for_break_glass(request.user, case_id)
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    # a path on this site only: anything else ("2", a view name, another host) is ignored
    # (redirect() took "2" for a view name: NoReverseMatch, a 500)
    if not next_url.startswith("/") or not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}
    ):
        next_url = ""
    form = BreakGlassForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        case_break_glass(case=case, user=staff_user(request), reason=form.cleaned_data["reason"])
        return redirect(next_url or reverse("casework:detail", args=[case.pk]))
    return render_page(
        request, "casework/break_glass.html", {"form": form, "case": case, "next_url": next_url}
    )
