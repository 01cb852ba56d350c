"""The API's request and response shapes (pydantic, through django-ninja).

Text is refused with NUL characters or lone surrogates (neither can be stored), times must
carry a time zone, and unknown fields are errors, so nothing odd reaches the services."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal
from uuid import UUID

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    model_validator,
)

from haven.people.postcodes import is_postcode
from haven.validators import NOTE_MAX_LENGTH

HH_MM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def _plain_text(value: str) -> str:
    if "\x00" in value:
        raise ValueError("must not contain null characters")
    if any("\ud800" <= char <= "\udfff" for char in value):
        raise ValueError("must not contain invalid characters")
    return value


def _postcode(value: str) -> str:
    if value and not is_postcode(value):
        raise ValueError("must be a real postcode, like LE5 1FY")
    return value


def _plausible_moment(value: dt.datetime) -> dt.datetime:
    if not 1900 <= value.year <= 2100:
        raise ValueError("must be between 1900 and 2100")
    return value


def _plausible_date(value: dt.date) -> dt.date:
    if not 1900 <= value.year <= 2100:
        raise ValueError("must be between 1900 and 2100")
    return value


Text30 = Annotated[str, Field(max_length=30), AfterValidator(_plain_text)]
Text100 = Annotated[str, Field(max_length=100), AfterValidator(_plain_text)]
Text200 = Annotated[str, Field(max_length=200), AfterValidator(_plain_text)]
Text254 = Annotated[str, Field(max_length=254), AfterValidator(_plain_text)]
Text500 = Annotated[str, Field(max_length=500), AfterValidator(_plain_text)]
Text2000 = Annotated[str, Field(max_length=2000), AfterValidator(_plain_text)]
Note = Annotated[str, Field(max_length=NOTE_MAX_LENGTH), AfterValidator(_plain_text)]
Name100 = Annotated[str, Field(min_length=1, max_length=100), AfterValidator(_plain_text)]
Name200 = Annotated[str, Field(min_length=1, max_length=200), AfterValidator(_plain_text)]


def _written(value: object) -> object:
    """Dates and times are ISO 8601 strings in the body (never numbers)."""
    if not isinstance(value, str):
        raise ValueError("must be an ISO 8601 string")
    return value


Moment = Annotated[AwareDatetime, BeforeValidator(_written), AfterValidator(_plausible_moment)]
BirthDate = Annotated[dt.date, BeforeValidator(_written), AfterValidator(_plausible_date)]

ContactMethodKey = Literal[
    "home_phone", "mobile_phone", "work_phone", "email", "in_person", "post", "sms"
]
SupportNeedKey = Literal["da", "hba", "fgm", "fm", "sv_historic", "sv_acute", "stalking"]
RiskLevelKey = Literal["", "standard", "medium", "high"]
PriorityKey = Literal["standard", "emergency"]
LettersKey = Literal["any_address", "safe_address_only", "never"]
HarmerAtAddressKey = Literal["yes", "no", "unknown"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PersonIn(Strict):
    """The person referred (synthetic people only in tests and the demo)."""

    given_name: Name100
    family_name: Text100 = ""
    date_of_birth: BirthDate | None = None
    phone: Text30 = ""
    email: Text254 = ""
    address_line_1: Text200 = ""
    address_line_2: Text200 = ""
    town: Text100 = ""
    postcode: Annotated[str, Field(max_length=10), AfterValidator(_postcode)] = ""


class SafeTimeIn(Strict):
    """A span when it is safe to call: days 0 (Monday) to 6 (Sunday), 24-hour HH:MM."""

    days: list[Annotated[StrictInt, Field(ge=0, le=6)]] = Field(min_length=1, max_length=7)
    start: Annotated[str, Field(pattern=HH_MM.pattern)]
    end: Annotated[str, Field(pattern=HH_MM.pattern)]

    @model_validator(mode="after")
    def _end_after_start(self) -> SafeTimeIn:
        if self.end <= self.start:
            raise ValueError("end must be later than start")
        return self


class SafeContactIn(Strict):
    """How to contact the person without putting them at risk (reference §5.1)."""

    safe_phone: Text30 = ""
    safe_times: list[SafeTimeIn] = Field(default_factory=list, max_length=2)
    voicemail_allowed: StrictBool = False
    texts_allowed: StrictBool = False
    email_safe: StrictBool = False
    letters: LettersKey = "never"
    safe_address: Text500 = ""
    harmer_at_address: HarmerAtAddressKey = "unknown"
    code_word: Text100 = ""
    notes: Text2000 = ""


class ReferralIn(Strict):
    """A referral from a partner system. The route is the organisation's for the contract."""

    person: PersonIn
    safe_contact: SafeContactIn = Field(default_factory=SafeContactIn)
    consent_to_contact: StrictBool = Field(
        description="The person agreed to the referral and to be contacted (seed 002 s3.1)"
    )
    contact_method: ContactMethodKey
    primary_support_need: SupportNeedKey
    incident_at: Moment | None = None
    referrer_risk_level: RiskLevelKey = ""
    risk_indicators: Note = ""
    priority: PriorityKey = "standard"
    presenting_need: Note = ""
    referrer_name: Name200
    referrer_contact: Name200
    partner_reference: Text100 = ""


class ReferralStatusOut(BaseModel):
    """What a partner may know: never the person's details or casework."""

    id: UUID
    contract: str = Field(description="The contract's slug")
    status: Literal["received", "accepted", "declined"]
    received_at: dt.datetime
    decided_at: dt.datetime | None
    decline_category: str = Field(description="Why it was declined, as a category")
    decline_reason: str
    partner_reference: str


class ContractOut(BaseModel):
    slug: str
    name: str
    route: str = Field(description="The referral route your referrals to it take")


class ChoiceOut(BaseModel):
    value: str
    label: str


class FieldOut(BaseModel):
    name: str = Field(description="Where the field goes in the body, e.g. person.given_name")
    label: str
    type: Literal["string", "text", "boolean", "date", "date-time", "choice", "safe-times"]
    required: bool
    max_length: int | None = None
    choices: list[ChoiceOut] | None = None


class ReferralFieldsOut(BaseModel):
    contract: str
    route: str
    fields: list[FieldOut]


class ErrorBody(BaseModel):
    code: str = Field(description="invalid, unauthorised, forbidden, not_found, conflict, ...")
    message: str
    fields: dict[str, list[str]] = Field(
        default_factory=dict, description="Field path → problems (400 and 422 only)"
    )


class ErrorOut(BaseModel):
    """Every error has this one shape."""

    error: ErrorBody
