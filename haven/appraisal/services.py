"""The 360-degree appraisal's writes (seed 001 s14): a round with its questions, one-time links
for respondents, responses (from paper or a link, anonymous) and the "you said, we did" log.
Atomic and audited; the rules are checked here."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from haven.accounts.models import User
from haven.appraisal.models import (
    AppraisalAnswer,
    AppraisalLink,
    AppraisalQuestion,
    AppraisalResponse,
    AppraisalRound,
    FeedbackItem,
    RespondentGroup,
    Source,
)
from haven.contracts.models import Contract
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.validators import date_problem, refuse, text_problem

COMPUTATION = "appraisal_agreement"  # the measures a round's questions evidence
TEXT_LIMIT = 4_000
MAX_LINKS = 200


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def catalogue_questions(contract: Contract) -> list[tuple[str, str]]:
    """(statement, measure id) for every measure of the contract's catalogue the appraisal
    evidences (seed 001 s8: "360' appraisal"), in the catalogue's order."""
    found = []
    for measure in contract.profile.get("measures", []) or []:
        if isinstance(measure, dict) and measure.get("compute") == COMPUTATION:
            params = measure.get("params") or {}
            tag = str(params.get("question") or measure["id"])
            found.append((str(params.get("statement") or measure["label"]), tag))
    return found


def _check_runs(user: User, contract: Contract) -> None:
    if not user.has_perm("appraisal.run_round", contract):
        raise PermissionDenied


def round_is_open(appraisal: AppraisalRound, today: date | None = None) -> bool:
    today = today or timezone.localdate()
    return appraisal.opens_on <= today <= appraisal.closes_on


@transaction.atomic
def round_create(
    *,
    contract: Contract,
    title: str,
    opens_on: date | None,
    closes_on: date | None,
    created_by: User,
    extra_statements: tuple[str, ...] = (),
) -> AppraisalRound:
    """A round of the contract's appraisal, its questions the catalogue's appraisal measures
    (each tagged with its measure) and any extra statements (tagged with none)."""
    _check_runs(created_by, contract)
    title = title.strip()
    refuse(
        {
            "title": "Enter a title"
            if not title
            else text_problem(title, subject="Title", limit=200),
            "opens_on": "Enter the date it opens"
            if opens_on is None
            else date_problem(opens_on, subject="The date it opens"),
            "closes_on": "Enter the date it closes"
            if closes_on is None
            else "The date it closes must be the same as or after the date it opens"
            if opens_on is not None and closes_on < opens_on
            else date_problem(closes_on, subject="The date it closes"),
        }
    )
    questions = catalogue_questions(contract) + [
        (s.strip(), "") for s in extra_statements if s.strip()
    ]
    if not questions:
        refuse({"title": "This contract has no appraisal measures: add a statement"})
    assert opens_on is not None
    assert closes_on is not None
    appraisal = AppraisalRound.objects.create(
        contract=contract,
        title=title,
        opens_on=opens_on,
        closes_on=closes_on,
        created_by=created_by,
    )
    AppraisalQuestion.objects.bulk_create(
        AppraisalQuestion(round=appraisal, position=n, statement=s[:300], measure=m)
        for n, (s, m) in enumerate(questions, start=1)
    )
    audit_event(
        actor=created_by,
        action=AuditAction.CREATE,
        target=appraisal,
        changes={"opens_on": [None, opens_on], "closes_on": [None, closes_on]},
    )
    return appraisal


@transaction.atomic
def links_create(
    *, appraisal: AppraisalRound, group: str, count: int | None, created_by: User
) -> list[str]:
    """`count` one-time links for respondents of `group`; returns the tokens, shown once (only
    their SHA-256 is kept). Refused once the round has closed."""
    _check_runs(created_by, appraisal.contract)
    refuse(
        {
            "group": None if group in RespondentGroup.values else "Select who the links are for",
            "count": None
            if count is not None and 1 <= count <= MAX_LINKS
            else f"Enter a number of links from 1 to {MAX_LINKS}",
        }
    )
    if appraisal.closes_on < timezone.localdate():
        refuse({"count": "This round has closed: links are no longer made for it"})
    assert count is not None
    tokens = [secrets.token_urlsafe(32) for _ in range(count)]
    AppraisalLink.objects.bulk_create(
        AppraisalLink(
            round=appraisal, group=group, token_sha256=token_hash(t), created_by=created_by
        )
        for t in tokens
    )
    audit_event(
        actor=created_by,
        action=AuditAction.CREATE,
        target=appraisal,
        changes={"links": [None, count], "group": [None, group]},
    )
    return tokens


def link_for_token(token: str) -> AppraisalLink | None:
    """The link of this token, or None (unknown)."""
    if not token or len(token) > 100:
        return None
    return (
        AppraisalLink.objects.select_related("round__contract")
        .filter(token_sha256=token_hash(token))
        .first()
    )


def link_refusal(link: AppraisalLink | None, today: date | None = None) -> str | None:
    """Why this link takes no answers, or None."""
    if link is None:
        return "This link is not recognised. Check you have the whole link."
    if link.used_at is not None:
        return "This link has been used already. Thank you for your answers."
    if not round_is_open(link.round, today):
        return "This questionnaire is not open now."
    return None


