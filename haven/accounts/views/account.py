"""A member of staff's own account pages that Haven serves instead of allauth's."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


@login_required
def email(request: HttpRequest) -> HttpResponse:
    """Staff email addresses are set (and so verified) by administrators: this page only shows it.

    allauth's own page let staff add unverified addresses, and one unverified address stops
    allauth from turning on two-factor authentication: nobody could then set it up.
    """
    return render(request, "account/email.html")
