"""The message templates per contract (haven/outbox/message_templates/*.yaml), validated at load.

`default.yaml` holds Haven's own wording for every contract; a file named after a contract's
slug replaces its sender, phone or any template by key. Validation refuses a template that uses
an unknown placeholder or the code word, or that names domestic abuse without being marked
`names_service: true` (the discreet default: reference §5.1, a letter or text may be read by
the person causing harm).
"""

from __future__ import annotations

import re
import string
from functools import cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

TEMPLATES_DIR = Path(__file__).parent / "message_templates"
ChannelName = Literal["letter", "email", "sms"]
PLACEHOLDERS = frozenset({"name", "sender", "phone", "reference", "visit_at", "chat_at"})
DETAILS = frozenset({"visit_at", "chat_at"})
SMS_MAX_LENGTH = 612  # four text-message fragments
# Words that give away what the service is about. Discreet by default: none of them appears in
# a message unless its template is marked as safe to name the service.
REVEALING = re.compile(
    r"\b(domestic|abuse|abusive|abuser|violen\w*|refuge|idva|victims?|perpetrators?|marac|"
    r"coercive|stalking|assault\w*|rape|sexual)\b",
    re.IGNORECASE,
)


def revealing_words(text: str) -> list[str]:
    """The words in `text` that would reveal the nature of the service, once each, lower case."""
    found: list[str] = []
    for match in REVEALING.finditer(text):
        word = match.group(0).lower()
        if word not in found:
            found.append(word)
    return found


def placeholders_in(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


class ChannelText(BaseModel):
    model_config = ConfigDict(extra="forbid")

    subject: str = ""
    body: str = Field(min_length=1)


class MessageTemplate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    label: str = Field(min_length=1)
    citation: str = ""
    needs: list[Literal["visit_at", "chat_at"]] = []
    names_service: bool = False
    channels: dict[ChannelName, ChannelText]

    @model_validator(mode="after")
    def _check(self) -> MessageTemplate:
        if not self.channels:
            raise ValueError(f"template {self.key}: give the text of at least one channel")
        for channel, text in self.channels.items():
            where = f"template {self.key} ({channel})"
            whole = f"{text.subject}\n{text.body}"
            used = placeholders_in(whole)
            if "code_word" in used:
                raise ValueError(f"{where}: a message never contains the person's code word")
            if unknown := used - PLACEHOLDERS:
                raise ValueError(f"{where}: unknown placeholder(s) {', '.join(sorted(unknown))}")
            if missing := (used & DETAILS) - set(self.needs):
                raise ValueError(f"{where}: list {', '.join(sorted(missing))} under needs")
            if not self.names_service and (words := revealing_words(whole)):
                raise ValueError(
                    f"{where}: names the service ({', '.join(words)}); reword it, or mark the "
                    "template names_service: true"
                )
            if channel != "sms" and not text.subject:
                raise ValueError(f"{where}: a letter or email needs a subject")
            if channel == "sms" and len(text.body) > SMS_MAX_LENGTH:
                raise ValueError(f"{where}: longer than {SMS_MAX_LENGTH} characters")
        return self


class Wording(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sender: str = Field(min_length=1)
    phone: str = Field(min_length=1)
    templates: list[MessageTemplate] = []

    @model_validator(mode="after")
    def _check(self) -> Wording:
        keys = [template.key for template in self.templates]
        if len(keys) != len(set(keys)):
            raise ValueError("two templates have the same key")
        if words := revealing_words(self.sender):
            raise ValueError(f"sender: names the service ({', '.join(words)})")
        return self

    def template(self, key: str) -> MessageTemplate | None:
        return next((template for template in self.templates if template.key == key), None)


class WordingError(ValueError):
    """A message template file is not valid; the message names the file and the problem."""


def _load(path: Path) -> dict[str, object]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise WordingError(f"{path.name}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise WordingError(f"{path.name}: expected a mapping")
    return data


def parse_wording(default: dict[str, object], override: dict[str, object] | None) -> Wording:
    """The default wording with a contract's file laid over it (templates replaced by key)."""
    merged = dict(default)
    if override:
        merged.update({k: v for k, v in override.items() if k != "templates"})
        by_key = {t["key"]: t for t in default.get("templates", []) or []}  # type: ignore[attr-defined]
        for template in override.get("templates", []) or []:  # type: ignore[attr-defined]
            by_key[template["key"]] = template
        merged["templates"] = list(by_key.values())
    return Wording.model_validate(merged)


@cache
def wording_for(slug: str) -> Wording:
    """The validated wording for a contract (by slug); WordingError names the bad file."""
    default = _load(TEMPLATES_DIR / "default.yaml")
    own = TEMPLATES_DIR / f"{slug}.yaml"
    override = _load(own) if own.exists() else None
    try:
        return parse_wording(default, override)
    except ValidationError as exc:
        name = own.name if override is not None else "default.yaml"
        raise WordingError(f"{name}: {exc}") from exc


def all_wording_files() -> list[Path]:
    return sorted(TEMPLATES_DIR.glob("*.yaml"))
