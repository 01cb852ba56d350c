"""Developer pages: every design-system field on one page, and the Exit this page example."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from haven.govuk.demo_forms import DesignSystemDemoForm


@require_http_methods(["GET", "POST"])
def design_system(request: HttpRequest) -> HttpResponse:
    """Render the sample form; on a valid POST say so and start again (nothing is stored)."""
    form = DesignSystemDemoForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        messages.success(request, "The sample form is valid. Nothing was saved.")
        return redirect("govuk:design_system")
    return render(request, "govuk/design_system.html", {"form": form})


def exit_this_page(request: HttpRequest) -> HttpResponse:
    """A public page with the Exit this page button, as self-referral pages will have."""
    return render(request, "govuk/exit_this_page.html")
