"""Every measure computation, registered by importing its module."""

from haven.reporting.measures import (  # noqa: F401
    accommodation_and_exits,
    cases,
    contact,
    deadlines,
    exits,
    front_door,
    helpline,
    housing,
    incidents,
    marac,
    needs,
    onward,
    outcomes,
    people_and_groups,
    plans,
    proceedings,
    referrals,
    refuge,
    risk,
    safeguarding,
    session_patterns,
    sessions,
    surveys,
    target_hardening,
    waiting_list,
)
from haven.reporting.measures.base import COMPUTATIONS, Figure, MeasureContext

__all__ = ["COMPUTATIONS", "Figure", "MeasureContext"]
