"""The survey questions each contract asks on each occasion (followups/surveys.yaml), validated
once through haven.core.yamlload."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, model_validator

from haven.core.yamlload import YamlInvalid, read_yaml

SURVEYS_YAML = Path(__file__).with_name("surveys.yaml")


class OccasionQuestions(BaseModel):
    model_config = ConfigDict(extra="forbid")

    follow_up: list[str] = []
    end_of_visit: list[str] = []
    exit: list[str] = []
    survey_team: list[str] = []
    survey_team_schedules: list[str] = []


class SurveyCatalogue(BaseModel):
    model_config = ConfigDict(extra="forbid")

    questions: dict[str, str]
    default: OccasionQuestions
    contracts: dict[str, OccasionQuestions]

    @model_validator(mode="after")
    def _known_questions(self) -> SurveyCatalogue:
        for name, spec in [("default", self.default), *self.contracts.items()]:
            for occasion in ("follow_up", "end_of_visit", "exit", "survey_team"):
                unknown = set(getattr(spec, occasion)) - set(self.questions)
                if unknown:
                    raise ValueError(f"{name}.{occasion}: unknown questions {sorted(unknown)}")
        return self

    def for_contract(self, slug: str) -> OccasionQuestions:
        return self.contracts.get(slug, self.default)

    def questions_for(self, slug: str, occasion: str) -> list[tuple[str, str]]:
        """(key, wording) of the questions a contract asks on an occasion ([]: not asked)."""
        spec = self.for_contract(slug)
        keys = getattr(spec, occasion, None)
        if keys is None or occasion == "survey_team_schedules":
            return []
        if not keys and occasion in ("follow_up", "exit") and slug not in self.contracts:
            keys = getattr(self.default, occasion)
        return [(key, self.questions[key]) for key in keys]

    def occasions_for(self, slug: str) -> list[str]:
        """The occasions other than a follow-up on which the contract asks a survey."""
        return [
            occasion
            for occasion in ("end_of_visit", "exit", "survey_team")
            if self.questions_for(slug, occasion)
        ]

    def survey_team_schedules(self, slug: str) -> list[str]:
        return list(self.for_contract(slug).survey_team_schedules)


@cache
def catalogue() -> SurveyCatalogue:
    result, errors = read_yaml(
        SURVEYS_YAML, SurveyCatalogue, what="survey questions", unknown_key="question set"
    )
    if result is None:
        raise YamlInvalid(errors)
    return result
