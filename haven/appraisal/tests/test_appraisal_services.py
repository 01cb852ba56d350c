"""The 360-degree appraisal's services (seed 001 s14: the contract officer's questionnaire to
stakeholders, staff and service users; s8 "360' appraisal" measures; the service user
accountability report's "you said, we did")."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from haven.appraisal.models import AppraisalLink, AppraisalResponse
from haven.appraisal.services import (
    feedback_action_record,
    links_create,
    response_record,
    round_create,
    token_hash,
)

pytestmark = pytest.mark.django_db


def test_seed_001_s8_a_round_asks_each_appraisal_measure_of_the_catalogue(appraisal):
    tags = [q.measure for q in appraisal.questions.all()]
    assert tags == [
        "positive_change_practice",
        "clear_what_to_expect",
        "service_users_positive_referral",
        "stakeholders_positive_referral",
        "stakeholders_confident",
    ]


def test_a_round_closes_on_or_after_it_opens(vs_contract, personas):
    today = timezone.localdate()
    with pytest.raises(ValidationError) as refused:
        round_create(
            contract=vs_contract,
            title="x",
            opens_on=today,
            closes_on=today - dt.timedelta(days=1),
            created_by=personas.service_manager,
        )
    assert "closes_on" in refused.value.message_dict


def test_only_the_providers_managers_and_analysts_run_rounds(vs_contract, personas):
    today = timezone.localdate()
    for user in (personas.caseworker, personas.team_leader, personas.other_provider_caseworker):
        with pytest.raises(PermissionDenied):
            round_create(
                contract=vs_contract,
                title="x",
                opens_on=today,
                closes_on=today,
                created_by=user,
            )


def test_seed_001_s14_links_keep_only_the_tokens_hash(appraisal, personas):
    tokens = links_create(
        appraisal=appraisal, group="stakeholder", count=3, created_by=personas.analyst
    )
    assert len(set(tokens)) == 3
    assert all(len(t) >= 40 for t in tokens)  # 256 bits, unguessable
    stored = set(AppraisalLink.objects.values_list("token_sha256", flat=True))
    assert stored == {token_hash(t) for t in tokens}
    assert not any(t in stored for t in tokens)


def test_a_link_answers_once_and_anonymously(appraisal, personas):
    (token,) = links_create(
        appraisal=appraisal, group="service_user", count=1, created_by=personas.analyst
    )
    question = appraisal.questions.first()
    response = response_record(appraisal=appraisal, group="", scores={question.pk: 5}, token=token)
    assert (response.group, response.source, response.entered_by) == ("service_user", "link", None)
    with pytest.raises(ValidationError):
        response_record(appraisal=appraisal, group="", scores={question.pk: 5}, token=token)
    assert AppraisalResponse.objects.count() == 1


def test_seed_001_s14_a_link_closes_after_the_rounds_end(appraisal, personas):
    (token,) = links_create(
        appraisal=appraisal, group="staff", count=1, created_by=personas.analyst
    )
    after = timezone.now() + dt.timedelta(days=30)
    with pytest.raises(ValidationError):
        response_record(
            appraisal=appraisal,
            group="",
            scores={appraisal.questions.first().pk: 4},
            token=token,
            at=after,
        )


def test_a_paper_response_needs_a_group_and_an_answer_in_range(appraisal, personas):
    question = appraisal.questions.first()
    with pytest.raises(ValidationError) as refused:
        response_record(
            appraisal=appraisal, group="x", scores={question.pk: 4}, entered_by=personas.analyst
        )
    assert "group" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        response_record(
            appraisal=appraisal,
            group="staff",
            scores={question.pk: 6},
            entered_by=personas.analyst,
        )
    assert f"q_{question.pk}" in refused.value.message_dict
    with pytest.raises(ValidationError):
        response_record(
            appraisal=appraisal,
            group="staff",
            scores={question.pk: None},
            entered_by=personas.analyst,
        )
    assert not AppraisalResponse.objects.exists()


def test_you_said_we_did_needs_the_action_and_its_date(feedback, personas):
    with pytest.raises(ValidationError) as refused:
        feedback_action_record(
            item=feedback, we_did="", acted_on=None, recorded_by=personas.analyst
        )
    assert {"we_did", "acted_on"} <= set(refused.value.message_dict)
    done = feedback_action_record(
        item=feedback,
        we_did="Synthetic: Thursday evening sessions started",
        acted_on=timezone.localdate(),
        recorded_by=personas.service_manager,
    )
    assert done.acted_on == timezone.localdate()
