"""The exit pages: re-engagement (caseworkers), exclusion and appeal decision (team leaders and
service managers), appeal made (caseworkers); each audited as a read; the open door."""

import pytest
from django.urls import reverse
from django.utils import timezone

from haven.casework.models import Exclusion, ReengagementAttempt
from haven.casework.services import case_close, case_restriction_set
from haven.casework.services.exclusions import (
    exclusion_appeal_decide,
    exclusion_appeal_lodge,
    exclusion_decide,
    reengagement_attempt_record,
)
from haven.casework.services.opening import case_open_from_referral
from haven.core.models import AuditAction, AuditEvent
from haven.testing.casework import ReferralFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def wokingham_case(open_case, contract_for):
    return open_case(contract_for("wokingham-da-2017"), route="professional")


def _date(prefix):
    when = timezone.localtime()
    return {
        f"{prefix}-day": when.day,
        f"{prefix}-month": when.month,
        f"{prefix}-year": when.year,
        f"{prefix}-hour": when.hour,
        f"{prefix}-minute": when.minute,
    }


def _url(name, case):
    return reverse(f"casework:{name}", args=[case.pk])


def _attempt(case, personas):
    reengagement_attempt_record(
        case=case,
        recorded_by=personas.caseworker,
        attempted_at=timezone.now(),
        method="phone",
        what="Synthetic: called the safe number",
    )


def _excluded(case, personas):
    _attempt(case, personas)
    return exclusion_decide(
        case=case,
        decided_by=personas.team_leader,
        criteria=["breach_of_rules"],
        reason="Synthetic",
        appeal_notice_at=timezone.now(),
        appeal_notice_method="in_person",
    )


def _viewed(response):
    return AuditEvent.objects.filter(
        request_id=response["X-Request-Id"], action=AuditAction.VIEW
    ).exists()


def test_a_caseworker_records_an_attempt_to_re_engage(client, wokingham_case, personas):
    client.force_login(personas.caseworker)
    data = {"method": "letter", "what": "Synthetic: letter offering a meeting"}
    response = client.post(_url("reengagement", wokingham_case), data | _date("attempted_at"))
    assert response.status_code == 302
    assert ReengagementAttempt.objects.filter(case=wokingham_case).count() == 1


def test_a_caseworker_cannot_open_the_exclusion_page(client, wokingham_case, personas):
    client.force_login(personas.caseworker)
    assert client.get(_url("exclude", wokingham_case)).status_code == 403


