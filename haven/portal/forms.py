"""The public forms: the steps of a self-referral, a quick question and collecting an answer,
and the staff answer. Every field has a size limit; the honeypot field `website` is hidden from
people (and from screen readers) and must stay empty."""

from __future__ import annotations

from typing import Any

from django import forms

from haven.govuk.forms import (
    GovukCheckboxesField,
    GovukEmailField,
    GovukForm,
    GovukRadiosField,
    GovukTextareaField,
    GovukTextField,
)
from haven.people.postcodes import normalise_postcode
from haven.portal.services import QUESTION_MAX_LENGTH
from haven.validators import text_problem

WHAT_HAPPENED_MAX = 5_000
DO_NOT_SAY_MAX = 1_000
HONEYPOT = "website"
HONEYPOT_MAX = 200

YES_NO = [("yes", "Yes"), ("no", "No")]


def required(message: str) -> dict[str, str]:
    """The same words for no answer and for an answer that is not on the list."""
    return {"required": message, "invalid_choice": message}


CONTACT_BY = [
    ("phone", "Phone call"),
    ("voicemail", "Voicemail message"),
    ("sms", "Text message"),
    ("email", "Email"),
    ("letter", "Letter"),
]
# Safe times as the safe-contact record keeps them (days 0 = Monday; reference §5.1)
SAFE_TIMES = {
    "weekday_morning": (
        {"days": [0, 1, 2, 3, 4], "start": "09:00", "end": "12:00"},
        "Weekday mornings (9am to 12pm)",
    ),
    "weekday_afternoon": (
        {"days": [0, 1, 2, 3, 4], "start": "12:00", "end": "17:00"},
        "Weekday afternoons (12pm to 5pm)",
    ),
    "weekday_evening": (
        {"days": [0, 1, 2, 3, 4], "start": "17:00", "end": "20:00"},
        "Weekday evenings (5pm to 8pm)",
    ),
    "saturday": ({"days": [5], "start": "09:00", "end": "18:00"}, "Saturdays (9am to 6pm)"),
}
HARMER_AT_ADDRESS = [
    ("yes", "Yes"),
    ("no", "No"),
    ("unknown", "I would rather not say"),
]


class HoneypotMixin(forms.Form):
    """A field people never see: anything typed in it comes from a robot."""

    website = forms.CharField(
        required=False,
        max_length=HONEYPOT_MAX,
        error_messages={"max_length": "Leave the hidden field empty"},
    )

    def is_robot(self) -> bool:
        return bool((self.data.get(HONEYPOT) or "").strip())


