"""Every URL pattern Haven serves, found by walking the URL configuration (for structural tests).

A test that must cover every page (hostile input, auditing, scoping) walks ``url_routes()`` and
builds each URL with ``build_url``, so a page added later is covered without anyone listing it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver, reverse

ROUTE_PARAM = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")
REGEX_PARAM = re.compile(r"\(\?P<(?P<name>\w+)>")


@dataclass(frozen=True)
class Route:
    """One URL pattern: its full route text, its ``namespace:name`` and its view."""

    route: str
    name: str | None
    callback: Callable[..., Any]
    params: tuple[tuple[str, str], ...]  # (name, converter: "uuid", "int", "str", "regex"…)

    @property
    def label(self) -> str:
        return self.name or self.route


def _params(route: str) -> list[tuple[str, str]]:
    found = [(m["name"], m["converter"] or "str") for m in ROUTE_PARAM.finditer(route)]
    found += [(m["name"], "regex") for m in REGEX_PARAM.finditer(route)]
    return found


def url_routes(resolver: URLResolver | None = None) -> Iterator[Route]:
    """Every URL pattern, recursively through ``include()``s, with its namespaced name."""

    def walk(node: URLResolver, prefix: str, namespaces: tuple[str, ...]) -> Iterator[Route]:
        for pattern in node.url_patterns:
            text = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                extra = (pattern.namespace,) if pattern.namespace else ()
                yield from walk(pattern, text, namespaces + extra)
            elif isinstance(pattern, URLPattern):
                name = ":".join((*namespaces, pattern.name)) if pattern.name else None
                yield Route(text, name, pattern.callback, tuple(_params(text)))

    yield from walk(resolver or get_resolver(), "", ())


def build_url(route: Route, values: Mapping[str, Any]) -> str:
    """The route's URL with each parameter taken from `values` (KeyError names a missing one)."""
    if route.name is None:
        raise KeyError(f"{route.route} has no name")
    kwargs = {name: values[name] for name, _ in route.params}
    return reverse(route.name, kwargs=kwargs)


def haven_views() -> dict[str, Callable[..., Any]]:
    """Haven's own named URL patterns and their views (allauth's and the admin's are not Haven's,
    though a Haven view standing in for one of theirs, such as the admin's sign-in, is)."""
    return {
        route.name: route.callback
        for route in url_routes()
        if route.name and route.callback.__module__.startswith("haven.")
    }
