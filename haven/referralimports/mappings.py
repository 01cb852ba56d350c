"""Column mapping files: which column of a source's file is which referral or person field.

One YAML file per source in ``mappings/`` (``police-daily.yaml``, ``sentinel-asb.yaml``),
validated with pydantic through ``haven.core.yamlload`` so every problem names its line. Pure:
no Django, so the reader and the row checks can be tested without a database.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from haven.core.yamlload import YamlInvalid, read_yaml

MAPPINGS = Path(__file__).parent / "mappings"

# The fields a file may fill, and what kind of value each is.
PERSON_FIELDS = {
    "given_name": "text",
    "family_name": "text",
    "date_of_birth": "date",
    "phone": "text",
    "email": "text",
    "address_line_1": "text",
    "address_line_2": "text",
    "town": "text",
    "postcode": "text",
    "local_authority": "text",
}
REFERRAL_FIELDS = {
    "external_id": "text",
    "received_at": "datetime",
    "incident_at": "datetime",
    "contact_method": "choice",
    "consent_to_contact": "choice",
    "referrer_risk_level": "choice",
    "referrer_name": "text",
    "risk_indicators": "text",
    "presenting_need": "text",
}
FIELD_KINDS = PERSON_FIELDS | REFERRAL_FIELDS
# Choice fields and the values Haven stores (referrals.models; kept here so this stays pure and
# checked against the models by tests/test_mappings.py).
CHOICES = {
    "contact_method": (
        "home_phone",
        "mobile_phone",
        "work_phone",
        "email",
        "in_person",
        "post",
        "sms",
    ),
    "consent_to_contact": ("yes", "no"),
    "referrer_risk_level": ("standard", "medium", "high"),
}
# Every file must say who and when, and give the id that makes importing it twice harmless.
ALWAYS_REQUIRED = ("external_id", "received_at", "given_name", "family_name")

FieldName = Literal[
    "given_name",
    "family_name",
    "date_of_birth",
    "phone",
    "email",
    "address_line_1",
    "address_line_2",
    "town",
    "postcode",
    "local_authority",
    "external_id",
    "received_at",
    "incident_at",
    "contact_method",
    "consent_to_contact",
    "referrer_risk_level",
    "referrer_name",
    "risk_indicators",
    "presenting_need",
]


def header_key(text: object) -> str:
    """A header as matched: case, spaces, underscores, punctuation and a BOM ignored."""
    return re.sub(r"[^0-9a-z]", "", str(text or "").replace("\ufeff", "").casefold())


def value_key(text: object) -> str:
    """A cell's word as matched against a value map: case and spacing ignored."""
    return " ".join(str(text or "").casefold().replace("_", " ").replace("-", " ").split())


