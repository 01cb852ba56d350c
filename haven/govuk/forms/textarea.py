"""``GovukTextareaField``: a GOV.UK textarea, or a character count when it has a limit."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from haven.govuk.forms.base import GovukFieldMixin


class GovukTextareaField(GovukFieldMixin, forms.CharField):
    """Several lines of text. ``max_length`` or ``max_words`` adds the character count component.

    ``threshold`` (percent) hides the count until the text is that close to the limit.
    """

    widget = forms.Textarea
    govuk_template = "govuk/fields/textarea.html"

    def __init__(
        self,
        *args: Any,
        rows: int = 5,
        max_words: int | None = None,
        threshold: int | None = None,
        spellcheck: bool | None = None,
        **kwargs: Any,
    ) -> None:
        if max_words and kwargs.get("max_length"):
            raise ValueError("Give a textarea max_length or max_words, not both")
        self.rows = rows
        self.max_words = max_words
        self.threshold = threshold
        self.spellcheck = spellcheck
        super().__init__(*args, **kwargs)

    @property
    def has_character_count(self) -> bool:
        return bool(self.max_length or self.max_words)

    def govuk_error_messages(self) -> dict[str, str]:
        messages = super().govuk_error_messages()
        if self.error_label:
            subject = self.error_subject.replace("%", "%%")
            messages["max_length"] = f"{subject} must be %(limit_value)d characters or less"
            messages["max_words"] = f"{subject} must be %(limit_value)d words or less"
        return messages

    def validate(self, value: Any) -> None:
        super().validate(value)
        if self.max_words and value and len(value.split()) > self.max_words:
            message = self.error_messages.get("max_words", "Use %(limit_value)d words or less")
            raise ValidationError(message, code="max_words", params={"limit_value": self.max_words})
