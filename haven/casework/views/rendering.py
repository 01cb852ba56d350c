"""Render a casework page with the presenters every template uses."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from haven.casework.presenters import HELPERS


def render_page(request: HttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    return render(request, template, {**HELPERS, **context})
