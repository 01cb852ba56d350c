"""The change-of-risk and screening pages (seed 004 s4.2, s6.3, s6.4) for each persona; the
team's risk register and high-risk caseloads (seed 001 s5); the allocation warning."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from markupsafe import escape  # Jinja2 escapes an apostrophe as &#39;, Django as &#x27;

from haven.casework.models import CaseEvent
from haven.risk.models import RiskChange, Screening
from haven.risk.screening import screening_record
from haven.risk.services import risk_assessment_complete
from haven.testing.casework import CaseFactory
from haven.testing.risk import answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def refuge_case(cornwall_case):
    cornwall_case.opened_at = timezone.now() - dt.timedelta(days=3)
    cornwall_case.save(update_fields=["opened_at"])
    return cornwall_case


def when_fields(name, moment):
    local = timezone.localtime(moment)
    return {
        f"{name}-day": str(local.day),
        f"{name}-month": str(local.month),
        f"{name}-year": str(local.year),
        f"{name}-hour": f"{local.hour:02d}",
        f"{name}-minute": f"{local.minute:02d}",
    }


def day_fields(name, day):
    return {
        f"{name}-day": str(day.day),
        f"{name}-month": str(day.month),
        f"{name}-year": str(day.year),
    }


def pages(case):
    return {
        "change": reverse("risk:change", args=[case.pk]),
        "screening": reverse("risk:screening", args=[case.pk]),
        "screening_new": reverse("risk:screening_new", args=[case.pk, "audit"]),
    }


@pytest.mark.parametrize("who", ["caseworker", "teammate", "team_leader"])
def test_the_team_opens_every_page(client, personas, refuge_case, who):
    client.force_login(getattr(personas, who))
    for name, url in pages(refuge_case).items():
        assert client.get(url).status_code == 200, name


@pytest.mark.parametrize("who", ["outsider", "other_provider_caseworker"])
def test_outsiders_find_nothing(client, personas, refuge_case, who):
    client.force_login(getattr(personas, who))
    for name, url in pages(refuge_case).items():
        assert client.get(url).status_code in (403, 404), name


def test_a_commissioner_is_refused(client, personas, refuge_case):
    client.force_login(personas.commissioner)
    for name, url in pages(refuge_case).items():
        assert client.get(url).status_code in (403, 404), name


def test_the_case_page_links_to_the_change_of_risk_and_screening(client, personas, refuge_case):
    client.force_login(personas.caseworker)
    page = client.get(reverse("casework:detail", args=[refuge_case.pk])).content.decode()
    assert reverse("risk:change", args=[refuge_case.pk]) in page
    assert reverse("risk:screening", args=[refuge_case.pk]) in page


def test_seed_004_s4_2_recording_a_change_of_risk_sets_a_reassessment(
    client, personas, refuge_case
):
    client.force_login(personas.caseworker)
    at = timezone.now() - dt.timedelta(hours=1)
    data = {**when_fields("occurred_at", at), "reason": "New threats by text"}
    response = client.post(reverse("risk:change", args=[refuge_case.pk]), data)
    assert response.status_code == 302
    change = RiskChange.objects.get(case=refuge_case)
    assert change.task.action == "risk_assessment"
    assert CaseEvent.objects.filter(case=refuge_case, kind="change_of_risk").exists()


def test_a_change_of_risk_without_a_reason_is_an_error_on_the_field(client, personas, refuge_case):
    client.force_login(personas.caseworker)
    data = {**when_fields("occurred_at", timezone.now() - dt.timedelta(hours=1)), "reason": ""}
    response = client.post(reverse("risk:change", args=[refuge_case.pk]), data)
    assert response.status_code == 200
    assert "Enter why the risk has changed" in response.content.decode()
    assert not RiskChange.objects.exists()


def test_seed_004_s6_4_an_audit_score_is_kept_with_its_date(client, personas, refuge_case):
    client.force_login(personas.caseworker)
    url = reverse("risk:screening_new", args=[refuge_case.pk, "audit"])
    response = client.post(url, {**day_fields("screened_on", timezone.localdate()), "score": "12"})
    assert response.status_code == 302
    screening = Screening.objects.get(case=refuge_case)
    assert (screening.tool, screening.score) == ("audit", 12)
    page = client.get(reverse("risk:screening", args=[refuge_case.pk])).content.decode()
    assert "Score 12 of 40" in page


@pytest.mark.parametrize(
    ("tool", "score", "message"),
    [
        ("audit", "41", "AUDIT score must be 40 or less"),
        ("dudit", "45", "DUDIT score must be 44 or less"),
        ("dudit", "-1", "DUDIT score must be 0 or more"),
        ("audit", "", "Enter"),
    ],
)
def test_seed_004_s6_4_a_score_out_of_range_is_an_error_on_the_field(
    client, personas, refuge_case, tool, score, message
):
    client.force_login(personas.caseworker)
    url = reverse("risk:screening_new", args=[refuge_case.pk, tool])
    response = client.post(url, {**day_fields("screened_on", timezone.localdate()), "score": score})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Screening.objects.exists()


def test_seed_004_s6_3_mental_health_flags_and_aces_are_recorded(client, personas, refuge_case):
    client.force_login(personas.caseworker)
    today = day_fields("screened_on", timezone.localdate())
    url = reverse("risk:screening_new", args=[refuge_case.pk, "mental_health"])
    data = {
        **today,
        "mh_diagnosis": "no",
        "mh_keyworker_identified": "yes",
        "mh_service_involvement": "no",
    }
    assert client.post(url, data).status_code == 302
    url = reverse("risk:screening_new", args=[refuge_case.pk, "aces"])
    assert client.post(url, {**today, "aces_asked": "yes"}).status_code == 302
    page = client.get(reverse("risk:screening", args=[refuge_case.pk])).content.decode()
    assert "Yes: keyworker identified" in page
    assert "Asked" in page


def test_an_unknown_screening_tool_is_not_found(client, personas, refuge_case):
    client.force_login(personas.caseworker)
    assert (
        client.get(reverse("risk:screening_new", args=[refuge_case.pk, "phq9"])).status_code == 404
    )


def test_the_screening_service_refuses_a_score_out_of_range(personas, refuge_case):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        screening_record(
            case=refuge_case,
            recorded_by=personas.caseworker,
            tool="dudit",
            screened_on=timezone.localdate(),
            answers={"score": 45},
        )
    assert refused.value.message_dict["score"] == [
        "DUDIT score must be a whole number from 0 to 44"
    ]


def assess(case, user, *, yes, judgement=False):
    return risk_assessment_complete(
        case=case,
        completed_by=user,
        answers=answers(yes=yes),
        professional_judgement=judgement,
        professional_judgement_reason="Threats to kill" if judgement else "",
        incidents_last_12_months=None,
        stage="review",
        completed_at=timezone.now() - dt.timedelta(minutes=5),
    )


def test_seed_001_s5_high_risk_below_the_marac_threshold_goes_on_the_register(
    client, personas, leicester_case
):
    assessment = assess(leicester_case, personas.caseworker, yes=8, judgement=True)
    assert assessment.level == "high"
    review = leicester_case.tasks.get(rule_key="risk_register_review")
    assert review.citation == "seed 001 s5"
    client.force_login(personas.team_leader)
    page = client.get(reverse("risk:register")).content.decode()
    assert leicester_case.person.reference_code in page
    assert "MARAC at 14" in page


def test_seed_001_s5_reaching_the_marac_threshold_takes_the_case_off_the_register(
    client, personas, leicester_case
):
    assess(leicester_case, personas.caseworker, yes=8, judgement=True)
    assess(leicester_case, personas.caseworker, yes=15)
    assert not leicester_case.tasks.filter(
        rule_key__startswith="risk_register_review", is_outstanding=True
    ).exists()
    client.force_login(personas.team_leader)
    page = client.get(reverse("risk:register")).content.decode()
    assert leicester_case.person.reference_code not in page


def test_the_register_is_for_team_leaders_and_reachable_from_the_navigation(client, personas):
    client.force_login(personas.team_leader)
    home = client.get(reverse("home")).content.decode()
    assert reverse("risk:register") in home
    client.force_login(personas.caseworker)
    assert client.get(reverse("risk:register")).status_code == 403
    client.force_login(personas.commissioner)
    assert client.get(reverse("risk:register")).status_code == 403


def test_seed_001_s5_high_risk_cases_per_worker_and_the_allocation_warning(
    client, personas, leicester_case, settings
):
    assess(leicester_case, personas.caseworker, yes=15)
    client.force_login(personas.team_leader)
    page = client.get(reverse("risk:register")).content.decode()
    assert escape(personas.caseworker.get_full_name()) in page
    # a limit of 1 (the shipped profile says 100): the caseworker is at it
    profile = leicester_case.contract.profile
    profile["risk"]["caseload"]["high_risk_per_year"] = 1
    leicester_case.contract.profile_sha256 = "1" * 64
    leicester_case.contract.save()
    other = CaseFactory(contract=leicester_case.contract, team=personas.team)
    client.force_login(personas.team_leader)
    page = client.get(reverse("casework:allocate", args=[other.pk])).content.decode()
    assert "high-risk cases in the last 12 months" in page
    assert "seed 001 s5" in page


def test_a_closed_case_shows_its_screening_and_sends_changes_back(client, personas, refuge_case):
    screening_record(
        case=refuge_case,
        recorded_by=personas.caseworker,
        tool="aces",
        screened_on=timezone.localdate(),
        answers={"aces_asked": True},
    )
    refuge_case.state = "closed"
    refuge_case.closed_at = timezone.now()
    refuge_case.save(update_fields=["state", "closed_at"])
    client.force_login(personas.caseworker)
    page = client.get(reverse("risk:screening", args=[refuge_case.pk])).content.decode()
    assert "Asked" in page
    assert reverse("risk:screening_new", args=[refuge_case.pk, "aces"]) not in page
    for name in ("change", "screening_new"):
        response = client.get(pages(refuge_case)[name])
        assert response.status_code == 302, name
    detail = client.get(reverse("casework:detail", args=[refuge_case.pk])).content.decode()
    assert reverse("risk:change", args=[refuge_case.pk]) not in detail


def test_an_analyst_reads_the_screening_but_cannot_record_any(client, personas, refuge_case):
    client.force_login(personas.analyst)
    assert client.get(pages(refuge_case)["screening"]).status_code == 200
    assert client.get(pages(refuge_case)["change"]).status_code == 403
    assert client.get(pages(refuge_case)["screening_new"]).status_code == 403


def _limit_of_one(contract):
    contract.profile["risk"]["caseload"]["high_risk_per_year"] = 1
    contract.profile_sha256 = "2" * 64
    contract.save()


def test_seed_001_s5_allocating_to_a_worker_at_the_limit_warns_after_saving(
    client, personas, leicester_case
):
    assess(leicester_case, personas.caseworker, yes=15)
    _limit_of_one(leicester_case.contract)
    other = CaseFactory(contract=leicester_case.contract, team=personas.team)
    client.force_login(personas.team_leader)
    response = client.post(
        reverse("casework:allocate", args=[other.pk]),
        {"allocation": f"{personas.team.pk}:{personas.caseworker.pk}"},
        follow=True,
    )
    other.refresh_from_db()
    assert other.allocated_to == personas.caseworker  # a warning, never a refusal
    assert "limit of 1 a year (seed 001 s5)" in response.content.decode()


def test_a_contract_without_a_caseload_limit_never_warns(client, personas, refuge_case):
    assess(refuge_case, personas.caseworker, yes=15)
    other = CaseFactory(contract=refuge_case.contract, team=personas.team)
    client.force_login(personas.team_leader)
    page = client.get(reverse("casework:allocate", args=[other.pk])).content.decode()
    assert "high-risk cases in the last 12 months" not in page


def test_seed_001_s5_the_register_review_is_on_the_team_worklist(client, personas, leicester_case):
    assess(leicester_case, personas.caseworker, yes=8, judgement=True)
    client.force_login(personas.team_leader)
    page = client.get(reverse("casework:team_worklist")).content.decode()
    assert "Risk register review" in page


def test_seed_001_s5_the_next_checklist_is_the_register_review_and_sets_the_next(
    personas, leicester_case
):
    assess(leicester_case, personas.caseworker, yes=8, judgement=True)
    assess(leicester_case, personas.caseworker, yes=9, judgement=True)
    first = leicester_case.tasks.get(rule_key="risk_register_review")
    assert first.status == "met"
    assert leicester_case.tasks.get(rule_key="risk_register_review#2").is_outstanding
