"""Clock starts that the apps above casework know and casework does not (the layers, ADR 0009):
e.g. the refuge's move-in (`StartEvent.ENTERED`, seed 004 s4.2, s7.5). Each app registers a
function from its AppConfig.ready(); `case_situation` merges what they return for a case."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from haven.deadlines import StartEvent

StartEventSource = Callable[[Any], dict[StartEvent, datetime]]
_SOURCES: dict[str, StartEventSource] = {}


def register_start_events(key: str, source: StartEventSource) -> None:
    """Add (or, with the same key, replace) a function `source(case) -> {event: time}`."""
    _SOURCES[key] = source


def case_start_events(case: Any) -> dict[StartEvent, datetime]:
    """Every registered source's events for the case. An unsaved case (the workbook's and the
    demo's bulk writers evaluate cases before saving them) has none, and costs no query."""
    state = getattr(case, "_state", None)
    if getattr(case, "pk", None) is None or (state is not None and state.adding):
        return {}
    events: dict[StartEvent, datetime] = {}
    for source in _SOURCES.values():
        events.update(source(case))
    return events
