"""The audit trail is append-only: the ORM refuses every update and delete."""

import pytest

from haven.core.auditor import audit_event, diff
from haven.core.models import AppendOnlyError, AuditAction, AuditEvent


@pytest.fixture
def event(db):
    return audit_event(
        actor=None, action=AuditAction.CREATE, object_type="contracts.contract", object_id="x1"
    )


def test_audit_event_records_system_actor_when_no_user(event):
    assert event.actor is None
    assert event.actor_label == "system"
    assert AuditEvent.objects.count() == 1


def test_saving_an_existing_audit_event_is_refused(event):
    event.reason = "tampered"
    with pytest.raises(AppendOnlyError):
        event.save()
    assert AuditEvent.objects.get().reason == ""


def test_deleting_an_audit_event_is_refused(event):
    with pytest.raises(AppendOnlyError):
        event.delete()
    assert AuditEvent.objects.count() == 1


def test_queryset_update_and_delete_are_refused(event):
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).update(reason="x")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()
    assert AuditEvent.objects.count() == 1


def test_audit_event_records_actor_and_changes(personas):
    user = personas.caseworker
    event = audit_event(
        actor=user,
        action=AuditAction.UPDATE,
        target=personas.contract,
        changes={"name": ["A", "B"]},
        reason="typo",
    )
    assert event.actor == user
    assert event.actor_label == user.email
    assert event.object_type == "contracts.contract"
    assert event.object_id == str(personas.contract.pk)
    assert event.changes == {"name": ["A", "B"]}
    assert event.reason == "typo"


def test_diff_keeps_old_and_new_values_but_never_secrets():
    changes = diff(
        {"name": "A", "password": "old", "same": 1}, {"name": "B", "password": "new", "same": 1}
    )
    assert changes == {"name": ["A", "B"], "password": ["[changed]", "[changed]"]}


def test_admin_cannot_change_or_delete_audit_events(personas, client):
    from django.contrib.admin.sites import site

    from haven.core.models import AuditEvent as Model

    model_admin = site._registry[Model]
    request = type("R", (), {"user": personas.administrator})()
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)


def test_many_events_are_appended_in_order(db):
    from haven.core.auditor import audit_events_append, audit_record

    events = [
        audit_record(actor=None, action=AuditAction.CREATE, object_type="t", object_id=str(n))
        for n in range(3)
    ]
    assert audit_events_append(events) == 3
    stored = AuditEvent.objects.order_by("id")
    assert [e.object_id for e in stored] == ["0", "1", "2"]
    assert {e.actor_label for e in stored} == {"system"}


def test_appending_refuses_events_already_written_and_conflict_updates(event):
    from haven.core.auditor import audit_events_append

    event.reason = "tampered"
    with pytest.raises(AppendOnlyError):
        audit_events_append([event])
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.bulk_create(
            [event], update_conflicts=True, update_fields=["reason"], unique_fields=["id"]
        )
    assert AuditEvent.objects.get().reason == ""
