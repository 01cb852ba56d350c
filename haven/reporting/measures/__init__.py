"""Every measure computation, registered by importing its module."""

from haven.reporting.measures import (  # noqa: F401
    accommodation_and_exits,
    appraisal,
    cases,
    contact,
    deadlines,
    events,
    exits,
    finance,
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
    programmes,
    referrals,
    refuge,
    restorative,
    risk,
    safeguarding,
    session_patterns,
    sessions,
    surveys,
    target_hardening,
    victimisation,
    waiting_list,
    workforce,
)
from haven.reporting.measures.base import COMPUTATIONS, Figure, MeasureContext

__all__ = ["COMPUTATIONS", "Figure", "MeasureContext"]
