"""Shared by radios, checkboxes and select: GOV.UK ``items`` built from a field's choices."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from django.forms import BoundField

from haven.govuk.forms.base import GovukBoundField, GovukFieldMixin


def flat_choices(choices: Iterable[Any]) -> Iterator[tuple[str, str]]:
    """(value, text) pairs as strings; option groups are flattened (GOV.UK has none)."""
    for value, text in choices:
        if isinstance(text, list | tuple):
            yield from flat_choices(text)
        else:
            yield ("" if value is None else str(value)), str(text)


class GovukChoiceBoundField(GovukBoundField):
    """A bound field that can say which choices are chosen and build the macro's ``items``."""

    def chosen_values(self) -> set[str]:
        value = self.value()
        if value is None:
            return set()
        if isinstance(value, list | tuple | set):
            return {str(item) for item in value}
        return {str(value)}

    def choice_items(self, state_key: str) -> list[dict[str, Any]]:
        """The macro's ``items``; ``state_key`` is ``"checked"`` or ``"selected"`` (select)."""
        field: GovukChoiceFieldMixin = self.field  # type: ignore[assignment]
        chosen = self.chosen_values()
        hints = {str(key): str(hint) for key, hint in field.choice_hints.items()}
        items: list[dict[str, Any]] = []
        for value, text in flat_choices(self.field.choices):  # type: ignore[attr-defined]
            if field.divider_before is not None and value == str(field.divider_before):
                items.append({"divider": field.divider_text})
            item: dict[str, Any] = {"value": value, "text": text, state_key: value in chosen}
            if value in hints:
                item["hint"] = {"text": hints[value]}
            if field.exclusive is not None and value == str(field.exclusive):
                item["behaviour"] = "exclusive"
            items.append(item)
        return items


class GovukChoiceFieldMixin(GovukFieldMixin):
    """Options for fields with choices.

    ``choice_hints``  ``{value: "hint text"}`` shown under that choice (radios and checkboxes).
    ``divider_before`` the value to put an "or" divider before (``divider_text`` to change "or").
    """

    bound_field_class: type[BoundField] | None = GovukChoiceBoundField
    required_verb = "Select"
    exclusive: Any = None

    def __init__(
        self,
        *args: Any,
        choice_hints: Mapping[Any, str] | None = None,
        divider_before: Any = None,
        divider_text: str = "or",
        **kwargs: Any,
    ) -> None:
        self.choice_hints = dict(choice_hints or {})
        self.divider_before = divider_before
        self.divider_text = divider_text
        super().__init__(*args, **kwargs)

    def govuk_error_messages(self) -> dict[str, str]:
        messages = super().govuk_error_messages()
        if "required" in messages:
            # A choice that is not on the list only comes from a tampered request.
            messages["invalid_choice"] = messages["required"].replace("%", "%%")
        return messages
