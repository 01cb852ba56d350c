"""Read profile YAML with line numbers and report every problem as file:line, field and reason."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from haven.contracts.profiles.schema import Profile

PROFILES_DIR = Path(__file__).resolve().parent
Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class ProfileError:
    """One problem in one profile file: where it is and what is wrong."""

    path: Path
    line: int | None
    field: str  # dotted path, e.g. deadlines[0].duration; "" for the whole file
    reason: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {self.field}: {self.reason}" if self.field else f"{where}: {self.reason}"


class ProfileInvalid(Exception):  # noqa: N818 - the name callers already use
    """A profile failed validation; `errors` says where and why."""

    def __init__(self, errors: Sequence[ProfileError]) -> None:
        self.errors = list(errors)
        super().__init__("\n".join(map(str, self.errors)))


class ProfileNotFoundError(LookupError):
    """No shipped profile has that slug."""


def profile_paths(directory: Path = PROFILES_DIR) -> list[Path]:
    """The shipped profiles, haven/contracts/profiles/*.yaml, in name order."""
    return sorted(directory.glob("*.yaml"))


def find_profile(slug: str, directory: Path = PROFILES_DIR) -> Path:
    """The shipped profile file for `slug`, or ProfileNotFoundError naming the ones there are."""
    for path in profile_paths(directory):
        if path.stem == slug:
            return path
    known = ", ".join(path.stem for path in profile_paths(directory)) or "none"
    raise ProfileNotFoundError(f"unknown contract {slug!r}; known contracts: {known}")


def field_path(loc: Loc) -> str:
    """('deadlines', 0, 'duration') -> 'deadlines[0].duration'."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else str(part)
    return text


def parse_profile(text: str, path: Path) -> tuple[Profile | None, list[ProfileError]]:
    """Validate YAML text as the profile file `path` (whose stem must be its slug)."""
    try:
        document = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)  # values, e.g. dates; an unsafe tag fails here
    except yaml.YAMLError as exc:
        return None, [_yaml_error(path, exc)]
    if document is None:
        return None, [ProfileError(path, 1, "", "the file is empty; a profile is a YAML mapping")]
    if not isinstance(document, yaml.MappingNode):
        line = document.start_mark.line + 1
        return None, [ProfileError(path, line, "", "a profile must be a YAML mapping of keys")]
    index = _LineIndex()
    index.walk(document)
    errors = [ProfileError(path, line, field_path(loc), why) for loc, line, why in index.duplicates]
    try:
        profile = Profile.model_validate(data, context={"file_stem": path.stem})
    except ValidationError as exc:
        errors += [_pydantic_error(path, detail, index) for detail in exc.errors()]
        return None, errors
    return (profile if not errors else None), errors


def read_profile(path: Path) -> tuple[Profile | None, list[ProfileError]]:
    """Validate one profile file; the profile is None whenever there are errors."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [ProfileError(path, None, "", f"cannot read the file: {exc}")]
    return parse_profile(text, path)


def validate_paths(paths: Iterable[Path]) -> list[ProfileError]:
    """Every problem in every given profile file (an empty list means all are valid)."""
    return [error for path in paths for error in read_profile(Path(path))[1]]


def load_profile(path: Path) -> Profile:
    """The validated profile in `path`, or ProfileInvalid carrying every error."""
    profile, errors = read_profile(Path(path))
    if profile is None:
        raise ProfileInvalid(errors)
    return profile


def _yaml_error(path: Path, exc: yaml.YAMLError) -> ProfileError:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark is not None else None
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    reason = f"YAML syntax: {problem}" + (f" ({context})" if context else "")
    return ProfileError(path, line, "", reason)


@dataclass
class _LineIndex:
    """Where each key and item sits in the file, found while walking the YAML nodes."""

    lines: dict[Loc, int] = field(default_factory=dict)
    bare_keys: set[Loc] = field(default_factory=set)  # `{a: 1, b}`: b has no value
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


def _pydantic_error(path: Path, detail: ErrorDetails, index: _LineIndex) -> ProfileError:
    loc: Loc = tuple(part for part in detail["loc"] if part != "[key]")
    known = next((loc[:n] for n in range(len(loc), -1, -1) if loc[:n] in index.lines), ())
    return ProfileError(path, index.lines.get(known), field_path(loc), _reason(detail, index, loc))


def _reason(detail: ErrorDetails, index: _LineIndex, loc: Loc) -> str:
    """Pydantic's message, in the words a profile author needs."""
    kind, message = detail["type"], detail["msg"]
    value: Any = detail.get("input")
    if kind == "extra_forbidden":
        if loc in index.bare_keys:
            return (
                "unknown key; an unquoted comma inside {...} starts a new key, "
                'so quote the value before it, e.g. label: "a, b"'
            )
        return "unknown key (not in docs/profile-format.md; check the spelling)"
    if kind == "missing":
        return "required and missing"
    message = message.removeprefix("Value error, ")
    if kind in {"enum", "literal_error"}:
        return f"{message}; got {value!r}"
    return message
