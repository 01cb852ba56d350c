"""Every measure computation, registered by importing its module."""

from haven.reporting.measures import (  # noqa: F401
    accommodation_and_exits,
    cases,
    contact,
    deadlines,
    needs,
    outcomes,
    people_and_groups,
    referrals,
    risk,
    sessions,
)
from haven.reporting.measures.base import COMPUTATIONS, Figure, MeasureContext

__all__ = ["COMPUTATIONS", "Figure", "MeasureContext"]
