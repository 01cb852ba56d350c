"""Field helpers shared by the people forms."""

from __future__ import annotations

from typing import Any

from haven.govuk.forms import GovukTypedRadiosField


def yes_no_field(label: str, **kwargs: Any) -> GovukTypedRadiosField:
    """Yes/No radios that clean to ``True``/``False`` and show a stored boolean as chosen."""
    return GovukTypedRadiosField(
        label=label,
        choices=[("True", "Yes"), ("False", "No")],
        coerce=lambda value: value == "True",
        empty_value=False,
        inline=True,
        **kwargs,
    )
