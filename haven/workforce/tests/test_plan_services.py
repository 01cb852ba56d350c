"""The workforce plan's services (haven/workforce/plan.py): a post added, changed and ended,
refused per field, audited, kept by the organisation's team leaders and service managers."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from haven.core.models import AuditAction, AuditEvent
from haven.workforce.plan import (
    establishment_post_close,
    establishment_post_create,
    establishment_post_update,
)

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def _post(personas, by=None, **kwargs):
    values = {
        "organisation": personas.organisation,
        "title": "Outreach worker",
        "contract_type": "permanent",
        "fte": Decimal("2"),
        "valid_from": TODAY() - timedelta(days=30),
        "created_by": by or personas.service_manager,
    }
    return establishment_post_create(**(values | kwargs))


def _problems(refused):
    return set(refused.value.message_dict)


@pytest.mark.parametrize("who", ["team_leader", "service_manager"])
def test_seed_004_s10_a_manager_adds_a_post_to_the_plan_and_it_is_audited(personas, who):
    post = _post(personas, by=getattr(personas, who))
    assert post.fte == Decimal("2")
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_id=str(post.pk)).exists()


@pytest.mark.parametrize("who", ["caseworker", "teammate", "outsider", "analyst", "commissioner"])
def test_others_cannot_add_a_post(personas, who):
    with pytest.raises(PermissionDenied):
        _post(personas, by=getattr(personas, who))


def test_a_bad_post_is_refused_on_each_field(personas):
    with pytest.raises(ValidationError) as refused:
        _post(
            personas,
            title=" ",
            contract_type="salaried",
            fte=Decimal("0"),
            valid_to=TODAY() - timedelta(days=31),
        )
    assert _problems(refused) == {"title", "contract_type", "fte", "valid_to"}
    with pytest.raises(ValidationError) as refused:
        _post(personas, fte=Decimal("50.01"))
    assert _problems(refused) == {"fte"}


def test_changing_a_post_audits_old_and_new_values(personas):
    post = _post(personas)
    post.refresh_from_db()
    establishment_post_update(
        post=post,
        title="Outreach worker",
        contract_type="permanent",
        fte=Decimal("2.5"),
        valid_from=post.valid_from,
        valid_to=None,
        updated_by=personas.team_leader,
    )
    post.refresh_from_db()
    assert post.fte == Decimal("2.5")
    event = AuditEvent.objects.get(action=AuditAction.UPDATE, object_id=str(post.pk))
    assert event.changes == {"fte": ["2.00", "2.5"]}


def test_a_change_with_inverted_dates_is_refused_and_outsiders_cannot_change(personas):
    post = _post(personas)
    with pytest.raises(ValidationError) as refused:
        establishment_post_update(
            post=post,
            title=post.title,
            contract_type=post.contract_type,
            fte=post.fte,
            valid_from=TODAY(),
            valid_to=TODAY() - timedelta(days=1),
            updated_by=personas.team_leader,
        )
    assert _problems(refused) == {"valid_to"}
    with pytest.raises(PermissionDenied):
        establishment_post_close(post=post, closed_on=TODAY(), closed_by=personas.teammate)


def test_ending_a_post_sets_its_last_day_and_is_audited(personas):
    post = _post(personas)
    establishment_post_close(post=post, closed_on=TODAY(), closed_by=personas.team_leader)
    post.refresh_from_db()
    assert post.valid_to == TODAY()
    event = AuditEvent.objects.get(action=AuditAction.UPDATE, object_id=str(post.pk))
    assert event.changes == {"valid_to": [None, TODAY().isoformat()]}
    with pytest.raises(ValidationError) as refused:
        establishment_post_close(
            post=post, closed_on=post.valid_from - timedelta(days=1), closed_by=personas.team_leader
        )
    assert _problems(refused) == {"closed_on"}
