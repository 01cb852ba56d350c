"""The reporting app's models (each kind in its own module)."""

from haven.reporting.models_equality import EqualityBaseline

__all__ = ["EqualityBaseline"]
