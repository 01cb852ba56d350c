"""``GovukForm`` and ``GovukModelForm``: Django forms that can build the GOV.UK error summary."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError


class GovukFormMixin:
    """Adds ``error_summary_items()`` for ``govukErrorSummary``: one link per field in error,
    in the order of the form, to the first input of that field (or its first wrong date box).
    """

    errors: Any
    fields: dict[str, forms.Field]
    __getitem__: Any  # BaseForm's: the bound field for a name
    add_error: Any

    def add_problems(self, problems: ValidationError) -> None:
        """A service's refusal (ValidationError by field) on the form: each message on its
        field, or above the form when the form has no such field."""
        if not hasattr(problems, "error_dict"):
            self.add_error(None, problems)
            return
        for name, errors in problems.error_dict.items():
            self.add_error(name if name in self.fields else None, errors)

    def saved_by(self, write: Callable[[], object]) -> bool:
        """Call the service; True when it wrote, else its refusal is on the form (add_problems)."""
        try:
            write()
        except ValidationError as refused:
            self.add_problems(refused)
            return False
        return True

    def error_summary_items(self) -> list[dict[str, str]]:
        if not self.errors:
            return []
        items = [{"text": str(error)} for error in self.errors.get(NON_FIELD_ERRORS, [])]
        for name in self.fields:
            if name not in self.errors:
                continue
            bound_field = self[name]
            href = getattr(bound_field, "error_summary_href", None)
            if href is None:
                href = f"#{bound_field.auto_id or bound_field.html_name}"
            items.append({"text": str(self.errors[name][0]), "href": href})
        return items


class GovukForm(GovukFormMixin, forms.Form):
    """A form whose fields render as GOV.UK components."""


class GovukModelForm(GovukFormMixin, forms.ModelForm):  # type: ignore[type-arg]
    """A model form whose fields render as GOV.UK components (declare the fields explicitly)."""
