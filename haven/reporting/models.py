"""The reporting app's models (each kind in its own module)."""

from haven.reporting.models_equality import EqualityBaseline
from haven.reporting.models_signoff import ReturnDueDate, ReturnSnapshot, ReturnStatus

__all__ = ["EqualityBaseline", "ReturnDueDate", "ReturnSnapshot", "ReturnStatus"]
