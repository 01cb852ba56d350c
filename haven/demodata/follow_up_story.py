"""What happens around and after a case closes, for the follow-ups app: surveys at the end of a
target-hardening visit and at exit, the follow-up contacts (some not reached, some surveys
declined), and the DV 360 hand-off to the police survey team with the results it returns.

Draws from its own stream (seeded by the case id), so the rest of the demo is unchanged.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta

from haven.accounts.models import User
from haven.casework.models import CaseState, ContactAttempt, Task, TaskStatus
from haven.demodata.follow_ups import survey_answers
from haven.demodata.recorder import CaseRecorder
from haven.followups.questions import catalogue

STREAM = 0x5F0110  # mixed into the case id: the follow-ups' own stream
OVERRIDE = "Checked with the person at the last contact: this number is safe now"


class FollowUpStory:
    def __init__(
        self,
        recorder: CaseRecorder,
        *,
        now: datetime,
        worker: User,
        leader: User,
        safe_time: Callable[[datetime], datetime],
    ) -> None:
        self.r, self.now, self.worker, self.leader = recorder, now, worker, leader
        self.safe_time = safe_time
        self.rng = random.Random(recorder.case.id.int ^ STREAM)
        self.slug = recorder.case.contract.slug

    def new_id(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def _questions(self, occasion: str) -> list[str]:
        return [key for key, _ in catalogue().questions_for(self.slug, occasion)]

    def _survey(self, occasion: str, at: datetime, actor: User, **follow_up: object) -> None:
        questions = self._questions(occasion)
        if not questions or at > self.now:
            return
        declined = self.rng.random() < 0.2
        self.r.survey(
            occasion=occasion,
            at=at,
            actor=actor,
            answers={} if declined else survey_answers(questions, self.rng),
            declined=declined,
            new_id=self.new_id,
            **follow_up,  # type: ignore[arg-type]
        )

    def before_close(self, at: datetime, *, planned: bool) -> None:
        """seed 002 Lot 2 s3.1: a survey at the end of the visit; an exit survey on some planned
        exits where the contract asks one."""
        if self.r.case.first_contact_at is None or self.r.case.state != CaseState.ENGAGED:
            return
        if self._questions("end_of_visit") and self.rng.random() < 0.8:
            self._survey("end_of_visit", at - timedelta(hours=self.rng.uniform(1, 4)), self.worker)
        if planned and self._questions("exit") and self.rng.random() < 0.5:
            when = at - timedelta(minutes=self.rng.randrange(20, 90))
            self._survey("exit", when, self.worker)

    def _unanswered(self, task: Task, at: datetime) -> None:
        at = self.safe_time(at)
        closed = self.r.case.closed_at
        if at > self.now or closed is None or at <= closed:
            return
        attempt = self.r.attempt(
            channel="phone",
            outcome="no_answer",
            at=at,
            actor=self.worker,
            override_reason=OVERRIDE,
            for_task=task,
            new_id=self.new_id,
        )
        self.r.follow_up_contact(task=task, attempt=attempt, reached=False, new_id=self.new_id)

    def not_reached(self, task: Task) -> None:
        """A follow-up tried but never answered (it is missed at its due time)."""
        if self.rng.random() < 0.7:
            self._unanswered(task, task.due_at - timedelta(days=self.rng.uniform(0.5, 5)))

    def tried_before(self, task: Task, when: datetime) -> None:
        """Sometimes the first call for a follow-up goes unanswered."""
        if self.rng.random() < 0.25:
            self._unanswered(task, when - timedelta(days=self.rng.uniform(1, 3)))

    def reached(self, task: Task, attempt: ContactAttempt) -> None:
        """The follow-up contact, and the survey (or the person declining it)."""
        contact = self.r.follow_up_contact(
            task=task, attempt=attempt, reached=True, new_id=self.new_id
        )
        self._survey(
            "follow_up",
            attempt.attempted_at,
            self.worker,
            follow_up=contact,
            schedule_key=task.rule_key,
        )

    def after_close(self, closed_at: datetime) -> None:
        """seed 000 s5: the survey team's follow-ups passed to it, and the results it returns;
        seed 002 s7: Victim First's independent police survey results for some victims."""
        if self.r.case.first_contact_at is None:
            return
        schedules = catalogue().survey_team_schedules(self.slug)
        if not schedules:
            if self._questions("survey_team") and self.rng.random() < 0.35:
                at = closed_at + timedelta(days=self.rng.uniform(20, 60))
                self._survey("survey_team", at, self.leader)
            return
        for task in self.r.tasks:
            if task.rule_key not in schedules or task.status == TaskStatus.CANCELLED:
                continue
            if self.rng.random() >= 0.9:
                continue  # not passed yet: on the hand-off list
            passed = max(
                closed_at + timedelta(hours=2),
                task.due_at - timedelta(days=self.rng.uniform(0, 7)),
            )
            if passed > self.now:
                continue
            self.r.survey_team_hand_off(task=task, at=passed, actor=self.leader, new_id=self.new_id)
            if self.rng.random() < 0.6:
                at = task.due_at + timedelta(days=self.rng.uniform(1, 20))
                self._survey("survey_team", at, self.leader)
