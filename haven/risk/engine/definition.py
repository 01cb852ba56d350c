"""The checklist definition: sections of numbered yes/no/don't know questions, from a YAML file.

Pure: no Django. Question text is data so a service can load its own licensed wording; the
shipped file paraphrases the 24-question SafeLives Dash RIC (reference.md s1.2).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Annotated, Literal, Self

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError, ValidationError

Loc = tuple[str | int, ...]


def _key(value: str) -> str:
    if not re.fullmatch(r"[a-z][a-z0-9_]*", value):
        raise ValueError("use lower-case letters, digits and underscores, e.g. very_frightened")
    return value


def _slug(value: str) -> str:
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", value):
        raise ValueError("use lower-case letters, digits and single hyphens, e.g. dash-ric-24")
    return value


Key = Annotated[str, AfterValidator(_key)]
Slug = Annotated[str, AfterValidator(_slug)]
Text = Annotated[str, Field(min_length=1)]


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ChecklistItem(_Part):
    """One question, answered yes / no / don't know."""

    key: Key
    number: Annotated[int, Field(strict=True, ge=1)]
    text: Text
    hint: str | None = None
    police_dash: Annotated[int, Field(strict=True, ge=1)] | None = None


class ChecklistSection(_Part):
    key: Key
    title: Text
    items: Annotated[list[ChecklistItem], Field(min_length=1)]


class InformationSource(_Part):
    """Where an answer came from (the RIC's "source of info if not the victim" column)."""

    key: Key
    label: Text


DEFAULT_SOURCES = [
    InformationSource(key="victim", label="Victim"),
    InformationSource(key="police_officer", label="Police officer"),
    InformationSource(key="other_agency", label="Other agency"),
    InformationSource(key="practitioner", label="Practitioner's own observation"),
    InformationSource(key="family_or_friend", label="Family member or friend"),
    InformationSource(key="other", label="Other"),
]


class ChecklistDefinition(_Part):
    """A whole checklist. Numbers run 1..n in order across the sections; keys are unique."""

    key: Slug
    name: Text
    version: Text
    wording: Literal["paraphrase", "licensed"]
    notice: Text
    source: Text
    sources: Annotated[list[InformationSource], Field(min_length=1)] = DEFAULT_SOURCES
    sections: Annotated[list[ChecklistSection], Field(min_length=1)]

    @model_validator(mode="after")
    def _keys_unique_and_numbers_in_order(self) -> Self:
        problems = [*self._duplicate_keys(), *self._numbers_out_of_order()]
        seen: dict[str, int] = {}
        for index, source in enumerate(self.sources):
            if source.key in seen:
                message = f"duplicate key; first used at sources[{seen[source.key]}]"
                problems.append((("sources", index, "key"), message, source.key))
            seen.setdefault(source.key, index)
        if problems:
            raise invalid("ChecklistDefinition", problems)
        return self

    def _located_items(self) -> Iterator[tuple[Loc, ChecklistItem]]:
        for s, section in enumerate(self.sections):
            for i, item in enumerate(section.items):
                yield ("sections", s, "items", i), item

    def _duplicate_keys(self) -> list[tuple[Loc, str, object]]:
        problems: list[tuple[Loc, str, object]] = []
        sections: dict[str, int] = {}
        for s, section in enumerate(self.sections):
            if section.key in sections:
                message = f"duplicate key; first used at sections[{sections[section.key]}]"
                problems.append((("sections", s, "key"), message, section.key))
            sections.setdefault(section.key, s)
        items: dict[str, str] = {}
        for loc, item in self._located_items():
            if item.key in items:
                message = f"duplicate question key; first used at question {items[item.key]}"
                problems.append(((*loc, "key"), message, item.key))
            items.setdefault(item.key, str(item.number))
        return problems

    def _numbers_out_of_order(self) -> list[tuple[Loc, str, object]]:
        problems: list[tuple[Loc, str, object]] = []
        for expected, (loc, item) in enumerate(self._located_items(), start=1):
            if item.number != expected:
                message = f"questions must be numbered 1, 2, 3... in order; expected {expected}"
                problems.append(((*loc, "number"), message, item.number))
        return problems

    @property
    def items(self) -> list[ChecklistItem]:
        return [item for section in self.sections for item in section.items]

    @property
    def item_keys(self) -> list[str]:
        return [item.key for item in self.items]

    @property
    def source_keys(self) -> list[str]:
        return [source.key for source in self.sources]


def invalid(title: str, problems: list[tuple[Loc, str, object]]) -> ValidationError:
    """A ValidationError pointing at exact fields, for checks that span several of them."""
    details = [
        InitErrorDetails(type=PydanticCustomError("checklist", message), loc=loc, input=value)
        for loc, message, value in problems
    ]
    return ValidationError.from_exception_data(title, details)
