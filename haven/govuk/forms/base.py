"""What every design-system field shares: label, hint, widths, GOV.UK error wording.

A field's ``template_name`` (``govuk/fields/<kind>.html``) calls the GOV.UK Frontend macro with the
label, hint and error message built here, so hints, errors and ``aria-describedby`` come from one
place: the macro.
"""

from __future__ import annotations

from typing import Any

from django import forms


def lower_first(text: str) -> str:
    """``"Date of birth"`` → ``"date of birth"``; leaves acronyms (``"NHS number"``) alone."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


class GovukBoundField(forms.BoundField):
    """A bound field that knows the GOV.UK macro options for its label, hint and error."""

    @property
    def input_id(self) -> str:
        """The id of the (first) input; the error summary links here."""
        return self.auto_id or self.html_name

    @property
    def error_summary_href(self) -> str:
        return f"#{self.input_id}"

    @property
    def error_message(self) -> dict[str, str] | None:
        """The first error, for the macro's ``errorMessage`` option (GOV.UK shows one per field)."""
        errors = self.errors
        if not errors:
            return None
        return {"text": str(errors[0])}

    @property
    def label_params(self) -> dict[str, Any]:
        field: GovukFieldMixin = self.field  # type: ignore[assignment]
        classes = field.label_classes
        if field.is_page_heading and not classes:
            classes = "govuk-label--l"
        return {"text": str(self.label), "classes": classes, "isPageHeading": field.is_page_heading}

    @property
    def legend_params(self) -> dict[str, Any]:
        """Options for a fieldset legend: radios, checkboxes and dates are groups of inputs."""
        field: GovukFieldMixin = self.field  # type: ignore[assignment]
        classes = field.label_classes
        if classes:
            classes = classes.replace("govuk-label--", "govuk-fieldset__legend--")
        elif field.is_page_heading:
            classes = "govuk-fieldset__legend--l"
        return {"text": str(self.label), "classes": classes, "isPageHeading": field.is_page_heading}

    @property
    def hint_params(self) -> dict[str, str] | None:
        hint = self.field.hint or self.help_text  # type: ignore[attr-defined]
        return {"text": str(hint)} if hint else None

    @property
    def value_text(self) -> str:
        """The value as the user typed it (or as prepared from ``initial``), never ``None``."""
        value = self.value()
        return "" if value is None else str(value)


class GovukFieldMixin:
    """Options every design-system field takes, and GOV.UK wording for the common errors.

    ``label``      the question or label text (also the fieldset legend for groups).
    ``hint``       hint text under the label.
    ``label_classes`` e.g. ``"govuk-label--m"``; ``is_page_heading`` wraps the label in a ``<h1>``.
    ``classes``    classes for the input itself, e.g. widths: ``"govuk-input--width-10"``.
    ``error_label`` the noun phrase used in error messages (``"date of birth"``); by default the
                   label with its first letter lowered. Set it when the label is a question.
    """

    govuk_template: str = ""
    bound_field_class: type[forms.BoundField] | None = GovukBoundField
    required_verb = "Enter"

    label: Any
    error_messages: dict[str, Any]

    def __init__(
        self,
        *args: Any,
        hint: str | None = None,
        label_classes: str | None = None,
        is_page_heading: bool = False,
        classes: str | None = None,
        error_label: str | None = None,
        **kwargs: Any,
    ) -> None:
        self.hint = hint
        self.label_classes = label_classes
        self.is_page_heading = is_page_heading
        self.classes = classes
        explicit_messages = set(kwargs.get("error_messages") or {})
        kwargs["template_name"] = kwargs.get("template_name") or self.govuk_template
        super().__init__(*args, **kwargs)
        label = str(self.label) if self.label else ""
        self.error_label = error_label or (lower_first(label) if label and label[-1] != "?" else "")
        for code, message in self.govuk_error_messages().items():
            if code not in explicit_messages:
                self.error_messages[code] = message

    @property
    def error_subject(self) -> str:
        """The error label at the start of a sentence: ``"Date of birth must be a real date"``."""
        return upper_first(self.error_label)

    def govuk_error_messages(self) -> dict[str, str]:
        """GOV.UK wording for Django's error codes; only when there is a label to build it from."""
        if not self.error_label:
            return {}
        return {"required": f"{self.required_verb} {self.error_label}"}