class SafetyForm(HoneypotMixin, GovukForm):
    """Safety first (reference §5.1; seed 002 s3.6): may we contact you, how, when, what not to say."""

    safe_to_contact = GovukRadiosField(
        label="Is it safe for us to contact you?",
        choices=YES_NO,
        error_messages=required("Select yes if it is safe for us to contact you"),
        choice_hints={
            "no": "We will not contact you. You can book a web chat or contact us instead."
        },
    )
    contact_by = GovukCheckboxesField(
        label="How can we contact you safely?",
        hint="Select all that are safe. We will only use these.",
        choices=CONTACT_BY,
        required=False,
        error_messages={"invalid_choice": "Select how we can contact you safely from the list"},
    )
    safe_times = GovukCheckboxesField(
        label="When is it safe to contact you?",
        hint="Leave these empty if any time in our opening hours is safe.",
        choices=[(key, label) for key, (_, label) in SAFE_TIMES.items()],
        required=False,
        error_messages={"invalid_choice": "Select when it is safe to contact you from the list"},
    )
    harmer_at_address = GovukRadiosField(
        label="Does the person who is hurting you live with you?",
        choices=HARMER_AT_ADDRESS,
        error_messages=required("Select whether the person who is hurting you lives with you"),
    )
    code_word = GovukTextField(
        label="Code word (optional)",
        hint="A word we will say so you know it is us. Do not use your password.",
        required=False,
        max_length=100,
        error_label="code word",
        autocomplete="off",
    )
    do_not_say = GovukTextareaField(
        label="Is there anything we must not say or do when we contact you? (optional)",
        hint="For example, do not say who we are if someone else answers.",
        required=False,
        max_length=DO_NOT_SAY_MAX,
        error_label="what we must not say or do",
        rows=3,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("safe_to_contact") == "yes" and not data.get("contact_by"):
            self.add_error("contact_by", "Select how we can contact you safely")
        return data


class AboutYouForm(HoneypotMixin, GovukForm):
    given_name = GovukTextField(
        label="First name",
        hint="Or a name you would like us to use",
        max_length=100,
        autocomplete="given-name",
        spellcheck=False,
    )
    family_name = GovukTextField(
        label="Last name (optional)",
        required=False,
        max_length=100,
        error_label="last name",
        autocomplete="family-name",
        spellcheck=False,
    )
    phone = GovukTextField(
        label="Phone number (optional)",
        hint="Only if it is safe for us to use it",
        required=False,
        max_length=30,
        error_label="phone number",
        autocomplete="tel",
    )
    email = GovukEmailField(
        label="Email address (optional)",
        hint="Only if it is safe for us to use it",
        required=False,
        max_length=254,
        error_label="email address",
    )
    postcode = GovukTextField(
        label="Postcode (optional)",
        hint="This helps us check the service covers where you live",
        required=False,
        max_length=10,
        error_label="postcode",
        autocomplete="postal-code",
        classes="govuk-input--width-10",
    )
    what_happened = GovukTextareaField(
        label="Tell us what has happened, in your own words",
        hint="Tell us as much or as little as you want. You do not need any proof.",
        max_length=WHAT_HAPPENED_MAX,
        error_label="what has happened",
        rows=8,
    )

    def __init__(self, *args: Any, ways: tuple[str, ...] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.ways = ways

    def clean_phone(self) -> str:
        phone = (self.cleaned_data.get("phone") or "").strip()
        if phone and not all(ch.isdigit() or ch in " +()-" for ch in phone):
            raise forms.ValidationError("Enter a phone number, like 07700 900 982")
        if phone and sum(ch.isdigit() for ch in phone) < 10:
            raise forms.ValidationError("Enter a phone number, like 07700 900 982")
        return phone

    def clean_postcode(self) -> str:
        postcode = (self.cleaned_data.get("postcode") or "").strip()
        if postcode and not normalise_postcode(postcode):
            raise forms.ValidationError("Enter a real postcode, like LE1 1AA")
        return postcode

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        ways = set(self.ways)
        if (
            ways & {"phone", "sms", "voicemail"}
            and not data.get("phone")
            and "phone" not in self.errors
        ):
            self.add_error("phone", "Enter a phone number, as you said we can phone or text you")
        if "email" in ways and not data.get("email") and "email" not in self.errors:
            self.add_error("email", "Enter an email address, as you said we can email you")
        return data


class ChatForm(HoneypotMixin, GovukForm):
    """seed 002 s3.6: a secure web chat "at a specific date/time within 5 working days"."""

    slot = GovukRadiosField(
        label="Choose a time for your web chat",
        choices=[],
        error_messages=required(
            "Select a time for your web chat, or select that you do not want one"
        ),
    )
    consent_to_transcript = GovukRadiosField(
        label="Can we keep a copy of the chat on your record?",
        hint="It helps us remember what you told us. You can still chat if you say no.",
        choices=YES_NO,
        required=False,
        error_messages=required("Select yes if we can keep a copy of the chat on your record"),
    )

    def __init__(self, *args: Any, slots: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["slot"].choices = [*slots, ("none", "I do not want a web chat")]  # type: ignore[attr-defined]
        self.fields["slot"].divider_before = "none"  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("slot") not in (None, "none") and not data.get("consent_to_transcript"):
            self.add_error(
                "consent_to_transcript",
                "Select yes if we can keep a copy of the chat on your record",
            )
        return data


class QuestionForm(HoneypotMixin, GovukForm):
    question = GovukTextareaField(label="Your question", rows=5)

    def __init__(self, *args: Any, word_limit: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["question"]
        field.max_words = word_limit  # type: ignore[attr-defined]
        field.hint = f"Do not include your name or anything that could identify you. Up to {word_limit} words."  # type: ignore[attr-defined]

    def clean_question(self) -> str:
        question = self.cleaned_data.get("question") or ""
        problem = text_problem(question, subject="Your question", limit=QUESTION_MAX_LENGTH)
        if problem:
            raise forms.ValidationError(problem)
        return question


class CollectForm(HoneypotMixin, GovukForm):
    code = GovukTextField(
        label="Your code",
        hint="The code you were given when you asked your question, like 7KQ2M-XW9PD",
        max_length=20,
        autocomplete="off",
        spellcheck=False,
        classes="govuk-input--width-20",
        error_label="your code",
    )


class AnswerForm(GovukForm):
    answer = GovukTextareaField(
        label="Your answer", max_length=5_000, rows=8, error_label="an answer"
    )
