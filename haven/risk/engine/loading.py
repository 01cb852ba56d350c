"""Read checklist definition YAML and report every problem as file:line, field and reason
(the shared loader, `haven.core.yamlload`, with the checklist schema).

Pure: no Django. The shipped definitions live in haven/risk/checklists/<key>.yaml.
"""

from __future__ import annotations

from pathlib import Path

from haven.core.yamlload import YamlError, YamlInvalid, parse_yaml, read_yaml
from haven.risk.engine.definition import ChecklistDefinition

CHECKLISTS_DIR = Path(__file__).resolve().parent.parent / "checklists"
UNKNOWN_KEY = "check the spelling against haven/risk/README.md"

ChecklistError = YamlError  # one problem in one definition file: where it is and what is wrong


class ChecklistInvalid(YamlInvalid):
    """A checklist definition failed validation; `errors` says where and why."""


class ChecklistNotFoundError(LookupError):
    """No definition has that key."""


def parse_checklist(
    text: str, path: Path
) -> tuple[ChecklistDefinition | None, list[ChecklistError]]:
    """Validate YAML text as the checklist definition file `path`."""
    return parse_yaml(text, path, ChecklistDefinition, what="a checklist", unknown_key=UNKNOWN_KEY)


def read_checklist(path: Path) -> tuple[ChecklistDefinition | None, list[ChecklistError]]:
    """Validate one file; the definition is None whenever there are errors."""
    return read_yaml(path, ChecklistDefinition, what="a checklist", unknown_key=UNKNOWN_KEY)


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
