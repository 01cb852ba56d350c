"""Every measure computation, registered by importing its module."""

from haven.reporting.measures import cases, contact, deadlines, referrals, risk  # noqa: F401
from haven.reporting.measures.base import COMPUTATIONS, Figure, MeasureContext

__all__ = ["COMPUTATIONS", "Figure", "MeasureContext"]
