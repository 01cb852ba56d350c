"""``GovukDateField`` (day, month, year) and ``GovukDateTimeField`` (plus hour and minute).

Rendered with the GOV.UK date input; boxes are named ``<name>-day``, ``<name>-month``… as in the
GOV.UK examples. Errors follow the GOV.UK wording and highlight only the wrong boxes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, Literal, cast

from django import forms
from django.utils import timezone

from haven.govuk.forms.base import GovukBoundField, GovukFieldMixin
from haven.govuk.forms.date_parts import (
    DATE_PARTS,
    TIME_PARTS,
    build_date,
    build_time,
    format_date,
    parse_parts,
    part_error,
)
from haven.validators import CLOCK_SKEW, EARLIEST_DATE, LATEST_DATE

When = Literal["past", "today_or_past", "future", "today_or_future"]

PART_WIDTHS = {"day": 2, "month": 2, "year": 4, "hour": 2, "minute": 2}


class GovukPartsWidget(forms.MultiWidget):
    """One text box per part, named ``<name>-<part>``."""

    parts: Sequence[str] = DATE_PARTS

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__([forms.TextInput() for _ in self.parts], attrs)
        self.widgets_names = [f"-{part}" for part in self.parts]  # Django would give "_0", "_1"…

    def decompress(self, value: Any) -> list[Any]:
        if isinstance(value, dt.datetime):
            value = timezone.localtime(value) if timezone.is_aware(value) else value
            return [value.day, value.month, value.year, value.hour, f"{value.minute:02d}"]
        if isinstance(value, dt.date):
            return [value.day, value.month, value.year]
        return [None] * len(self.parts)


class GovukDateWidget(GovukPartsWidget):
    parts = DATE_PARTS


class GovukDateTimeWidget(GovukPartsWidget):
    parts = DATE_PARTS + TIME_PARTS


class GovukDateBoundField(GovukBoundField):
    """Knows each box's value and whether the current error is about it."""

    field: GovukPartsField

    def part_values(self) -> dict[str, str]:
        value = self.value()
        if not isinstance(value, list | tuple):
            value = self.field.parts_widget.decompress(value)
        return {
            part: "" if item is None else str(item)
            for part, item in zip(self.field.parts, value, strict=False)
        }

    def error_parts(self) -> tuple[str, ...]:
        """The boxes the first error is about: all of them unless the error names some."""
        if not self.errors:
            return ()
        error = self.errors.as_data()[0]
        parts = (error.params or {}).get("parts")
        return tuple(parts) if parts else tuple(self.field.parts)

    def part_id(self, part: str) -> str:
        return f"{self.input_id}-{part}"

    @property
    def error_summary_href(self) -> str:
        parts = self.error_parts() or self.field.parts
        return f"#{self.part_id(parts[0])}"

    def part_items(self) -> list[dict[str, Any]]:
        """``items`` for ``govukDateInput``: label, id, value and width (red when wrong)."""
        values = self.part_values()
        wrong = self.error_parts()
        items = []
        for part in self.field.parts:
            classes = [f"govuk-input--width-{PART_WIDTHS[part]}"]
            if part == "hour":
                classes.append("haven-date-input__time-start")
            if part in wrong:
                classes.append("govuk-input--error")
            item: dict[str, Any] = {
                "name": part,
                "label": part.capitalize(),
                "id": self.part_id(part),
                "value": values.get(part, ""),
                "classes": " ".join(classes),
            }
            if self.field.birthday and part in DATE_PARTS:
                item["autocomplete"] = f"bday-{part}"
            items.append(item)
        return items


