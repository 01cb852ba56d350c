"""``GovukCheckboxesField``: any number of answers, with an optional exclusive "none" answer."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from haven.govuk.forms.choices import GovukChoiceFieldMixin

OPEN_QUOTE, CLOSE_QUOTE = "\N{LEFT SINGLE QUOTATION MARK}", "\N{RIGHT SINGLE QUOTATION MARK}"


class GovukCheckboxesMixin(GovukChoiceFieldMixin):
    """``exclusive`` is the value of a "None of these" answer: an "or" divider goes before it,
    GOV.UK Frontend unticks the others when it is ticked, and the server refuses both together.
    """

    govuk_template = "govuk/fields/checkboxes.html"

    def __init__(self, *args: Any, exclusive: Any = None, small: bool = False, **kwargs: Any):
        self.exclusive = exclusive
        if exclusive is not None:
            kwargs.setdefault("divider_before", exclusive)
        super().__init__(*args, **kwargs)
        if small:
            self.classes = " ".join(c for c in ("govuk-checkboxes--small", self.classes) if c)

    def exclusive_text(self) -> str:
        for value, text in self.choices:  # type: ignore[attr-defined]
            if str(value) == str(self.exclusive):
                return str(text)
        return ""

    def govuk_error_messages(self) -> dict[str, str]:
        messages = super().govuk_error_messages()
        if self.exclusive is not None:
            none_text = f"{OPEN_QUOTE}{self.exclusive_text()}{CLOSE_QUOTE}"
            if "required" in messages:
                # GOV.UK: "Select countries you have visited, or select 'None of these'"
                messages["required"] = f"{messages['required']}, or select {none_text}"
            messages["exclusive"] = messages.get("required", f"Select {none_text} on its own")
        return messages

    def validate(self, value: Any) -> None:
        super().validate(value)  # type: ignore[misc]
        if self.exclusive is not None and str(self.exclusive) in value and len(value) > 1:
            raise ValidationError(self.error_messages["exclusive"], code="exclusive")


class GovukCheckboxesField(GovukCheckboxesMixin, forms.MultipleChoiceField):
    """Checkboxes for a ``MultipleChoiceField``. Nothing ticked: "Select <label>"."""
