"""What happens to one referral: decision, contact attempts, risk, notes, states and closure.

Only the choices live here (who, when, which outcome); every row is written by `CaseRecorder`,
which follows the services' rules. Nothing is recorded after `now`, so recent cases are open
with tasks due today or later, and older ones run to closure and follow-up.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone

from haven.accounts.models import User
from haven.casework.models import (
    Agency,
    CaseState,
    ContactAttempt,
    NeedsStage,
    NoteType,
    Task,
    TaskStatus,
)
from haven.demodata.daytime import daytime
from haven.demodata.directory import need_area_for
from haven.demodata.exits import (
    ExitsPlan,
    exit_reason_for,
    exits_rng,
    not_contactable_reason_for,
    play_exclusion,
)
from haven.demodata.follow_up_story import FollowUpStory
from haven.demodata.onward import OnwardReferrals
from haven.demodata.outcomes import OutcomeJourney
from haven.demodata.plans import ChildLink, PlanJourney
from haven.demodata.recorder import CaseRecorder
from haven.demodata.safeguarding import SafeguardingJourney
from haven.risk.engine import Answer, ChecklistDefinition
from haven.risk.models import ScreeningTool
from haven.risk.selectors import RiskSettings

ONWARD_STREAM = 0x0A7A2D  # mixed into the case id: onward referrals' own random stream
RISK_EXTRAS_STREAM = 0x12C4A5  # and changes of risk and screening's (issue 12)
# seed 004 s6.2-s6.4: the Cornwall refuge screens for ACEs, mental health, alcohol and drugs
SCREENING_CONTRACTS = {"cornwall-mens-refuge-2021"}
CHANGE_REASONS = [
    "Ex-partner released from custody",
    "New threats by text message",
    "Ex-partner seen near the refuge",
    "Breach of a non-molestation order",
    "Separation: ex-partner told of the move",
    "Child contact dispute escalating",
]
PHONE_METHODS = {"home_phone", "mobile_phone", "work_phone"}
WRITTEN = {
    "email": ("email", "email_sent"),
    "post": ("letter", "letter_sent"),
    "sms": ("sms", "sms_sent"),
}
OVERRIDES = [
    "They asked us to call this number today",
    "Agreed with them at the last call",
    "Safe number confirmed by the referrer this morning",
]
NOTE_TEXTS = {
    NoteType.CONTACT: [
        "Spoke about safety planning; agreed to keep the phone charged and a bag packed.",
        "Talked through options for a non-molestation order; will think about it.",
        "Checked in; feeling more settled this week, children back at school.",
        "Discussed housing options and the local refuge vacancy list.",
    ],
    NoteType.PROFESSIONAL: [
        "Spoke with the housing officer about a management transfer.",
        "Call from the school safeguarding lead; information shared with consent.",
        "Liaised with the police officer in the case about bail conditions.",
    ],
    NoteType.CASE_NOTE: [
        "Support plan reviewed; actions updated.",
        "Referral to the counselling service sent.",
        "Sanctuary scheme request submitted.",
    ],
    NoteType.SAFEGUARDING: [
        "Children's social care informed of the latest incident, with consent."
    ],
    NoteType.MANAGEMENT: ["Case discussed in supervision; plan agreed."],
}
PLANNED_REASONS = [
    "Support plan completed; feels safer and knows how to get help",
    "Goals met; agreed to end support",
    "Moved on to longer-term specialist support",
]
UNPLANNED_REASONS = [
    "Disengaged after repeated contact attempts",
    "Moved out of the area",
    "Declined further support",
]
NOT_CONTACTABLE_REASON = "Not contactable: attempts made and final letter sent"
EXCLUDED_REASON = "Excluded: see the exclusion record and its appeal"
OVERRIDE_REASONS = {
    "exit_risk_assessment": "Ended without notice; no exit assessment possible",
    "exit_interview": "Left the refuge without notice",
    "needs_reassessment": "Not reachable to repeat the needs assessment",
    "onward_referral": "No onward referral wanted",
}

INTERVIEW_METHODS = ["in_person", "phone", "video", "declined"]
INTERVIEW_SUMMARIES = [
    "Feels safer and knows how to get help again",
    "Found the safety planning most useful",
    "Would have liked more contact in the first weeks",
]
REASSESSMENT_SUMMARIES = [
    "Housing settled; still wants counselling",
    "Safety improved; money worries remain",
    "Children settled at school; court date still to come",
]
# (agency, agency type, need): synthetic names, one per common kind of onward referral
ONWARD_AGENCIES = [
    ("Synthetic Housing Options", "housing", "housing"),
    ("Synthetic Talking Therapies", "mental_health", "mental health"),
    ("Synthetic Recovery Service", "substance_misuse", "alcohol"),
    ("Synthetic Family Law Solicitors", "legal", "child arrangements"),
    ("Synthetic Sanctuary Scheme", "target_hardening", "home security"),
    ("Synthetic Counselling Centre", "counselling", ""),
    ("Synthetic IDVA Service", "idva", "high-risk support"),
    ("Synthetic Adult Social Care", "social_care_adults", "care and support needs"),
    ("Synthetic Children's Services", "social_care_children", "children's safety"),
]


@dataclass(frozen=True)
class Staff:
    """Who does the work on a case: the allocated worker and the team's leader."""

    worker: User
    leader: User


