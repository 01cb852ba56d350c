"""The names of the measure computations the reporting app provides, and their parameters.

Contracts sit below reporting (ADR 0009), so reporting registers its computations here when it
loads; profile validation then refuses a measure naming one that does not exist. Pure: no Django.
"""

from __future__ import annotations

_KNOWN: dict[str, frozenset[str]] = {}
_DIMENSIONS: set[str] = set()


def register(name: str, params: frozenset[str]) -> None:
    """Record a computation and the parameter names it accepts (called by haven.reporting)."""
    _KNOWN[name] = params


def known() -> dict[str, frozenset[str]]:
    """Every registered computation; empty before the reporting app has loaded."""
    return dict(_KNOWN)


def register_dimensions(names: frozenset[str]) -> None:
    """Record the breakdowns the reporting app computes (called by haven.reporting)."""
    _DIMENSIONS.update(names)


def known_dimensions() -> frozenset[str]:
    return frozenset(_DIMENSIONS)
