from __future__ import annotations

from datetime import datetime
from typing import Any

from django.apps import AppConfig


def _entered(case: Any) -> dict[Any, datetime]:
    """The case's `entered` clock start: the latest move-in (seed 004 s4.2, s7.3, s7.5)."""
    from haven.deadlines import StartEvent
    from haven.refuge.selectors import entered_at

    moved_in = entered_at(case)
    return {StartEvent.ENTERED: moved_in} if moved_in is not None else {}


class RefugeConfig(AppConfig):
    name = "haven.refuge"
    label = "refuge"
    verbose_name = "Refuge and safe accommodation"

    def ready(self) -> None:
        from haven.casework.sections import register_case_section
        from haven.casework.start_events import register_start_events
        from haven.refuge import case_section

        register_start_events("refuge", _entered)
        register_case_section("refuge", case_section.build)