@dataclass(frozen=True)
class RiskTools:
    definition: ChecklistDefinition
    settings: RiskSettings


def risk_answers(
    definition: ChecklistDefinition, level: str, rng: random.Random
) -> dict[str, Answer]:
    """Answers whose yes count gives roughly the wanted level under the profile thresholds."""
    keys = list(definition.item_keys)
    yes = {"high": rng.randint(14, 20), "medium": rng.randint(10, 13)}.get(level, rng.randint(1, 9))
    chosen = set(rng.sample(keys, min(yes, len(keys))))
    return {
        key: Answer.YES if key in chosen else rng.choice([Answer.NO, Answer.NO, Answer.DONT_KNOW])
        for key in keys
    }


# Support sessions (issue 11): modes by weight in `support_session`, minutes by mode, coverage.
SESSION_MODES = ["telephone", "face_to_face", "web_chat", "video", "court", "group"]
SESSION_MINUTES = {
    "telephone": (15, 60),
    "face_to_face": (45, 120),
    "web_chat": (20, 60),
    "video": (30, 60),
    "court": (120, 420),
    "group": (90, 120),
}
SESSION_COVERAGE = ("safety_planning", "emotional_support", "practical_support")
# Legal proceedings (issue 11): recorded at a case's first court session, on the contracts whose
# seeds ask for court work (seed 000 s6 prosecutions, seed 001 Lots 3-4, seed 002 s3.8 court
# proceedings, seed 003 s13 legal proceedings, seed 004 s6.8 court proceedings).
COURT_WORK = {
    "opcc-dv360",
    "leicester-victim-survivor-2012",
    "leicester-perpetrator-2012",
    "victim-first-2018",
    "wokingham-da-2017",
    "cornwall-mens-refuge-2021",
}
PROCEEDING_KINDS = {  # kind: (weight, court)
    "criminal_prosecution": (6, "magistrates"),
    "non_molestation_order": (3, "family"),
    "restraining_order": (1, "magistrates"),
    "occupation_order": (1, "family"),
    "dvpo": (1, "magistrates"),
    "child_arrangements": (1, "family"),
}
PERPETRATOR_KINDS = ("criminal_prosecution", "restraining_order")
PROSECUTION_OUTCOMES = {"guilty_plea": 5, "found_guilty": 2, "acquitted": 1, "discontinued": 2}
ORDER_OUTCOMES = {"granted": 6, "refused": 1, "withdrawn": 1}


