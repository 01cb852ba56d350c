"""Error pages: GOV.UK style, the request id for support, never personal data or tracebacks."""

from django.http import HttpRequest, HttpResponse
from django.middleware.csp import get_nonce
from django.shortcuts import render
from django.template import loader


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page without context processors: what failed may be the database, the session or
    the user, and the page must still render (only the CSP nonce and the request id are used)."""
    nonce = get_nonce(request)  # lazy and falsy until rendered: compare with None, not `or`
    context = {
        "request_id": getattr(request, "request_id", ""),
        "csp_nonce": "" if nonce is None else nonce,
        "hide_navigation": True,
    }
    return HttpResponse(loader.render_to_string("500.html", context), status=500)