def test_the_exclusion_page_keeps_what_was_typed_and_shows_no_attempts(
    client, wokingham_case, personas
):
    client.force_login(personas.team_leader)
    response = client.get(_url("exclude", wokingham_case))
    assert response.status_code == 200
    assert _viewed(response)
    assert "No attempt to re-engage is recorded" in response.content.decode()
    data = {"criteria": ["breach_of_rules"], "reason": "Synthetic typed reason"}
    data |= _date("appeal_notice_at") | {"appeal_notice_method": "letter"}
    response = client.post(_url("exclude", wokingham_case), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Record each attempt to re-engage" in page
    assert "Synthetic typed reason" in page
    assert not Exclusion.objects.exists()


def test_a_team_leader_excludes_then_closes_as_excluded(client, wokingham_case, personas):
    _attempt(wokingham_case, personas)
    client.force_login(personas.team_leader)
    data = {"criteria": ["serious_risk_to_others"], "reason": "Synthetic"}
    data |= _date("appeal_notice_at") | {"appeal_notice_method": "letter"}
    response = client.post(_url("exclude", wokingham_case), data)
    assert response.status_code == 302
    assert response.url == _url("close", wokingham_case)
    assert Exclusion.objects.get(case=wokingham_case).decided_by == personas.team_leader


def test_appeal_pages_by_role(client, wokingham_case, personas):
    exclusion = _excluded(wokingham_case, personas)
    client.force_login(personas.caseworker)
    response = client.get(_url("appeal_lodged", wokingham_case))
    assert response.status_code == 200
    assert _viewed(response)
    response = client.post(_url("appeal_lodged", wokingham_case), _date("lodged_at"))
    assert response.status_code == 302
    assert client.get(_url("appeal_decide", wokingham_case)).status_code == 403
    client.force_login(personas.service_manager)
    response = client.get(_url("appeal_decide", wokingham_case))
    assert response.status_code == 200
    assert _viewed(response)
    data = {"outcome": "overturned", "reason": "Synthetic"} | _date("heard_at")
    assert client.post(_url("appeal_decide", wokingham_case), data).status_code == 302
    exclusion.refresh_from_db()
    assert exclusion.appeal_outcome == "overturned"


def test_the_manager_who_excluded_is_refused_on_the_appeal_page(client, wokingham_case, personas):
    exclusion = _excluded(wokingham_case, personas)
    exclusion_appeal_lodge(
        exclusion=exclusion, recorded_by=personas.caseworker, lodged_at=timezone.now()
    )
    client.force_login(personas.team_leader)
    data = {"outcome": "upheld", "reason": "Synthetic"} | _date("heard_at")
    response = client.post(_url("appeal_decide", wokingham_case), data)
    assert response.status_code == 200
    assert "someone other than who excluded" in response.content.decode()


@pytest.mark.parametrize("name", ["reengagement", "exclude", "appeal_lodged", "appeal_decide"])
@pytest.mark.parametrize("who", ["outsider", "other_provider_caseworker"])
def test_outsiders_find_nothing(client, wokingham_case, personas, name, who):
    client.force_login(getattr(personas, who))
    assert client.get(_url(name, wokingham_case)).status_code == 404


@pytest.mark.parametrize("name", ["reengagement", "exclude", "appeal_lodged", "appeal_decide"])
def test_a_commissioner_is_refused(client, wokingham_case, personas, name):
    client.force_login(personas.commissioner)
    assert client.get(_url(name, wokingham_case)).status_code == 403


def _returning(case, personas):
    """The same person referred again after the case closed (seed 003 s6: an open door)."""
    return case_open_from_referral(
        referral=ReferralFactory(contract=case.contract, person=case.person, route="professional"),
        opened_by=personas.caseworker,
        team=personas.team,
        allocated_to=personas.caseworker,
    )


def _close_excluded(case, personas):
    case_close(
        case=case,
        closed_by=personas.team_leader,
        exit_type="unplanned",
        exit_reason="excluded",
        reason="Synthetic",
        overrides={"exit_risk_assessment": "Synthetic"},
    )


def test_seed_003_s6_open_door_shows_the_earlier_case_and_its_exclusion(
    client, wokingham_case, personas
):
    exclusion = _excluded(wokingham_case, personas)
    _close_excluded(wokingham_case, personas)
    exclusion_appeal_lodge(
        exclusion=exclusion, recorded_by=personas.caseworker, lodged_at=timezone.now()
    )
    exclusion_appeal_decide(
        exclusion=exclusion,
        decided_by=personas.service_manager,
        heard_at=timezone.now(),
        outcome="upheld",
        reason="Synthetic",
    )
    later = _returning(wokingham_case, personas)
    client.force_login(personas.team_leader)
    page = client.get(reverse("casework:detail", args=[later.pk])).content.decode()
    assert "Previously supported" in page
    assert reverse("casework:detail", args=[wokingham_case.pk]) in page
    assert "Unplanned exit: excluded" in page
    assert "Exclusion upheld" in page


def test_open_door_hides_a_restricted_earlier_case(client, wokingham_case, personas):
    case_close(
        case=wokingham_case,
        closed_by=personas.caseworker,
        exit_type="planned",
        exit_reason="support_goals_met",
        reason="Synthetic",
        overrides={"exit_risk_assessment": "Synthetic"},
    )
    case_restriction_set(
        case=wokingham_case, restricted=True, changed_by=personas.team_leader, reason="Synthetic"
    )
    later = _returning(wokingham_case, personas)
    if later.is_restricted:  # the restriction follows the person; lifted on the new case only
        case_restriction_set(
            case=later, restricted=False, changed_by=personas.team_leader, reason="Synthetic"
        )
    client.force_login(personas.teammate)
    response = client.get(reverse("casework:detail", args=[later.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "An earlier case that is restricted" in page
    assert reverse("casework:detail", args=[wokingham_case.pk]) not in page
    assert "Planned exit" not in page


def test_seed_003_s8_a_new_referral_shows_the_exclusion_to_the_decision_maker(
    client, wokingham_case, personas
):
    exclusion = _excluded(wokingham_case, personas)
    _close_excluded(wokingham_case, personas)
    exclusion_appeal_lodge(
        exclusion=exclusion, recorded_by=personas.caseworker, lodged_at=timezone.now()
    )
    exclusion_appeal_decide(
        exclusion=exclusion,
        decided_by=personas.service_manager,
        heard_at=timezone.now(),
        outcome="overturned",
        reason="Synthetic",
    )
    referral = ReferralFactory(
        contract=wokingham_case.contract, person=wokingham_case.person, decision="pending"
    )
    client.force_login(personas.team_leader)
    page = client.get(reverse("referrals:detail", args=[referral.pk])).content.decode()
    assert "Previously supported" in page
    assert reverse("casework:detail", args=[wokingham_case.pk]) in page
    assert "Exclusion overturned" in page