class Journey(OnwardReferrals):
    """Plays one accepted referral's case forward from opening to `now`."""

    def __init__(
        self,
        recorder: CaseRecorder,
        *,
        rng: random.Random,
        now: datetime,
        staff: Staff,
        risk: RiskTools,
        support_days: tuple[int, int],
        first_risk_chance: float,
        children: tuple[ChildLink, ...] = (),
        directory: dict[str, list[Agency]] | None = None,
        exits: ExitsPlan | None = None,
    ) -> None:
        self.r, self.rng, self.now, self.staff, self.risk = recorder, rng, now, staff, risk
        # onward referrals' agencies and outcomes draw from their own stream (issue 11 item 4)
        self.directory = directory or {}
        self.onward_rng = random.Random(recorder.case.id.int ^ ONWARD_STREAM)
        self.risk_extras_rng = random.Random(recorder.case.id.int ^ RISK_EXTRAS_STREAM)
        self.exits = exits
        # exit reasons and exclusions draw from their own stream too
        self.exits_rng = exits_rng(recorder.case)
        self.support_days = support_days
        self.first_risk_chance = first_risk_chance
        self.next_state = ""  # what a successful contact leads to, when the profile asks
        # support sessions draw from their own stream, so the rest of the demo is unchanged
        self.session_rng = random.Random(recorder.case.id.int)
        self.proceeding_rng = random.Random(recorder.case.id.int + 1)  # and so do proceedings
        # follow-ups and surveys too (haven/demodata/follow_up_story.py)
        self.follow_ups = FollowUpStory(
            recorder,
            now=now,
            worker=staff.worker,
            leader=staff.leader,
            safe_time=self.within_safe_times,
        )
        self.last_attempt: ContactAttempt | None = None
        self.baseline: dict[str, int] = {}  # the initial needs assessment's levels, by area
        self.children = list(children)  # the survivor's household: plans for each child

    def play(self) -> None:
        r, rng = self.r, self.rng
        r.open(opened_by=self.staff.leader)
        if self.r.case.contract.slug == "cornwall-mens-refuge-2021" and rng.random() < 0.9:
            self.assess("referral", r.case.opened_at + timedelta(hours=rng.uniform(0.5, 6)))
        fate = rng.choices(
            ["engaged", "not_contactable", "declined", "waiting_list"], weights=[80, 9, 6, 5]
        )[0]
        if fate == "waiting_list" and not self._may_wait():
            fate = "engaged"
        # a profile with first_contact.on_success: ask has the worker say what a successful
        # contact leads to (a declined fate declines later, after engaging)
        asks = r.profile.first_contact is not None and r.profile.first_contact.on_success == "ask"
        self.next_state = ("waiting_list" if fate == "waiting_list" else "engaged") if asks else ""
        contacted_at = self.first_contact(reachable=fate != "not_contactable")
        if contacted_at is None:
            self.not_contactable()
        else:
            self.support(contacted_at, fate)
        r.mark_breached(self.now)

    # -- first contact --------------------------------------------------------------------------
    def _first_due(self) -> datetime:
        contact_tasks = [
            t
            for t in self.r.outstanding()
            if t.action in {"phone_contact", "contact_any", "visit_done"}
        ]
        if contact_tasks:
            return min(t.due_at for t in contact_tasks)
        return self.r.case.opened_at + timedelta(days=3)

    def _in_time(self, start: datetime, due: datetime, on_time: bool) -> datetime:
        """A working-hours moment before `due` (on time) or after it (late), when there is one."""
        if on_time and due > start:
            moment = start + (due - start) * self.rng.uniform(0.05, 0.9)
            in_hours = daytime(moment, self.rng)
            return in_hours if in_hours <= due else moment
        return daytime(max(due, start) + timedelta(hours=self.rng.uniform(1, 60)), self.rng)

    def within_safe_times(self, at: datetime) -> datetime:
        """Workers call and text within the person's safe times: the next safe half hour."""
        windows = self.r.preferences.safe_times
        moment = at
        for _ in range(4 * 48):
            if not windows or any(window.contains(moment) for window in windows):
                return moment
            moment += timedelta(minutes=30)
        return at

    def attempt(
        self,
        channel: str,
        outcome: str,
        at: datetime,
        direction: str = "outbound",
        for_task: Task | None = None,
    ) -> bool:
        """Record an attempt if it happened before now; False when it lies in the future.
        `for_task`: the follow-up it is made for."""
        if direction == "outbound" and channel in {"phone", "sms"}:
            at = self.within_safe_times(at)
        if at > self.now:
            return False
        self.last_attempt = self.r.attempt(
            channel=channel,
            outcome=outcome,
            at=at,
            actor=self.staff.worker,
            direction=direction,
            override_reason=self.rng.choice(OVERRIDES),
            next_state=self.next_state,
            for_task=for_task,
        )
        return True

    def first_contact(self, *, reachable: bool) -> datetime | None:
        """Attempts by the chosen method; the time of the first successful contact, or None."""
        r, rng = self.r, self.rng
        method = r.referral.contact_method
        start = r.case.opened_at + timedelta(minutes=rng.randrange(5, 240))
        on_time = rng.random() < 0.88
        if method in WRITTEN:
            channel, sent = WRITTEN[method]
            same_day = start if on_time else start + timedelta(days=1)
            if not self.attempt(channel, sent, same_day):
                return None
            if not reachable:
                return None
            reply = same_day + timedelta(hours=rng.uniform(2, 96))
            return reply if self.attempt("phone", "reached", reply, direction="inbound") else None
        if method == "in_person":
            if not self.attempt(
                "letter", "letter_sent", start if on_time else start + timedelta(days=1)
            ):
                return None
            visit = self._in_time(start, self._first_due(), on_time and reachable)
            if not reachable:
                self.attempt("visit", "visit_no_answer", daytime(visit, rng))
                return None
            return visit if self.attempt("visit", "visit_done", visit) else None
        # Phone (and every contract without a written first-contact rule).
        success = self._in_time(start, self._first_due(), on_time)
        failures = rng.choices([0, 1, 2], weights=[60, 28, 12])[0] if reachable else 3
        gaps = sorted(rng.uniform(0, 1) for _ in range(failures))
        end = success if reachable else start + timedelta(hours=rng.uniform(24, 72))
        for gap in gaps:
            outcome = (
                "voicemail_left"
                if r.preferences.voicemail_allowed and rng.random() < 0.5
                else "no_answer"
            )
            if not self.attempt("phone", outcome, start + (end - start) * gap * 0.95):
                return None
        if not reachable:
            return None
        if r.case.contract.slug == "target-hardening-2018":
            if not self.attempt("phone", "reached", success):
                return None
            visit = success + timedelta(hours=rng.uniform(4, 72))
            self.attempt("visit", "visit_done", visit)
            return success
        return success if self.attempt("phone", "reached", success) else None

    def not_contactable(self) -> None:
        r, rng = self.r, self.rng
        if r.case.final_letter_requested_at is not None:
            # seed 002 s3.7: the final letter, usually the same day
            letter_at = r.case.final_letter_requested_at + timedelta(
                hours=rng.choice([1, 2, 3, 30])
            )
            if not self.attempt("letter", "letter_sent", letter_at):
                return
            decided = letter_at + timedelta(days=rng.uniform(5, 15))
        else:
            if r.case.state == CaseState.NEW:
                return
            decided = r.case.opened_at + timedelta(days=rng.uniform(7, 20))
        if decided > self.now:
            return
        r.change_state(
            to_state=CaseState.NOT_CONTACTABLE,
            actor=self.staff.worker,
            at=decided,
            not_contactable_reason=not_contactable_reason_for(self.exits_rng),
        )
        closed = decided + timedelta(days=rng.uniform(7, 30))
        if closed <= self.now and rng.random() < 0.9:
            self.close(closed, planned=False, reason=NOT_CONTACTABLE_REASON)

    # -- support --------------------------------------------------------------------------------
    def _may_wait(self) -> bool:
        spec = self.r.profile.waiting_list
        cohorts = set(self.r.referral.cohorts)
        return bool(spec and spec.allowed and not cohorts & set(spec.exempt_cohorts))

    def assess(self, stage: str, at: datetime) -> None:
        if at > self.now:
            return
        level = self.r.case.risk_level or "standard"
        if stage == "exit" and self.rng.random() < 0.6:
            # support usually lowers risk by closure (returns count "reduced risk at closure")
            level = {"high": "medium", "medium": "standard"}.get(level, level)
        elif self.rng.random() < 0.25:
            level = self.rng.choice(["standard", "medium", "high"])
        self.r.risk_assessment(
            stage=stage,
            at=at,
            actor=self.staff.worker,
            answers=risk_answers(self.risk.definition, level, self.rng),
            definition=self.risk.definition,
            settings=self.risk.settings,
            incidents_last_12_months=self.rng.choice([None, 0, 1, 2, 4]),
        )

    def support(self, contacted_at: datetime, fate: str) -> None:
        r, rng, worker = self.r, self.rng, self.staff.worker
        # the successful contact moved the case on (engaged, or the waiting list when asked)
        if rng.random() < self.first_risk_chance:
            self.assess("first_contact", contacted_at + timedelta(hours=rng.uniform(0.2, 30)))
        if fate == "declined":
            at = contacted_at + timedelta(days=rng.uniform(0, 7))
            if at > self.now:
                return
            self.pass_on(contacted_at, at)
            r.change_state(
                to_state=CaseState.DECLINED, actor=worker, at=at, reason="Does not want support now"
            )
            closed = at + timedelta(days=rng.uniform(3, 20))
            if closed <= self.now and rng.random() < 0.85:
                self.close(closed, planned=False, reason="Declined support")
            return
        length = timedelta(days=rng.uniform(*self.support_days))
        end = contacted_at + length
        if fate == "waiting_list":
            joined = contacted_at  # put on the waiting list when the contact was recorded
            started = joined + timedelta(days=rng.uniform(7, 40))
            if started > self.now:
                return
            r.change_state(
                to_state=CaseState.ENGAGED, actor=worker, at=started, reason="Space available"
            )
            end = started + length
        self.needs_assessment(contacted_at, end)
        began = end - length  # first contact, or leaving the waiting list
        PlanJourney(r, worker=worker, now=self.now).play(began, end, self.children)
        SafeguardingJourney(r, worker=worker, now=self.now).play(began, end, self.children)
        self.referrals_for_needs(contacted_at, end)
        self.contacts_and_notes(contacted_at, min(end, self.now))
        self.risk_extras(contacted_at, end)
        outcomes = OutcomeJourney(self.r, actor=worker, now=self.now)
        if end > self.now:
            outcomes.play(started=contacted_at, end=end, planned_exit=False)
            return
        planned = rng.random() < 0.75
        outcomes.play(started=contacted_at, end=end, planned_exit=planned)
        if planned:
            self.exit_work(end)
        reason = rng.choice(PLANNED_REASONS if planned else UNPLANNED_REASONS)
        if not planned and self.exclude(end):
            self.close(end, planned=False, reason=EXCLUDED_REASON, exit_reason="excluded")
            return
        self.close(end, planned=planned, reason=reason)

    def risk_extras(self, contacted_at: datetime, end: datetime) -> None:
        """Screening early in support (seed 004 s6.2-s6.4) and, now and then, a change of risk
        with the reassessment after it (seed 004 s4.2): their own random stream."""
        rng, worker, last = self.risk_extras_rng, self.staff.worker, min(end, self.now)
        if self.r.case.contract.slug in SCREENING_CONTRACTS:
            at = contacted_at + timedelta(days=rng.uniform(1, 14))
            if at <= last:
                self.screen(at)
        if rng.random() >= 0.12:
            return
        changed = contacted_at + (end - contacted_at) * rng.uniform(0.2, 0.8)
        if changed > last:
            return
        self.r.risk_change(actor=worker, at=changed, reason=rng.choice(CHANGE_REASONS))
        reassessed = changed + timedelta(days=rng.uniform(0.2, 3))
        if reassessed <= last and rng.random() < 0.85:
            now_level = self.r.case.risk_level or "standard"
            level = rng.choice(["medium", "high"]) if now_level != "high" else "high"
            self.r.risk_assessment(
                stage="incident",
                at=reassessed,
                actor=worker,
                answers=risk_answers(self.risk.definition, level, rng),
                definition=self.risk.definition,
                settings=self.risk.settings,
                incidents_last_12_months=rng.choice([None, 1, 2, 3]),
            )

    def screen(self, at: datetime) -> None:
        """ACEs asked, mental health flags, AUDIT and DUDIT totals (scores only, ADR 0014)."""
        rng, worker, on = self.risk_extras_rng, self.staff.worker, timezone.localdate(at)
        mental_health = {
            "mh_diagnosis": rng.random() < 0.25,
            "mh_keyworker_identified": rng.random() < 0.4,
            "mh_service_involvement": rng.random() < 0.2,
        }
        audit = rng.choices([(0, 7), (8, 15), (16, 19), (20, 40)], weights=[65, 20, 8, 7])[0]
        dudit = rng.choices([(0, 5), (6, 24), (25, 44)], weights=[75, 18, 7])[0]
        for tool, answers in (
            (ScreeningTool.ACES, {"aces_asked": rng.random() < 0.85}),
            (ScreeningTool.MENTAL_HEALTH, mental_health),
            (ScreeningTool.AUDIT, {"score": rng.randint(*audit)}),
            (ScreeningTool.DUDIT, {"score": rng.randint(*dudit)}),
        ):
            self.r.screening(actor=worker, at=at, on=on, tool=tool, answers=answers)

    def exclude(self, end: datetime) -> bool:
        """seed 003 s8, seed 004 s6.10: on a contract that publishes exclusion criteria, the
        first unplanned endings (two per contract) are exclusions after attempts to re-engage."""
        if self.exits is None:
            return False
        slug = self.r.case.contract.slug
        number = self.exits.take_exclusion(slug)
        if number is None:
            return False
        play_exclusion(
            self.r,
            self.exits_rng,
            number=number,
            worker=self.staff.worker,
            leader=self.staff.leader,
            manager=self.exits.appeal_manager,
            criteria=self.exits.criteria[slug],
            end=end - timedelta(hours=1),
            now=self.now,
        )
        return True

    def needs_assessment(self, contacted_at: datetime, end: datetime) -> None:
        """Where the profile defines areas (seed 002 s3.9), the initial needs assessment a few
        days after first contact, meeting its open deadline, with a level per area."""
        spec = self.r.profile.needs_assessment
        if spec is None:
            return
        at = daytime(contacted_at + timedelta(days=self.rng.uniform(1, 6)), self.rng)
        if at > min(end, self.now):
            return
        task = next(
            (
                t
                for t in self.r.outstanding()
                if t.action == "needs_assessment" and t.status == TaskStatus.OPEN
            ),
            None,
        )
        self.baseline = {area.key: self.rng.choice([1, 2, 2, 3, 3]) for area in spec.areas}
        self.r.needs_assessment(
            actor=self.staff.worker,
            at=at,
            stage=NeedsStage.INITIAL,
            task=task,
            levels=self.baseline,
        )

    def exit_levels(self) -> dict[str, int] | None:
        """The areas scored again before closure: most needs lower after support (distance
        travelled, seed 002 s7), some the same, a few higher."""
        if not self.baseline:
            return None
        return {
            area: max(0, min(3, level + self.rng.choice([-2, -1, -1, -1, 0, 0, 1])))
            for area, level in self.baseline.items()
        }

    def contacts_and_notes(self, start: datetime, end: datetime) -> None:
        r, rng, worker = self.r, self.rng, self.staff.worker
        at = start + timedelta(days=rng.uniform(2, 10))
        last_note = None
        while at < end:
            moment = daytime(at, rng)
            if moment >= end:
                break
            reached = rng.random() < 0.75
            self.attempt("phone", "reached" if reached else "no_answer", moment)
            if reached:
                self.support_session(moment)
                note_type = rng.choices(list(NOTE_TEXTS), weights=[6, 2, 2, 1, 1])[0]
                recorded = moment + timedelta(minutes=rng.randrange(10, 600))
                if recorded <= self.now:
                    last_note = r.note(
                        author=worker,
                        note_type=note_type,
                        text=rng.choice(NOTE_TEXTS[note_type]),
                        happened_at=moment,
                        recorded_at=recorded,
                    )
            at = moment + timedelta(days=rng.uniform(5, 21))
        if last_note is not None and rng.random() < 0.1:
            recorded = last_note.recorded_at + timedelta(days=2)
            if recorded <= self.now:
                r.note(
                    author=worker,
                    note_type=last_note.note_type,
                    text="Correction: the call was with the housing officer, not the landlord.",
                    happened_at=last_note.happened_at,
                    recorded_at=recorded,
                    corrects=last_note,
                )

    def support_session(self, at: datetime) -> None:
        """The support given in a successful contact: its mode, length and what it covered."""
        rng = self.session_rng
        mode = rng.choices(SESSION_MODES, weights=[10, 6, 2, 2, 1, 1])[0]
        low, high = SESSION_MINUTES[mode]
        covered = {item for item in SESSION_COVERAGE if rng.random() < 0.3}
        if mode == "court":
            covered |= {"legal_proceedings_supported"}
            covered |= {"specialist_dv_court"} if rng.random() < 0.5 else set()
            covered |= {"vps_enabled"} if rng.random() < 0.4 else set()
        # seed 001 Lot 1: the Family Service works with the child and their parents and carers
        with_whom = "survivor"
        if self.r.case.contract.slug == "leicester-family-2012":
            with_whom = rng.choices(["survivor", "parent_carer", "child"], weights=[3, 2, 1])[0]
        self.r.support_session(
            actor=self.staff.worker,
            at=at,
            mode=mode,
            session_with=with_whom,
            duration_minutes=rng.randrange(low, high + 1, 5),
            covered=frozenset(covered),
            new_id=lambda: uuid.UUID(int=rng.getrandbits(128), version=4),
        )
        if mode == "court":
            self.proceeding(at, specialist="specialist_dv_court" in covered)

    def proceeding(self, at: datetime, *, specialist: bool) -> None:
        """At the case's first court session, the proceeding it was for: started weeks before
        (perhaps before the case opened), its outcome at this hearing or the next one to come."""
        slug = self.r.case.contract.slug
        if slug not in COURT_WORK or self.r.proceedings:
            return
        rng = self.proceeding_rng
        kinds = (
            PERPETRATOR_KINDS if slug == "leicester-perpetrator-2012" else tuple(PROCEEDING_KINDS)
        )
        kind = rng.choices(kinds, weights=[PROCEEDING_KINDS[k][0] for k in kinds])[0]
        day = timezone.localdate(at)
        outcomes = PROSECUTION_OUTCOMES if kind == "criminal_prosecution" else ORDER_OUTCOMES
        decided = rng.random() < 0.7
        outcome = rng.choices(list(outcomes), weights=list(outcomes.values()))[0] if decided else ""
        self.r.proceeding(
            actor=self.staff.worker,
            at=at,
            kind=kind,
            court_type=PROCEEDING_KINDS[kind][1],
            specialist_dv_court=specialist and PROCEEDING_KINDS[kind][1] == "magistrates",
            started_on=day - timedelta(days=rng.randint(14, 120)),
            outcome=outcome,
            outcome_on=day if decided else None,
            next_hearing_on=None if decided else day + timedelta(days=rng.randint(14, 60)),
            new_id=lambda: uuid.UUID(int=rng.getrandbits(128), version=4),
        )

    def exit_work(self, end: datetime) -> None:
        """What a planned exit does first: the profile's exit requirements, as the apps record them."""
        r, worker = self.r, self.staff.worker
        before = end - timedelta(hours=self.rng.uniform(1, 48))
        required = r.exit_requirements()
        if "exit_risk_assessment" not in required and self.rng.random() < 0.4:
            self.assess(
                "exit", before
            )  # a closing checklist where the profile does not require one
        for key in required:
            if key == "exit_risk_assessment":
                self.assess("exit", before)
            elif key == "exit_interview":
                method = self.rng.choices(INTERVIEW_METHODS, weights=[5, 3, 1, 1])[0]
                summary = "" if method == "declined" else self.rng.choice(INTERVIEW_SUMMARIES)
                r.exit_interview(actor=worker, at=before, method=method, summary=summary)
            elif key == "needs_reassessment":
                r.needs_assessment(
                    actor=worker,
                    at=before,
                    stage=NeedsStage.EXIT,
                    summary=self.rng.choice(REASSESSMENT_SUMMARIES),
                    levels=self.exit_levels(),
                )
        # an onward referral where the profile requires one, and on half the other planned exits
        # (returns count them by agency type)
        if "onward_referral" in required or self.rng.random() < 0.5:
            agency, agency_type, need = self.rng.choice(ONWARD_AGENCIES)
            listed = self.directory.get(agency_type)
            referral = r.onward_referral(
                actor=worker,
                at=before,
                agency=agency,
                agency_type=agency_type,
                need=need,
                directory_agency=self.onward_rng.choice(listed) if listed else None,
                need_area=need_area_for(agency_type, self._area_keys()),
            )
            self.referral_outcome(referral, made_at=before, until=end)

    def close(self, at: datetime, *, planned: bool, reason: str, exit_reason: str = "") -> None:
        r, rng = self.r, self.rng
        overrides = {key: OVERRIDE_REASONS[key] for key in r.exit_requirements()}
        self.follow_ups.before_close(at, planned=planned)
        chosen, not_contactable, text = exit_reason_for(
            self.exits_rng, planned=planned, text=reason
        )
        r.close(
            closed_by=self.staff.worker,
            exit_type="planned" if planned else "unplanned",
            exit_reason=exit_reason or chosen,
            # marked not contactable first: the reason given then stands
            not_contactable_reason="" if r.case.not_contactable_reason else not_contactable,
            reason=reason if exit_reason else text,
            overrides=overrides,
            at=at,
        )
        # Follow-up contacts after closure (most on time, some late, some never made).
        if r.case.first_contact_at is None:
            return
        for task in sorted(r.outstanding(), key=lambda t: t.due_at):
            if task.action != "contact_any" or task.status != TaskStatus.OPEN:
                continue
            roll = rng.random()
            if roll < 0.15:
                self.follow_ups.not_reached(task)
                continue  # never reached: the cron marks it breached
            if roll < 0.85:
                lead = min(timedelta(days=14), (task.due_at - at) * 0.9)
                when = task.due_at - lead * rng.uniform(0.05, 1)
            else:
                when = task.due_at + timedelta(hours=rng.uniform(1, 60))
            self.follow_ups.tried_before(task, when)
            if self.attempt("phone", "reached", when, for_task=task) and self.last_attempt:
                self.follow_ups.reached(task, self.last_attempt)
        self.follow_ups.after_close(at)