def _answers(appraisal: AppraisalRound, scores: Mapping[Any, int | None]) -> list[AppraisalAnswer]:
    questions = {str(q.pk): q for q in appraisal.questions.all()}
    answers = []
    for key, score in scores.items():
        question = questions.get(str(key))
        if question is None:
            refuse({"__all__": "An answer is for a question not in this questionnaire"})
        if score is None:
            continue
        if score not in (1, 2, 3, 4, 5):
            refuse({f"q_{key}": "Select an answer from strongly agree to strongly disagree"})
        answers.append(AppraisalAnswer(question=question, score=score))
    if not answers:
        refuse({"__all__": "Answer at least one question"})
    return answers


@transaction.atomic
def response_record(
    *,
    appraisal: AppraisalRound,
    group: str,
    scores: Mapping[Any, int | None],
    entered_by: User | None = None,
    token: str = "",
    at: datetime | None = None,
) -> AppraisalResponse:
    """One anonymous response: entered by staff from paper (`entered_by`), or given through a
    one-time link (`token`, while the round is open; the link is then used up)."""
    at = at or timezone.now()
    if entered_by is not None:
        _check_runs(entered_by, appraisal.contract)
        source = Source.PAPER
        if timezone.localdate(at) < appraisal.opens_on:
            refuse({"__all__": "This round has not opened yet"})
    else:
        link = link_for_token(token)
        if link is not None:
            link = AppraisalLink.objects.select_for_update().get(pk=link.pk)
        refusal = link_refusal(link, timezone.localdate(at))
        if refusal or link is None or link.round_id != appraisal.pk:
            raise ValidationError(refusal or "This link is not recognised")
        group = link.group
        source = Source.LINK
        link.used_at = at
        link.save(update_fields=["used_at", "updated_at"])
    if group not in RespondentGroup.values:
        refuse({"group": "Select who gave the answers"})
    answers = _answers(appraisal, scores)
    response = AppraisalResponse.objects.create(
        round=appraisal, group=group, source=source, submitted_at=at, entered_by=entered_by
    )
    for answer in answers:
        answer.response = response
    AppraisalAnswer.objects.bulk_create(answers)
    audit_event(
        actor=entered_by,
        action=AuditAction.CREATE,
        target=response,
        changes={"group": [None, group], "source": [None, source]},
    )
    return response


def _feedback_problems(
    you_said: str, we_did: str, received_on: date | None, acted_on: date | None
) -> dict[str, str | None]:
    today = timezone.localdate()
    return {
        "you_said": "Enter what was said"
        if not you_said
        else text_problem(you_said, subject="What was said", limit=TEXT_LIMIT),
        "we_did": "Enter what the service did"
        if acted_on is not None and not we_did
        else text_problem(we_did, subject="What the service did", limit=TEXT_LIMIT),
        "received_on": "Enter the date it was received"
        if received_on is None
        else "The date it was received must be today or in the past"
        if received_on > today
        else date_problem(received_on, subject="The date it was received"),
        "acted_on": None
        if acted_on is None
        else "The date it was acted on must be today or in the past"
        if acted_on > today
        else "The date it was acted on must be the same as or after it was received"
        if received_on is not None and acted_on < received_on
        else None,
    }


@transaction.atomic
def feedback_record(
    *,
    contract: Contract,
    received_on: date | None,
    you_said: str,
    recorded_by: User,
    we_did: str = "",
    acted_on: date | None = None,
) -> FeedbackItem:
    """Feedback from service users ("you said") and, once done, the action ("we did")."""
    _check_runs(recorded_by, contract)
    you_said, we_did = you_said.strip(), we_did.strip()
    refuse(_feedback_problems(you_said, we_did, received_on, acted_on))
    assert received_on is not None
    item = FeedbackItem.objects.create(
        contract=contract,
        received_on=received_on,
        you_said=you_said,
        we_did=we_did,
        acted_on=acted_on,
        recorded_by=recorded_by,
    )
    audit_event(
        actor=recorded_by,
        action=AuditAction.CREATE,
        target=item,
        changes={"acted_on": [None, acted_on]},
    )
    return item


@transaction.atomic
def feedback_action_record(
    *, item: FeedbackItem, we_did: str, acted_on: date | None, recorded_by: User
) -> FeedbackItem:
    """What the service did about the feedback, and when (changed in place)."""
    item = FeedbackItem.objects.select_for_update().select_related("contract").get(pk=item.pk)
    _check_runs(recorded_by, item.contract)
    we_did = we_did.strip()
    problems = _feedback_problems(item.you_said, we_did, item.received_on, acted_on)
    if acted_on is None:
        problems["acted_on"] = "Enter the date it was acted on"
    if not we_did:
        problems["we_did"] = "Enter what the service did"
    refuse(problems)
    before = item.acted_on
    item.we_did, item.acted_on = we_did, acted_on
    item.save(update_fields=["we_did", "acted_on", "updated_at"])
    audit_event(
        actor=recorded_by,
        action=AuditAction.UPDATE,
        target=item,
        changes={"acted_on": [before, acted_on]},
    )
    return item
