"""GOV.UK text inputs: ``GovukTextField``, ``GovukEmailField``, ``GovukIntegerField``."""

from __future__ import annotations

from typing import Any

from django import forms

from haven.govuk.forms.base import GovukFieldMixin


class GovukInputMixin(GovukFieldMixin):
    """A GOV.UK text input. ``input_type``, ``autocomplete``, ``spellcheck``, ``inputmode``."""

    govuk_template = "govuk/fields/input.html"
    input_type = "text"
    default_autocomplete: str | None = None
    default_spellcheck: bool | None = None
    default_inputmode: str | None = None

    def __init__(
        self,
        *args: Any,
        autocomplete: str | None = None,
        spellcheck: bool | None = None,
        inputmode: str | None = None,
        prefix: str | None = None,
        suffix: str | None = None,
        **kwargs: Any,
    ) -> None:
        self.autocomplete = autocomplete or self.default_autocomplete
        self.spellcheck = self.default_spellcheck if spellcheck is None else spellcheck
        self.inputmode = inputmode or self.default_inputmode
        self.prefix = prefix
        self.suffix = suffix
        super().__init__(*args, **kwargs)


class GovukTextField(GovukInputMixin, forms.CharField):
    """A single line of text. Too long: "<Label> must be 100 characters or less"."""

    def govuk_error_messages(self) -> dict[str, str]:
        messages = super().govuk_error_messages()
        if self.error_label:
            subject = self.error_subject.replace("%", "%%")
            messages["max_length"] = f"{subject} must be %(limit_value)d characters or less"
            messages["min_length"] = f"{subject} must be %(limit_value)d characters or more"
        return messages


class GovukEmailField(GovukInputMixin, forms.EmailField):
    """An email address: ``type="email"``, no spellcheck, ``autocomplete="email"``."""

    input_type = "email"
    default_autocomplete = "email"
    default_spellcheck = False

    def govuk_error_messages(self) -> dict[str, str]:
        messages = super().govuk_error_messages()
        messages["invalid"] = "Enter an email address in the correct format, like name@example.com"
        return messages


class GovukIntegerField(GovukInputMixin, forms.IntegerField):
    """A whole number: a text input with ``inputmode="numeric"`` (not type=number, per GOV.UK)."""

    default_inputmode = "numeric"
    default_spellcheck = False

    def govuk_error_messages(self) -> dict[str, str]:
        messages = super().govuk_error_messages()
        if self.error_label:
            subject = self.error_subject.replace("%", "%%")
            messages["invalid"] = f"{subject} must be a whole number"
            messages["min_value"] = f"{subject} must be %(limit_value)s or more"
            messages["max_value"] = f"{subject} must be %(limit_value)s or less"
        return messages
