"""``GovukSelectField``: a GOV.UK select (use radios instead when the list is short)."""

from __future__ import annotations

from django import forms

from haven.govuk.forms.choices import GovukChoiceFieldMixin


class GovukSelectMixin(GovukChoiceFieldMixin):
    govuk_template = "govuk/fields/select.html"


class GovukSelectField(GovukSelectMixin, forms.ChoiceField):
    """A select for a ``ChoiceField``; put ``("", "Choose…")`` first for an empty option."""


class GovukTypedSelectField(GovukSelectMixin, forms.TypedChoiceField):
    """A select for a ``TypedChoiceField``."""


class GovukModelSelectField(GovukSelectMixin, forms.ModelChoiceField):  # type: ignore[type-arg]
    """A select for a ``ModelChoiceField``; ``empty_label`` is the first option."""
