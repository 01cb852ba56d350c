"""Start-up check: the retention schedule in force is valid (fail loud, naming the place)."""

from __future__ import annotations

from typing import Any

from django.core import checks

from haven.retention.schedule import ScheduleError, schedule_in_force


@checks.register()
def retention_schedule_is_valid(app_configs: Any = None, **kwargs: Any) -> list[checks.Error]:
    try:
        schedule_in_force()
    except ScheduleError as problem:
        return [checks.Error(str(problem), id="retention.E001")]
    return []
