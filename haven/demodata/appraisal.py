"""Demo 360-degree appraisals (seed 001 s14: the contract officer's questionnaire to
stakeholders, staff and service users) for the Leicester contracts, issue 16: one round a year
(each May) with anonymous responses by group, some from paper and some through links, and the
"you said, we did" log with most items acted on. Ids from their own random stream."""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime, timedelta
from typing import Any

from django.utils import timezone

from haven.accounts.models import Membership
from haven.accounts.roles import Role
from haven.appraisal.models import (
    AppraisalAnswer,
    AppraisalQuestion,
    AppraisalResponse,
    AppraisalRound,
    FeedbackItem,
    RespondentGroup,
    Source,
)
from haven.appraisal.services import catalogue_questions
from haven.contracts.models import Contract

STREAM = 33  # this part's own random stream: seed + STREAM
RESPONDENTS = {"stakeholder": 12, "staff": 8, "service_user": 15}
FEEDBACK = (
    ("More appointments in the evening, after work", "Thursday evening sessions started"),
    ("The waiting room felt unsafe with children", "A separate family room was set up"),
    ("Letters arrive in envelopes with the service's name", "Plain envelopes used for all post"),
    ("Hard to reach my worker by phone", "A direct line and call-back within a day"),
    ("Information in Polish and Urdu, please", "Leaflets translated; interpreters offered"),
)
SCORES = (5, 5, 4, 4, 4, 3, 2)  # mostly agreeing


def demo_appraisal_reset(organisation: Any) -> None:
    contracts = Contract.objects.filter(provider=organisation)
    AppraisalRound.objects.filter(contract__in=contracts).delete()
    FeedbackItem.objects.filter(contract__in=contracts).delete()


def build_demo_appraisal(*, organisation: Any, seed: int, now: datetime) -> int:
    """A round a year (the last two) for every Leicester contract; returns the responses made."""
    rng = random.Random(seed + STREAM)
    manager = (
        Membership.objects.filter(organisation=organisation, role=Role.SERVICE_MANAGER)
        .order_by("user__email")
        .values_list("user_id", flat=True)
        .first()
    )
    if manager is None:
        return 0

    def new_id() -> uuid.UUID:
        return uuid.UUID(int=rng.getrandbits(128), version=4)

    today = timezone.localdate(now)
    rounds, questions, responses, answers, feedback = [], [], [], [], []
    for contract in Contract.objects.filter(
        provider=organisation, slug__startswith="leicester-"
    ).order_by("slug"):
        asked = catalogue_questions(contract)
        if not asked:
            continue
        for year in (today.year - 2, today.year - 1):
            opens = date(year, 5, 1)
            appraisal = AppraisalRound(
                id=new_id(),
                contract=contract,
                title=f"360-degree appraisal {year}",
                opens_on=opens,
                closes_on=opens + timedelta(days=30),
                created_by_id=manager,
            )
            rounds.append(appraisal)
            made = [
                AppraisalQuestion(
                    id=new_id(), round=appraisal, position=n, statement=s[:300], measure=m
                )
                for n, (s, m) in enumerate(asked, start=1)
            ]
            questions += made
            for group in RespondentGroup.values:
                for _ in range(RESPONDENTS[group]):
                    paper = rng.random() < 0.3
                    response = AppraisalResponse(
                        id=new_id(),
                        round=appraisal,
                        group=group,
                        source=Source.PAPER if paper else Source.LINK,
                        submitted_at=timezone.make_aware(
                            datetime.combine(
                                opens + timedelta(days=rng.randint(0, 29)), datetime.min.time()
                            )
                            + timedelta(hours=rng.randint(9, 20))
                        ),
                        entered_by_id=manager if paper else None,
                    )
                    responses.append(response)
                    answers += [
                        AppraisalAnswer(
                            id=new_id(), response=response, question=q, score=rng.choice(SCORES)
                        )
                        for q in made
                        if rng.random() < 0.9
                    ]
        for said, did in FEEDBACK:
            received = today - timedelta(days=rng.randint(20, 700))
            acted = rng.random() < 0.8
            feedback.append(
                FeedbackItem(
                    id=new_id(),
                    contract=contract,
                    received_on=received,
                    you_said=f"Synthetic: {said}",
                    we_did=f"Synthetic: {did}" if acted else "",
                    acted_on=min(received + timedelta(days=rng.randint(7, 60)), today)
                    if acted
                    else None,
                    recorded_by_id=manager,
                )
            )
    AppraisalRound.objects.bulk_create(rounds)
    AppraisalQuestion.objects.bulk_create(questions)
    AppraisalResponse.objects.bulk_create(responses)
    AppraisalAnswer.objects.bulk_create(answers)
    FeedbackItem.objects.bulk_create(feedback)
    return len(responses)
