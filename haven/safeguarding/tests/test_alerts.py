"""`alert_raise` and `alert_update`: safeguarding adults alerts (seed 004 s10 SA1 raised, SA2
substantiated, SA3 referred to adult safeguarding, SA5 the person causing harm)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from haven.casework.models import CaseEvent, CaseState
from haven.core.models import AuditEvent
from haven.safeguarding.adults import alert_raise, alert_update
from haven.safeguarding.models import SafeguardingAlert

pytestmark = pytest.mark.django_db


def test_an_alert_is_raised_pending_and_audited_without_the_concern(supported_case, personas):
    alert = alert_raise(
        case=supported_case,
        recorded_by=personas.caseworker,
        raised_on=timezone.localdate(),
        concern="  Synthetic concern ",
        harm_relationship="ex_partner",
    )
    alert.refresh_from_db()
    assert (alert.concern, alert.substantiation, alert.referred) == (
        "Synthetic concern",
        "pending",
        False,
    )
    audit = AuditEvent.objects.get(object_id=str(alert.pk), action="create")
    assert "concern" not in audit.changes
    assert CaseEvent.objects.get(kind="safeguarding_alert").summary == (
        "Safeguarding adults alert: not known yet"
    )


def test_its_outcome_and_referral_are_recorded_later(alert, personas):
    referred = timezone.localdate()
    alert_update(
        alert=alert,
        recorded_by=personas.teammate,
        substantiation="partially",
        referred_on=referred,
        harm_relationship="other_family",
    )
    alert.refresh_from_db()
    assert (alert.substantiation, alert.referred_on, alert.harm_relationship) == (
        "partially",
        referred,
        "other_family",
    )
    update = AuditEvent.objects.get(object_id=str(alert.pk), action="update")
    assert update.changes["substantiation"] == ["pending", "partially"]


def test_a_referral_before_the_alert_is_refused(alert, personas):
    with pytest.raises(ValidationError) as refused:
        alert_update(
            alert=alert,
            recorded_by=personas.caseworker,
            substantiation="fully",
            referred_on=alert.raised_on - dt.timedelta(days=1),
            harm_relationship="",
        )
    assert "referred_on" in refused.value.message_dict
    alert.refresh_from_db()
    assert alert.substantiation == "pending"


def test_an_empty_concern_and_unknown_choices_are_refused(supported_case, personas):
    with pytest.raises(ValidationError) as refused:
        alert_raise(
            case=supported_case,
            recorded_by=personas.caseworker,
            raised_on=timezone.localdate(),
            concern="  ",
            substantiation="maybe",
            harm_relationship="neighbour",
        )
    assert set(refused.value.message_dict) == {"concern", "substantiation", "harm_relationship"}
    assert not SafeguardingAlert.objects.exists()


def test_a_closed_case_takes_no_alert(supported_case, personas):
    supported_case.state = CaseState.CLOSED
    supported_case.save()
    with pytest.raises(ValidationError, match="closed"):
        alert_raise(
            case=supported_case,
            recorded_by=personas.caseworker,
            raised_on=timezone.localdate(),
            concern="Synthetic",
        )
