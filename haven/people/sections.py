"""Sections that the apps above people add to a person's page (consents and shares, subject
access requests, retention holds...). People cannot import them (the layers, ADR 0009), so each
registers a builder here from its AppConfig.ready(); the person's page asks every builder in turn.

A builder takes the request and the person as the viewer was given them (`ReadablePerson`: it has
been checked that they may see them) and returns a `PersonSection`, or None to show nothing. It
reads only through its own app's selectors and renders its own template (`html`), with its action
links (`links`) listed under it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

if TYPE_CHECKING:
    from django.http import HttpRequest

    from haven.people.selectors import ReadablePerson


@dataclass(frozen=True)
class PersonSection:
    order: int  # sections sit in this order, lowest first
    html: SafeString | str = ""  # the section's summary, with its own h2 ("" for none)
    links: tuple[tuple[str, str], ...] = ()  # (text, href) listed under the summary


PersonSectionBuilder = Callable[["HttpRequest", "ReadablePerson"], PersonSection | None]
_BUILDERS: dict[str, PersonSectionBuilder] = {}


def register_person_section(key: str, builder: PersonSectionBuilder) -> None:
    """Add (or, with the same key, replace) the builder of one app's person-page section."""
    _BUILDERS[key] = builder


def person_sections(request: HttpRequest, readable: ReadablePerson) -> list[PersonSection]:
    """Every registered section for this person, in order (builders that return None left out)."""
    built = (builder(request, readable) for builder in _BUILDERS.values())
    return sorted((section for section in built if section is not None), key=lambda s: s.order)


def render_person_section(
    request: HttpRequest, template: str, context: dict[str, Any]
) -> SafeString:
    """A section's summary rendered from its app's template."""
    return mark_safe(render_to_string(template, context, request=request))  # noqa: S308 - a template's output, escaped by it
