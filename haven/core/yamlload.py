"""Read a YAML file into a pydantic model, reporting every problem as `file:line: field: reason`.

The one loader for Haven's YAML (contract profiles, risk checklists, the workbook's section of a
profile). Pure: no Django, so the pure engines use it too (an import-linter contract says so).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class YamlError:
    """One problem in one YAML file: where it is and what is wrong."""

    path: Path
    line: int | None
    field: str  # dotted path, e.g. deadlines[0].duration; "" for the whole file
    reason: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {self.field}: {self.reason}" if self.field else f"{where}: {self.reason}"


class YamlInvalid(Exception):  # noqa: N818 - reads as a sentence at the call site
    """A file failed validation; `errors` says where and why."""

    def __init__(self, errors: Sequence[YamlError]) -> None:
        self.errors = list(errors)
        super().__init__("\n".join(map(str, self.errors)))


def field_path(loc: Loc) -> str:
    """('deadlines', 0, 'duration') -> 'deadlines[0].duration'."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else str(part)
    return text


@dataclass(frozen=True)
class YamlDocument:
    """A YAML mapping's values, and the line of every key and item in it."""

    data: dict[str, Any]
    lines: dict[Loc, int]
    bare_keys: frozenset[Loc]  # `{a: 1, b}`: b has no value


def parse_mapping(text: str, path: Path, what: str) -> tuple[YamlDocument | None, list[YamlError]]:
    """The YAML text as a mapping with line numbers; `what` names it in errors ("a profile").

    Duplicate keys are errors (YAML keeps the last silently); so are unsafe tags."""
    try:
        document = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)  # values, e.g. dates; an unsafe tag fails here
    except yaml.YAMLError as exc:
        return None, [_yaml_error(path, exc)]
    if document is None:
        return None, [YamlError(path, 1, "", f"the file is empty; {what} is a YAML mapping")]
    if not isinstance(document, yaml.MappingNode):
        line = document.start_mark.line + 1
        return None, [YamlError(path, line, "", f"{what} must be a YAML mapping of keys")]
    index = _LineIndex()
    index.walk(document)
    errors = [YamlError(path, line, field_path(loc), why) for loc, line, why in index.duplicates]
    return YamlDocument(data, index.lines, frozenset(index.bare_keys)), errors


def validate_model[M: BaseModel](
    model: type[M],
    document: YamlDocument,
    path: Path,
    *,
    unknown_key: str,
    context: dict[str, Any] | None = None,
) -> tuple[M | None, list[YamlError]]:
    """Validate the document as `model`; each pydantic error placed at its line.

    `unknown_key` is the reason given for a key the model does not know (where to look)."""
    try:
        return model.model_validate(document.data, context=context), []
    except ValidationError as exc:
        return None, [_pydantic_error(path, d, document, unknown_key) for d in exc.errors()]


def parse_yaml[M: BaseModel](
    text: str,
    path: Path,
    model: type[M],
    *,
    what: str,
    unknown_key: str,
    context: dict[str, Any] | None = None,
) -> tuple[M | None, list[YamlError]]:
    """Validate YAML text as the file `path`; the result is None whenever there are errors."""
    document, errors = parse_mapping(text, path, what)
    if document is None:
        return None, errors
    result, problems = validate_model(
        model, document, path, unknown_key=unknown_key, context=context
    )
    errors += problems
    return (result if not errors else None), errors


def read_yaml[M: BaseModel](
    path: Path,
    model: type[M],
    *,
    what: str,
    unknown_key: str,
    context: dict[str, Any] | None = None,
) -> tuple[M | None, list[YamlError]]:
    """Validate one file (`context` is passed to the model's validators)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [YamlError(path, None, "", f"cannot read the file: {exc}")]
    return parse_yaml(
        text,
        path,
        model,
        what=what,
        unknown_key=unknown_key,
        context=context,
    )


def _yaml_error(path: Path, exc: yaml.YAMLError) -> YamlError:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark is not None else None
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    reason = f"YAML syntax: {problem}" + (f" ({context})" if context else "")
    return YamlError(path, line, "", reason)


@dataclass
class _LineIndex:
    """Where each key and item sits in the file, found while walking the YAML nodes."""

    lines: dict[Loc, int] = field(default_factory=dict)
    bare_keys: set[Loc] = field(default_factory=set)
    duplicates: list[tuple[Loc, int, str]] = field(default_factory=list)

    def walk(self, node: yaml.Node, loc: Loc = ()) -> None:
        self.lines.setdefault(loc, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                self._key(loc, key_node, value_node, flow=bool(node.flow_style))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                self.walk(item, (*loc, index))

    def _key(self, loc: Loc, key_node: yaml.Node, value_node: yaml.Node, *, flow: bool) -> None:
        child, line = (*loc, str(key_node.value)), key_node.start_mark.line + 1
        if child in self.lines:
            reason = f"duplicate key (first given at line {self.lines[child]})"
            self.duplicates.append((child, line, reason))
            return
        self.lines[child] = line
        if flow and value_node.start_mark.index == value_node.end_mark.index:
            self.bare_keys.add(child)
        self.walk(value_node, child)


def _pydantic_error(
    path: Path, detail: ErrorDetails, document: YamlDocument, unknown_key: str
) -> YamlError:
    loc: Loc = tuple(part for part in detail["loc"] if part != "[key]")
    known = next((loc[:n] for n in range(len(loc), -1, -1) if loc[:n] in document.lines), ())
    reason = _reason(detail, document, loc, unknown_key)
    return YamlError(path, document.lines.get(known), field_path(loc), reason)


def _reason(detail: ErrorDetails, document: YamlDocument, loc: Loc, unknown_key: str) -> str:
    """Pydantic's message, in the words a file's author needs."""
    kind, message = detail["type"], detail["msg"]
    value: Any = detail.get("input")
    if kind == "extra_forbidden":
        if loc in document.bare_keys:
            return (
                "unknown key; an unquoted comma inside {...} starts a new key, "
                'so quote the value before it, e.g. label: "a, b"'
            )
        return f"unknown key ({unknown_key})"
    if kind == "missing":
        return "required and missing"
    message = message.removeprefix("Value error, ")
    if kind in {"enum", "literal_error"}:
        return f"{message}; got {value!r}"
    return message
