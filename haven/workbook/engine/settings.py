"""Workbook settings: the rule's numbers from a contract profile's `workbook:` section."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from haven.contracts.profiles.sections import WorkbookSpec
from haven.core.yamlload import read_yaml

from .results import WorkbookInputError

PROFILES_DIR = Path(__file__).resolve().parents[2] / "contracts" / "profiles"
DEMO_PSEUDONYM_KEY = b"haven-workbook-demo-key-not-for-production"


@dataclass(frozen=True)
class WorkbookSettings:
    """The automated-workbook rule (seed 000 s5) plus how Haven applies it."""

    window_days: int = 365  # seed 000 s5: prior 365 days
    min_prior: int = 2  # seed 000 s5: at least 2 other incidents
    max_prior_exclusive: int = 7  # seed 000 s5: fewer than 7 other incidents
    exclude_police_risk_grades: tuple[str, ...] = ("high",)  # seed 000 s2, profile setting
    match_threshold: float = 0.9
    contact_within_hours: int = 24  # seed 000 s5: phone within 24 h of the incident
    timezone: str = "Europe/London"
    citation: str = "seed 000 s5"
    pseudonym_key: bytes = field(default=DEMO_PSEUDONYM_KEY, repr=False)
    splink_model: Path | None = None  # a trained model to use instead of estimating one
    splink_model_out: Path | None = None  # save the model estimated in this run here

    def __post_init__(self) -> None:
        if self.window_days <= 0:
            raise ValueError("workbook.window_days must be positive")
        if not 0 <= self.min_prior < self.max_prior_exclusive:
            raise ValueError("workbook needs 0 <= min_prior < max_prior_exclusive")
        if not 0.0 < self.match_threshold < 1.0:
            raise ValueError("workbook.match_threshold must be between 0 and 1")

    @property
    def window_microseconds(self) -> int:
        """The window is absolute time: 365 x 24 h, whatever the clocks do."""
        return self.window_days * 24 * 3600 * 1_000_000


def settings_from_mapping(section: dict[str, Any], **overrides: Any) -> WorkbookSettings:
    """Build settings from a profile's `workbook:` mapping; unknown keys are ignored."""
    base = WorkbookSettings()
    grades = section.get("exclude_police_risk_grades", base.exclude_police_risk_grades)
    settings = replace(
        base,
        window_days=int(section.get("window_days", base.window_days)),
        min_prior=int(section.get("min_prior", base.min_prior)),
        max_prior_exclusive=int(section.get("max_prior_exclusive", base.max_prior_exclusive)),
        exclude_police_risk_grades=tuple(str(g).strip().lower() for g in grades or ()),
        match_threshold=float(section.get("match_threshold", base.match_threshold)),
        citation=str(section.get("citation", base.citation)),
    )
    return replace(settings, **overrides) if overrides else settings


class _WorkbookSection(BaseModel):
    """The part of a contract profile the engine reads (the whole profile is validated when it
    is loaded into Haven; `haven profiles validate`)."""

    model_config = ConfigDict(extra="ignore")

    workbook: WorkbookSpec | None = None


def settings_for_contract(
    slug: str,
    profiles_dir: Path = PROFILES_DIR,
    *,
    pseudonym_key: bytes = DEMO_PSEUDONYM_KEY,
) -> WorkbookSettings:
    """Read `<slug>.yaml`'s `workbook:` section; the seed 000 defaults when it is absent.

    A section that does not validate is refused as `file:line: field: reason`. The engine reads
    no environment: the caller (Django's settings) gives the pseudonym key.
    """
    path = profiles_dir / f"{slug}.yaml"
    section: dict[str, Any] = {}
    if path.exists():
        read, errors = read_yaml(
            path, _WorkbookSection, what="a profile", unknown_key="see docs/profile-format.md"
        )
        if read is None:
            raise WorkbookInputError("\n".join(map(str, errors)))
        if read.workbook is not None:
            section = read.workbook.model_dump()
    return settings_from_mapping(section, pseudonym_key=pseudonym_key)
