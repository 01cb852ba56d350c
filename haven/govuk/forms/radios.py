"""``GovukRadiosField`` and friends: one answer from a short list (GOV.UK radios)."""

from __future__ import annotations

from typing import Any

from django import forms

from haven.govuk.forms.choices import GovukChoiceFieldMixin


class GovukRadiosMixin(GovukChoiceFieldMixin):
    """``inline=True`` for two short answers side by side; ``small=True`` for the small variant."""

    govuk_template = "govuk/fields/radios.html"

    def __init__(self, *args: Any, inline: bool = False, small: bool = False, **kwargs: Any):
        super().__init__(*args, **kwargs)
        variants = [
            "govuk-radios--inline" if inline else "",
            "govuk-radios--small" if small else "",
            self.classes or "",
        ]
        self.classes = " ".join(v for v in variants if v) or None


class GovukRadiosField(GovukRadiosMixin, forms.ChoiceField):
    """Radios for a ``ChoiceField``. Nothing chosen: "Select <label>"."""


class GovukTypedRadiosField(GovukRadiosMixin, forms.TypedChoiceField):
    """Radios for a ``TypedChoiceField`` (``coerce=int``, yes/no to ``bool``…)."""


class GovukModelRadiosField(GovukRadiosMixin, forms.ModelChoiceField):  # type: ignore[type-arg]
    """Radios for a ``ModelChoiceField`` (a short queryset)."""

    def __init__(self, queryset: Any, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("empty_label", None)
        super().__init__(queryset, *args, **kwargs)
