"""How a page sends someone to give a reason before it shows a restricted record."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse


def reason_redirect(request: HttpRequest, case_id: Any) -> HttpResponse:
    """To the reason form for a restricted case, coming back here afterwards."""
    url = reverse("casework:break_glass", args=[case_id])
    return redirect(f"{url}?{urlencode({'next': request.get_full_path()})}")
