"""Sections that the apps above casework add to the case page (support sessions, plans,
outcomes, follow-ups...). Casework cannot import them (the layers, ADR 0009), so each registers a
builder here from its AppConfig.ready(); the case page asks every builder in turn.

A builder takes the request and the case as the viewer was given it (`VisibleCase`: it has been
checked that they may see it) and returns a `CaseSection`, or None to show nothing. It reads only
through its own app's selectors and renders its own template: the section's summary for the main
column (`html`) and the action links for the side column (`links`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

if TYPE_CHECKING:
    from django.http import HttpRequest

    from haven.casework.selectors import VisibleCase


@dataclass(frozen=True)
class CaseSection:
    order: int  # sections sit in this order, lowest first
    html: SafeString | str = ""  # the summary in the main column ("" for none)
    links: tuple[tuple[str, str], ...] = ()  # (text, href) in the side column's actions


SectionBuilder = Callable[["HttpRequest", "VisibleCase"], CaseSection | None]
_BUILDERS: dict[str, SectionBuilder] = {}


def register_case_section(key: str, builder: SectionBuilder) -> None:
    """Add (or, with the same key, replace) the builder of one app's case-page section."""
    _BUILDERS[key] = builder


def case_sections(request: HttpRequest, visible: VisibleCase) -> list[CaseSection]:
    """Every registered section for this case, in order (builders that return None left out)."""
    built = (builder(request, visible) for builder in _BUILDERS.values())
    return sorted((section for section in built if section is not None), key=lambda s: s.order)


def render_section(request: HttpRequest, template: str, context: dict[str, Any]) -> SafeString:
    """A section's summary, rendered with the helpers every casework page has (`when`...)."""
    from haven.casework.presenters import HELPERS

    return mark_safe(render_to_string(template, {**HELPERS, **context}, request=request))  # noqa: S308 - a template's output, escaped by it
