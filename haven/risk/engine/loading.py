"""Read checklist definition YAML and report every problem as file:line, field and reason.

Pure: no Django. The shipped definitions live in haven/risk/checklists/<key>.yaml.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from haven.risk.engine.definition import ChecklistDefinition, Loc

CHECKLISTS_DIR = Path(__file__).resolve().parent.parent / "checklists"


@dataclass(frozen=True)
class ChecklistError:
    """One problem in one definition file: where it is and what is wrong."""

    path: Path
    line: int | None
    field: str  # dotted path, e.g. sections[0].items[3].text; "" for the whole file
    reason: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {self.field}: {self.reason}" if self.field else f"{where}: {self.reason}"


class ChecklistInvalid(Exception):  # noqa: N818 - reads as a sentence at the call site
    """A checklist definition failed validation; `errors` says where and why."""

    def __init__(self, errors: Sequence[ChecklistError]) -> None:
        self.errors = list(errors)
        super().__init__("\n".join(map(str, self.errors)))


class ChecklistNotFoundError(LookupError):
    """No definition has that key."""


def field_path(loc: Loc) -> str:
    """('sections', 0, 'items', 3, 'text') -> 'sections[0].items[3].text'."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else str(part)
    return text


def parse_checklist(
    text: str, path: Path
) -> tuple[ChecklistDefinition | None, list[ChecklistError]]:
    """Validate YAML text as the checklist definition file `path`."""
    try:
        document = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        return None, [_yaml_error(path, exc)]
    if not isinstance(document, yaml.MappingNode):
        line = document.start_mark.line + 1 if document is not None else 1
        return None, [ChecklistError(path, line, "", "a checklist must be a YAML mapping of keys")]
    lines: dict[Loc, int] = {}
    errors = [
        ChecklistError(path, line, field_path(loc), reason)
        for loc, line, reason in _index(document, (), lines)
    ]
    try:
        definition = ChecklistDefinition.model_validate(yaml.safe_load(text))
    except ValidationError as exc:
        return None, errors + [_pydantic_error(path, detail, lines) for detail in exc.errors()]
    return (definition if not errors else None), errors


def read_checklist(path: Path) -> tuple[ChecklistDefinition | None, list[ChecklistError]]:
    """Validate one file; the definition is None whenever there are errors."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [ChecklistError(path, None, "", f"cannot read the file: {exc}")]
    return parse_checklist(text, path)


def load_checklist(path: Path) -> ChecklistDefinition:
    """The validated definition in `path`, or ChecklistInvalid carrying every error."""
    definition, errors = read_checklist(Path(path))
    if definition is None:
        raise ChecklistInvalid(errors)
    return definition


def shipped_checklist(key: str, directory: Path = CHECKLISTS_DIR) -> ChecklistDefinition:
    """The shipped definition `key` (e.g. dash-ric-24), or ChecklistNotFoundError."""
    path = directory / f"{key}.yaml"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in directory.glob("*.yaml"))) or "none"
        raise ChecklistNotFoundError(f"unknown checklist {key!r}; known checklists: {known}")
    return load_checklist(path)


def same_questions(
    licensed: ChecklistDefinition, shipped: ChecklistDefinition
) -> list[tuple[str, str]]:
    """Problems, as (field, reason), when a licensed wording does not keep the shipped keys."""
    if licensed.item_keys == shipped.item_keys:
        return []
    missing = [key for key in shipped.item_keys if key not in licensed.item_keys]
    extra = [key for key in licensed.item_keys if key not in shipped.item_keys]
    details = [f"missing {', '.join(missing)}"] if missing else []
    details += [f"unknown {', '.join(extra)}"] if extra else []
    detail = "; ".join(details) or "the questions are in a different order"
    reason = (
        f"a wording of {shipped.key} must keep its {len(shipped.item_keys)} question keys "
        f"in order so histories stay comparable ({detail})"
    )
    return [("sections", reason)]


def _yaml_error(path: Path, exc: yaml.YAMLError) -> ChecklistError:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark is not None else None
    problem = getattr(exc, "problem", None) or str(exc)
    return ChecklistError(path, line, "", f"YAML syntax: {problem}")


def _index(node: yaml.Node, loc: Loc, lines: dict[Loc, int]) -> list[tuple[Loc, int, str]]:
    """Record the line of every key and item under `node`; return duplicate keys as problems."""
    lines.setdefault(loc, node.start_mark.line + 1)
    problems: list[tuple[Loc, int, str]] = []
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            child = (*loc, str(key_node.value))
            line = key_node.start_mark.line + 1
            if child in lines:
                problems.append(
                    (child, line, f"duplicate key (first given at line {lines[child]})")
                )
                continue
            lines[child] = line
            problems += _index(value_node, child, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            problems += _index(item, (*loc, index), lines)
    return problems


def _pydantic_error(path: Path, detail: ErrorDetails, lines: dict[Loc, int]) -> ChecklistError:
    loc: Loc = tuple(detail["loc"])
    known = next((loc[:n] for n in range(len(loc), -1, -1) if loc[:n] in lines), ())
    return ChecklistError(path, lines.get(known), field_path(loc), _reason(detail))


def _reason(detail: ErrorDetails) -> str:
    kind, message = detail["type"], detail["msg"]
    value: Any = detail.get("input")
    if kind == "extra_forbidden":
        return "unknown key (check the spelling against haven/risk/README.md)"
    if kind == "missing":
        return "required and missing"
    message = message.removeprefix("Value error, ")
    if kind == "literal_error":
        return f"{message}; got {value!r}"
    return message