class Column(BaseModel):
    """One column of the file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    field: FieldName
    header: str = Field(min_length=1, description="The column's heading in the file")
    also: list[str] = Field(default_factory=list, description="Other headings seen for it")
    required: bool = False
    formats: list[str] = Field(
        default_factory=list, description="strptime formats for a date or time given as text"
    )
    values: dict[str, str] = Field(
        default_factory=dict, description="The file's words -> Haven's value (choice fields)"
    )

    @model_validator(mode="after")
    def _fits_its_kind(self) -> Column:
        kind = FIELD_KINDS[self.field]
        if kind in ("date", "datetime") and not self.formats:
            raise ValueError(f"{self.field} is a date: give its formats (e.g. '%d/%m/%Y')")
        if kind not in ("date", "datetime") and self.formats:
            raise ValueError(f"{self.field} is not a date: it takes no formats")
        if kind == "choice":
            if not self.values:
                raise ValueError(f"{self.field} is a choice: give its values")
            wrong = sorted(set(self.values.values()) - set(CHOICES[self.field]))
            if wrong:
                allowed = ", ".join(CHOICES[self.field])
                raise ValueError(f"{', '.join(wrong)}: not a {self.field} (one of {allowed})")
        elif self.values:
            raise ValueError(f"{self.field} is not a choice: it takes no values")
        return self

    def headers(self) -> list[str]:
        return [self.header, *self.also]

    def lookup(self) -> dict[str, str]:
        return {value_key(word): value for word, value in self.values.items()}


class SourceMapping(BaseModel):
    """A source's file: where it comes from, the route its referrals take, its columns."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    source: str = Field(pattern=r"^[a-z0-9-]{2,30}$", description="--source name")
    label: str
    citation: str = Field(min_length=1)
    contracts: list[str] = Field(min_length=1, description="Contract slugs that take the file")
    route: str = Field(min_length=1, description="A key of the contract's referral_routes")
    source_organisation: str = ""
    encoding: Literal["auto", "utf-8", "utf-8-sig", "cp1252"] = "auto"
    delimiter: str = Field(default=",", min_length=1, max_length=1)
    sheet: str = Field(default="", description="The XLSX sheet to read; the first when blank")
    bad_rows: Literal["refuse_row", "refuse_file"] = "refuse_row"
    defaults: dict[FieldName, str] = Field(
        default_factory=dict, description="Values for fields the file never gives"
    )
    columns: list[Column] = Field(min_length=1)

    @field_validator("columns")
    @classmethod
    def _each_field_once(cls, columns: list[Column]) -> list[Column]:
        seen: set[str] = set()
        headers: set[str] = set()
        for column in columns:
            if column.field in seen:
                raise ValueError(f"{column.field} is mapped twice")
            seen.add(column.field)
            for header in column.headers():
                if header_key(header) in headers:
                    raise ValueError(f"the heading {header!r} is used for two fields")
            headers |= {header_key(header) for header in column.headers()}
        return columns

    @model_validator(mode="after")
    def _says_who_and_when(self) -> SourceMapping:
        by_field = {column.field: column for column in self.columns}
        for name in ALWAYS_REQUIRED:
            if name not in by_field or not by_field[name].required:
                raise ValueError(f"columns: {name} must be mapped and required")
        for name, value in self.defaults.items():
            if name in by_field:
                raise ValueError(f"defaults: {name} is also a column")
            if FIELD_KINDS[name] == "choice" and value not in CHOICES[name]:
                raise ValueError(f"defaults: {name}: {value!r} is not one of {CHOICES[name]}")
        return self

    def id_column(self) -> Column:
        return next(column for column in self.columns if column.field == "external_id")

    def referral_source(self) -> str:
        """Referral.source: a source's ids are unique within it (Referral's constraint)."""
        return f"file:{self.source}"[:40]


class MappingNotFoundError(Exception):
    """No mapping file for that source."""


def mapping_path(source: str) -> Path:
    return MAPPINGS / f"{source}.yaml"


def load_mapping(path: Path) -> SourceMapping:
    """Read and validate one mapping file; YamlInvalid lists every problem with its line."""
    mapping, errors = read_yaml(
        path,
        SourceMapping,
        what="a column mapping",
        unknown_key="not a mapping key (see haven/referralimports/README.md)",
    )
    if mapping is None:
        raise YamlInvalid(errors)
    return mapping


@cache
def shipped_mappings() -> dict[str, SourceMapping]:
    """The mappings in mappings/, by source name (the file name must be the source)."""
    found = {}
    for path in sorted(MAPPINGS.glob("*.yaml")):
        mapping = load_mapping(path)
        if mapping.source != path.stem:
            raise MappingNotFoundError(f"{path.name}: source must be {path.stem!r}")
        found[mapping.source] = mapping
    return found


def mapping_for(source: str) -> SourceMapping:
    try:
        return shipped_mappings()[source]
    except KeyError:
        known = ", ".join(sorted(shipped_mappings()))
        raise MappingNotFoundError(f"no mapping for source {source!r} (known: {known})") from None


def mappings_for_contract(slug: str, routes: set[str]) -> list[SourceMapping]:
    """The sources a contract takes: it is listed and its profile offers the mapping's route."""
    return [
        mapping
        for mapping in shipped_mappings().values()
        if slug in mapping.contracts and mapping.route in routes
    ]
