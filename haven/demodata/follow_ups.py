"""Follow-ups and surveys as haven.followups' services write them: the follow-up contact row, the
survey with its answers, the survey-team hand-off, and their timeline entries, unsaved for
`bulk_create`. Ids come from the caller's stream (the case's follow-up stream), so the rest of the
demo draws what it drew before."""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from datetime import datetime
from uuid import UUID

from haven.accounts.models import User
from haven.casework.event_kinds import CaseEventKind
from haven.casework.models import Case, ContactAttempt, Task
from haven.core.table_writer import unsaved
from haven.followups.models import (
    FollowUpContact,
    Survey,
    SurveyAnswer,
    SurveyOccasion,
    SurveyTeamHandOff,
)


class FollowUpsRecorder:
    """Mixed into `CaseRecorder`, which gives the case and the timeline (`event`)."""

    case: Case
    event: Callable[..., None]

    def __init__(self) -> None:
        self.follow_up_contacts: list[FollowUpContact] = []
        self.surveys: list[Survey] = []
        self.survey_answers: list[SurveyAnswer] = []
        self.hand_offs: list[SurveyTeamHandOff] = []

    def follow_up_contact(
        self, *, task: Task, attempt: ContactAttempt, reached: bool, new_id: Callable[[], UUID]
    ) -> FollowUpContact:
        """`follow_up_contact_record`'s own row (the attempt is recorded by `attempt`)."""
        contact = unsaved(
            FollowUpContact,
            id=new_id(),
            case_id=self.case.id,
            task_id=task.id,
            attempt_id=attempt.id,
            reached=reached,
        )
        self.follow_up_contacts.append(contact)
        return contact

    def survey(
        self,
        *,
        occasion: str,
        at: datetime,
        actor: User,
        answers: Mapping[str, str],
        declined: bool,
        new_id: Callable[[], UUID],
        follow_up: FollowUpContact | None = None,
        schedule_key: str = "",
    ) -> None:
        """`survey_record`: the survey, one row per answer, and the timeline entry."""
        survey = unsaved(
            Survey,
            id=new_id(),
            case_id=self.case.id,
            occasion=occasion,
            follow_up_id=follow_up.id if follow_up else None,
            schedule_key=schedule_key,
            asked_at=at,
            declined=declined,
            recorded_by_id=actor.pk,
        )
        self.surveys.append(survey)
        if not declined:
            self.survey_answers += [
                unsaved(SurveyAnswer, id=new_id(), survey_id=survey.id, question=q, answer=a)
                for q, a in answers.items()
            ]
        label = SurveyOccasion(occasion).label
        self.event(
            kind=CaseEventKind.SURVEY,
            actor=actor,
            target=survey,
            summary=f"Survey ({label[0].lower()}{label[1:]}): "
            + ("declined" if declined else f"{len(answers)} questions answered"),
            data={},
            at=at,
            event_id=new_id(),
        )

    def survey_team_hand_off(
        self, *, task: Task, at: datetime, actor: User, new_id: Callable[[], UUID]
    ) -> None:
        """`survey_team_hand_off_record`: the row and its timeline entry."""
        hand_off = unsaved(
            SurveyTeamHandOff,
            id=new_id(),
            case_id=self.case.id,
            task_id=task.id,
            passed_at=at,
            passed_by_id=actor.pk,
        )
        self.hand_offs.append(hand_off)
        self.event(
            kind=CaseEventKind.SURVEY_TEAM_HAND_OFF,
            actor=actor,
            target=hand_off,
            summary=f"Passed to the police survey team: {task.label}",
            data={},
            at=at,
            event_id=new_id(),
        )

    def follow_up_rows(self) -> list[object]:
        return [*self.follow_up_contacts, *self.surveys, *self.survey_answers, *self.hand_offs]


# -- the story: what staff and the police survey team do after a case closes -----------------

YES_SHARE = {  # how often each question is answered yes (the rest: no or not sure)
    "satisfied": 0.88,
    "feel_safer": 0.78,
    "would_recommend": 0.86,
    "improved_family_life": 0.62,
    "reduced_stress": 0.6,
    "aware_of_services": 0.9,
    "know_how_to_report": 0.93,
    "is_safer": 0.7,
    "cope_and_recover": 0.74,
    "satisfied_with_accommodation_support": 0.84,
}


def survey_answers(questions: list[str], rng: random.Random) -> dict[str, str]:
    return {
        key: "yes"
        if rng.random() < YES_SHARE.get(key, 0.75)
        else rng.choice(["no", "no", "not_sure"])
        for key in questions
    }
