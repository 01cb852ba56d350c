"""Outcome instruments as data: the questions asked at intake, review and exit, their scales and
the reporting domains they roll up to, read from `haven/outcomes/instruments/*.yaml` with the
one YAML loader (`haven.core.yamlload`). A bad file fails with the file, the field and why.

Pure: no Django. Haven ships only questions it wrote itself (reference.md's licensing warning:
Outcomes Star, SafeLives Insights and WEMWBS wording must not be copied); a service that holds a
licence adds its own file (README.md).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Annotated, Literal, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError, ValidationError

from haven.core.yamlload import YamlError, YamlInvalid, read_yaml

INSTRUMENTS_DIR = Path(__file__).parent / "instruments"
STAGES = ("intake", "review", "exit")
Stage = Literal["intake", "review", "exit"]
Loc = tuple[str | int, ...]


def _key(value: str) -> str:
    if not re.fullmatch(r"[a-z][a-z0-9_]*", value):
        raise ValueError("use lower-case letters, digits and underscores, e.g. feeling_safer")
    return value


def _instrument_key(value: str) -> str:
    if not re.fullmatch(r"[a-z][a-z0-9-]*", value):
        raise ValueError("use lower-case letters, digits and hyphens, e.g. haven-outcomes-v1")
    return value


Key = Annotated[str, AfterValidator(_key)]
Text = Annotated[str, Field(min_length=1)]


def _invalid(title: str, problems: list[tuple[Loc, str, object]]) -> ValidationError:
    details = [
        InitErrorDetails(type=PydanticCustomError("instrument", message), loc=loc, input=value)
        for loc, message, value in problems
    ]
    return ValidationError.from_exception_data(title, details)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ScalePoint(_Strict):
    score: Annotated[int, Field(strict=True, ge=0, le=100)]
    label: Text


class Scale(_Strict):
    """The answers a question offers, in order, with Haven-authored labels."""

    key: Key
    higher_is_better: bool
    points: Annotated[list[ScalePoint], Field(min_length=2)]

    @model_validator(mode="after")
    def _points_ascend(self) -> Self:
        scores = [p.score for p in self.points]
        if scores != sorted(set(scores)):
            raise _invalid("scale", [(("points",), "scores must rise one after another", scores)])
        return self

    def scores(self) -> frozenset[int]:
        return frozenset(p.score for p in self.points)

    def label(self, score: int) -> str:
        return next((p.label for p in self.points if p.score == score), str(score))


class Domain(_Strict):
    key: Key
    label: Text


class Question(_Strict):
    key: Key
    text: Text
    domain: Key
    scale: Key
    hint: str | None = None
    stages: list[Stage] = ["intake", "review", "exit"]


class ExitFormType(_Strict):
    key: Key
    label: Text


class Instrument(_Strict):
    """One outcome instrument (haven/outcomes/instruments/<key>.yaml)."""

    key: Annotated[str, AfterValidator(_instrument_key)]
    name: Text
    licence: Text
    for_whom: Literal["adult", "child", "perpetrator"]
    introduction: str | None = None
    scales: Annotated[list[Scale], Field(min_length=1)]
    domains: Annotated[list[Domain], Field(min_length=1)]
    questions: Annotated[list[Question], Field(min_length=1)]
    # e.g. seed 001 Lot 3 s8: "exit forms completed (specify criminal justice and standard)"
    exit_form_types: list[ExitFormType] = []
    citation: str | None = None

    @field_validator("key")
    @classmethod
    def _key_is_file_name(cls, key: str, info: ValidationInfo) -> str:
        stem = (info.context or {}).get("file_stem")
        if stem is not None and key != stem:
            raise ValueError(f"must equal the file name: the file is {stem}.yaml")
        return key

    @model_validator(mode="after")
    def _names_hang_together(self) -> Self:
        problems: list[tuple[Loc, str, object]] = []
        keyed: list[tuple[str, list[str]]] = [
            ("scales", [s.key for s in self.scales]),
            ("domains", [d.key for d in self.domains]),
            ("questions", [q.key for q in self.questions]),
            ("exit_form_types", [t.key for t in self.exit_form_types]),
        ]
        for section, keys in keyed:
            seen: set[str] = set()
            for index, key in enumerate(keys):
                if key in seen:
                    problems.append(((section, index, "key"), "duplicate key", key))
                seen.add(key)
        scales, domains = {s.key for s in self.scales}, {d.key for d in self.domains}
        for index, question in enumerate(self.questions):
            if question.domain not in domains:
                message = f"names no domain of this instrument; domains are {', '.join(domains)}"
                problems.append((("questions", index, "domain"), message, question.domain))
            if question.scale not in scales:
                message = f"names no scale of this instrument; scales are {', '.join(scales)}"
                problems.append((("questions", index, "scale"), message, question.scale))
            if not question.stages:
                message = "a question is asked at one stage at least"
                problems.append((("questions", index, "stages"), message, question.stages))
        if problems:
            raise _invalid("Instrument", problems)
        return self

    def scale_of(self, question: Question) -> Scale:
        return next(s for s in self.scales if s.key == question.scale)

    def question(self, key: str) -> Question | None:
        return next((q for q in self.questions if q.key == key), None)

    def questions_at(self, stage: str) -> list[Question]:
        return [q for q in self.questions if stage in q.stages]

    def domain_label(self, key: str) -> str:
        return next((d.label for d in self.domains if d.key == key), key)


def load_instrument(path: Path) -> Instrument:
    """One instrument file, or YamlInvalid naming the file, line and field of each problem."""
    instrument, errors = read_yaml(
        path,
        Instrument,
        what="an outcome instrument",
        unknown_key="see haven/outcomes/README.md for the keys an instrument has",
        context={"file_stem": path.stem},
    )
    if errors or instrument is None:
        raise YamlInvalid(errors)
    return instrument


def load_instruments(directory: Path) -> dict[str, Instrument]:
    """Every `*.yaml` in the directory by key; all files' problems reported together."""
    found: dict[str, Instrument] = {}
    errors: list[YamlError] = []
    for path in sorted(directory.glob("*.yaml")):
        try:
            loaded = load_instrument(path)
            found[loaded.key] = loaded
        except YamlInvalid as invalid:
            errors += invalid.errors
    if errors:
        raise YamlInvalid(errors)
    return found


@cache
def instruments() -> dict[str, Instrument]:
    """The instruments shipped with (or added to) this Haven, loaded once."""
    return load_instruments(INSTRUMENTS_DIR)


def instrument(key: str) -> Instrument | None:
    return instruments().get(key)