class GovukPartsField(GovukFieldMixin, forms.MultiValueField):
    """Shared by the date and date-time fields: parts in, GOV.UK errors out."""

    govuk_template = "govuk/fields/date.html"
    bound_field_class: type[forms.BoundField] | None = GovukDateBoundField
    widget: type[GovukPartsWidget] = GovukDateWidget
    parts: Sequence[str] = DATE_PARTS

    def __init__(
        self,
        *args: Any,
        when: When | None = None,
        earliest: dt.date | None = None,
        latest: dt.date | None = None,
        birthday: bool = False,
        **kwargs: Any,
    ) -> None:
        self.when = when
        self.earliest = earliest
        self.latest = latest
        self.birthday = birthday
        fields = tuple(forms.CharField(required=False) for _ in self.parts)
        kwargs.setdefault("widget", self.widget)
        super().__init__(fields, *args, require_all_fields=False, **kwargs)

    @property
    def error_subject(self) -> str:
        return super().error_subject or "Date"

    @property
    def parts_widget(self) -> GovukPartsWidget:
        return cast(GovukPartsWidget, self.widget)

    def raw_values(self, value: Any) -> dict[str, str]:
        if not isinstance(value, list | tuple):
            value = self.parts_widget.decompress(value) if value else []
        return {
            part: "" if item is None else str(item)
            for part, item in zip(self.parts, value, strict=False)
        }

    def compress(self, data_list: Any) -> Any:  # clean() does the work; needed by the base class
        return data_list

    def check_when(self, day: dt.date, today: dt.date) -> None:
        """The ``when`` rule, by date."""
        rules = {
            "past": (day < today, "must be in the past"),
            "today_or_past": (day <= today, "must be today or in the past"),
            "future": (day > today, "must be in the future"),
            "today_or_future": (day >= today, "must be today or in the future"),
        }
        if self.when is not None:
            ok, wording = rules[self.when]
            if not ok:
                raise part_error(f"{self.error_subject} {wording}", self.when, self.parts)

    def check_range(self, day: dt.date) -> None:
        """The ``earliest`` and ``latest`` dates, inclusive, within Haven's plausible dates.

        Every date box is bounded (``haven.validators``: 1 January 1900 to 2099), so a slip
        like 1000 or 9999 is an error here, not an overflow later.
        """
        earliest = max(self.earliest or EARLIEST_DATE, EARLIEST_DATE)
        latest = min(self.latest or LATEST_DATE, LATEST_DATE)
        if day < earliest:
            raise part_error(
                f"{self.error_subject} must be the same as or after {format_date(earliest)}",
                "earliest",
                self.parts,
            )
        if day > latest:
            raise part_error(
                f"{self.error_subject} must be the same as or before {format_date(latest)}",
                "latest",
                self.parts,
            )


class GovukDateField(GovukPartsField):
    """A date as day, month and year boxes.

    ``when="past"`` (or ``"today_or_past"``, ``"future"``, ``"today_or_future"``) and
    ``earliest``/``latest`` dates add the GOV.UK range errors; ``birthday=True`` adds
    ``autocomplete="bday-day"``… for a date of birth.
    """

    def clean(self, value: Any) -> dt.date | None:
        subject = self.error_subject
        numbers = parse_parts(
            self.raw_values(value),
            self.parts,
            subject=subject,
            error_label=self.error_label or "a date",
            required=self.required,
        )
        if numbers is None:
            return None
        day = build_date(numbers, subject=subject)
        self.check_when(day, timezone.localdate())
        self.check_range(day)
        self.run_validators(day)
        return day


class GovukDateTimeField(GovukPartsField):
    """A date and a 24-hour time as day, month, year, hour and minute boxes (local time, aware).

    ``when`` compares with now for "past"/"future" and with today's date for the others.
    """

    widget = GovukDateTimeWidget
    parts = DATE_PARTS + TIME_PARTS

    def clean(self, value: Any) -> dt.datetime | None:
        subject = self.error_subject
        numbers = parse_parts(
            self.raw_values(value),
            self.parts,
            subject=subject,
            error_label=self.error_label or "a date and time",
            required=self.required,
        )
        if numbers is None:
            return None
        day = build_date(numbers, subject=subject)
        self.check_range(day)
        moment = timezone.make_aware(dt.datetime.combine(day, build_time(numbers, subject=subject)))
        self.check_moment(moment)
        self.run_validators(moment)
        return moment

    def check_moment(self, moment: dt.datetime) -> None:
        """``past`` is before now; ``today_or_past`` allows a few minutes of clock skew, no more."""
        self.check_range(timezone.localdate(moment))
        now = timezone.now()
        if self.when == "past" and moment >= now:
            raise part_error(f"{self.error_subject} must be in the past", "past", self.parts)
        if self.when == "today_or_past" and moment > now + CLOCK_SKEW:
            raise part_error(f"{self.error_subject} must be in the past", "past", self.parts)
        if self.when == "future" and moment <= now:
            raise part_error(f"{self.error_subject} must be in the future", "future", self.parts)
        if self.when == "today_or_future":
            self.check_when(timezone.localdate(moment), timezone.localdate(now))
