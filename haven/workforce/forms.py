"""The workforce forms: a staff or volunteer record, a supervision, a vetting clearance, a
training completion and a sickness absence, with GOV.UK errors on the fields."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms

from haven.govuk.forms import (
    GovukCheckboxesField,
    GovukDateField,
    GovukForm,
    GovukIntegerField,
    GovukRadiosField,
    GovukSelectField,
    GovukTextField,
)
from haven.people.forms.equality import EqualityForm
from haven.workforce.models import (
    ContractType,
    LeavingReason,
    SicknessReason,
    StaffKind,
    SupervisionKind,
    VettingLevel,
    VolunteerRole,
)
from haven.workforce.services import STAFF_EQUALITY_FIELDS


class FteField(GovukTextField):
    """Full-time equivalent: a number from 0 to 1 (the service checks the range)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 5)
        super().__init__(inputmode="decimal", classes="govuk-input--width-4", **kwargs)

    def clean(self, value: Any) -> Decimal:
        text = super().clean(value)
        try:
            return Decimal(text or "1").quantize(Decimal("0.01"))
        except InvalidOperation as bad:
            raise forms.ValidationError("Enter the FTE as a number, for example 0.6") from bad


class StaffMemberForm(GovukForm):
    full_name = GovukTextField(
        label="Full name", max_length=150, error_messages={"required": "Enter the name"}
    )
    kind = GovukRadiosField(
        label="Staff or volunteer?",
        choices=StaffKind.choices,
        error_messages={"required": "Select staff or volunteer"},
    )
    job_title = GovukTextField(label="Job title (staff)", required=False, max_length=150)
    contract_type = GovukSelectField(
        label="Contract type (staff)",
        required=False,
        choices=[("", "Choose…"), *ContractType.choices],
    )
    fte = FteField(
        label="FTE (staff)", required=False, hint="For example, 1 or 0.6 (blank: full time)"
    )
    volunteer_role = GovukSelectField(
        label="Role (volunteers)",
        required=False,
        choices=[("", "Choose…"), *VolunteerRole.choices],
    )
    started_on = GovukDateField(
        label="When did they start?",
        when="today_or_past",
        error_label="start date",
        hint="For example, 27 3 2026",
    )
    post = GovukSelectField(
        label="Post in the workforce plan (staff, optional)",
        required=False,
        choices=[],
        hint="The planned post they fill: it counts towards vacancy and plan against actual",
    )

    DETAILS = ("full_name", "kind", "job_title", "contract_type", "fte", "volunteer_role")

    def __init__(self, *args: Any, posts: Iterable[Any] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.posts = {str(p.pk): p for p in posts}
        self.fields["post"].choices = [  # type: ignore[attr-defined]
            ("", "None"),
            *((pk, f"{p.title} ({p.get_contract_type_display()})") for pk, p in self.posts.items()),
        ]

    @classmethod
    def initial_of(cls, member: Any) -> dict[str, Any]:
        """A record's details as the form shows them to be changed."""
        return {
            **{name: getattr(member, name) for name in cls.DETAILS},
            "started_on": member.started_on,
            "post": str(member.post_id or ""),
        }

    def details(self) -> dict[str, Any]:
        """The cleaned details as the services take them (staff_member_create and _update)."""
        data = self.cleaned_data
        return {
            **{name: data[name] for name in self.DETAILS},
            "started_on": data["started_on"],
            "post": self.posts.get(data["post"]),
        }


class SupervisionForm(GovukForm):
    held_on = GovukDateField(
        label="When was the supervision?",
        when="today_or_past",
        error_label="supervision date",
        hint="For example, 27 3 2026",
    )
    kind = GovukRadiosField(
        label="Kind of supervision",
        choices=SupervisionKind.choices,
        error_messages={"required": "Select the kind of supervision"},
    )


class VettingForm(GovukForm):
    level = GovukSelectField(
        label="Vetting level",
        choices=[("", "Choose…"), *VettingLevel.choices],
        error_messages={"required": "Select the vetting level"},
    )
    issued_on = GovukDateField(
        label="When was it issued?", when="today_or_past", error_label="date issued"
    )
    expires_on = GovukDateField(label="When does it expire?", error_label="expiry date")


class TrainingForm(GovukForm):
    course = GovukSelectField(
        label="Course", choices=[], error_messages={"required": "Select the course"}
    )
    completed_on = GovukDateField(
        label="When was it completed?", when="today_or_past", error_label="date completed"
    )

    def __init__(self, *args: Any, courses: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["course"].choices = [  # type: ignore[attr-defined]
            ("", "Choose…"),
            *((str(c.pk), c.name) for c in courses),
        ]


class SicknessForm(GovukForm):
    first_day = GovukDateField(
        label="First day off", when="today_or_past", error_label="first day off"
    )
    last_day = GovukDateField(
        label="Last day off (leave blank while still off)",
        required=False,
        error_label="last day off",
    )
    reason = GovukRadiosField(
        label="Reason",
        choices=SicknessReason.choices,
        error_messages={"required": "Select the reason"},
    )


class StaffEqualityForm(EqualityForm):
    """The people app's equality questions (one home for them), and the date of birth for age."""

    date_of_birth = GovukDateField(
        label="Date of birth (optional)",
        required=False,
        when="past",
        error_label="date of birth",
        birthday=True,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # a client's questions only (services.STAFF_EQUALITY_FIELDS)
        del self.fields["immigration_status"]
        del self.fields["disability_types"]

    def answers(self) -> dict[str, str]:
        return {name: self.cleaned_data.get(name) or "" for name in STAFF_EQUALITY_FIELDS}


class PostFteField(GovukTextField):
    """The planned FTE of a post of the plan: a number above 0 (the service checks the range)."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 6)
        kwargs.setdefault("error_messages", {"required": "Enter the planned FTE"})
        super().__init__(inputmode="decimal", classes="govuk-input--width-4", **kwargs)

    def clean(self, value: Any) -> Decimal:
        text = super().clean(value)
        try:
            number = Decimal(text).quantize(Decimal("0.01"))
        except InvalidOperation as bad:
            raise forms.ValidationError("Enter the planned FTE as a number, like 2.5") from bad
        if not number.is_finite():
            raise forms.ValidationError("Enter the planned FTE as a number, like 2.5")
        return number


class PostForm(GovukForm):
    """A post of the workforce plan (seed 004 s10)."""

    title = GovukTextField(
        label="Post title", max_length=150, error_messages={"required": "Enter the post's title"}
    )
    contract_type = GovukSelectField(
        label="Contract type",
        choices=[("", "Choose…"), *ContractType.choices],
        error_messages={"required": "Select the contract type"},
    )
    fte = PostFteField(label="Planned FTE", hint="For example, 1 or 2.5 for several posts")
    valid_from = GovukDateField(
        label="In the plan from", error_label="start of the post", hint="For example, 1 4 2026"
    )
    valid_to = GovukDateField(
        label="In the plan until (optional)",
        required=False,
        error_label="end of the post",
        hint="Leave blank while the post is planned",
    )


class PostCloseForm(GovukForm):
    closed_on = GovukDateField(
        label="Last day of the post",
        error_label="last day of the post",
        hint="From the next day the post is no longer planned and no longer vacant",
    )


class LeavingForm(GovukForm):
    """seed 004 s10: turnover counts the staff who left; the reason tells why."""

    left_on = GovukDateField(
        label="Last day in post",
        error_label="last day in post",
        hint="A day ahead is fine when notice has been given",
    )
    reason = GovukRadiosField(
        label="Why did they leave?",
        choices=LeavingReason.choices,
        error_messages={"required": "Select the reason"},
    )


class LoginLinkForm(GovukForm):
    user = GovukSelectField(
        label="Their Haven login",
        choices=[],
        hint="Active users of this organisation not linked to another staff record",
        error_messages={"required": "Select the login"},
    )

    def __init__(self, *args: Any, users: Iterable[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user"].choices = [  # type: ignore[attr-defined]
            ("", "Choose…"),
            *((str(u.pk), f"{u.full_name} ({u.email})") for u in users),
        ]


MANDATORY_FOR = [("staff", "Staff"), ("volunteers", "Volunteers")]


class CourseForm(GovukForm):
    name = GovukTextField(
        label="Course name", max_length=150, error_messages={"required": "Enter the course's name"}
    )
    mandatory_for = GovukCheckboxesField(
        label="Mandatory for",
        required=False,
        choices=MANDATORY_FOR,
        hint="Leave both unticked for a course that is not mandatory",
    )
    renewal_months = GovukIntegerField(
        label="Renew every (months, optional)",
        required=False,
        min_value=1,
        max_value=120,
        error_label="renewal period",
        hint="Blank when a completion never expires",
    )


class SessionForm(GovukForm):
    """A training session held (seed 001 Lot 3 s8) and who attended."""

    course = GovukSelectField(
        label="Course", choices=[], error_messages={"required": "Select the course"}
    )
    held_on = GovukDateField(
        label="When was the session?", when="today_or_past", error_label="session date"
    )
    attendees = GovukCheckboxesField(
        label="Who attended?",
        choices=[],
        error_messages={"required": "Select who attended"},
        small=True,
    )

    def __init__(
        self, *args: Any, courses: Iterable[Any], staff: Iterable[Any], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["course"].choices = [  # type: ignore[attr-defined]
            ("", "Choose…"),
            *((str(c.pk), c.name) for c in courses),
        ]
        self.fields["attendees"].choices = [  # type: ignore[attr-defined]
            (str(s.pk), s.full_name) for s in staff
        ]
