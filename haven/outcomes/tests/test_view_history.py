"""The outcomes page and the case page section: distance travelled per domain as a chart with a
text alternative (a title and the same figures in a table)."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from haven.outcomes.services import outcome_assessment_record
from haven.outcomes.tests.helpers import history_url

pytestmark = pytest.mark.django_db


def _ago(days):
    return timezone.now() - dt.timedelta(days=days)


@pytest.fixture
def travelled(outcome_case, personas):
    for stage, days, score in (("intake", 20, 2), ("exit", 2, 4)):
        outcome_assessment_record(
            case=outcome_case,
            recorded_by=personas.caseworker,
            instrument_key="haven-outcomes-v1",
            stage=stage,
            asked_at=_ago(days),
            scores={"safe_at_home": score, "safe_out_and_about": score, "own_choices": 3},
        )
    return outcome_case


def test_the_chart_has_a_text_alternative_with_the_same_figures(client, personas, travelled):
    client.force_login(personas.caseworker)
    page = client.get(history_url(travelled)).content.decode()
    assert 'role="img"' in page
    assert "<title id=" in page
    assert 'aria-labelledby="travel-1-title"' in page
    assert "Distance travelled by domain (average score)" in page  # the table
    assert "Better (+2)" in page
    assert "No change" in page


def test_nothing_is_charted_before_a_second_assessment(client, personas, outcome_case):
    outcome_assessment_record(
        case=outcome_case,
        recorded_by=personas.caseworker,
        instrument_key="haven-outcomes-v1",
        stage="intake",
        asked_at=_ago(3),
        scores={"safe_at_home": 2},
    )
    client.force_login(personas.caseworker)
    page = client.get(history_url(outcome_case)).content.decode()
    assert "<svg" not in page
    assert "Asked once so far" in page


def test_the_case_page_shows_the_latest_scores_and_links(client, personas, travelled):
    client.force_login(personas.caseworker)
    page = client.get(reverse("casework:detail", args=[travelled.pk])).content.decode()
    assert 'id="outcomes"' in page
    assert "Better" in page
    assert history_url(travelled) in page
    assert reverse("outcomes:choose", args=[travelled.pk]) in page


def test_a_case_whose_contract_asks_no_outcomes_has_no_section(client, personas, team_case):
    client.force_login(personas.caseworker)
    page = client.get(reverse("casework:detail", args=[team_case.pk])).content.decode()
    assert 'id="outcomes"' not in page


@pytest.fixture
def vf_case_with_needs(personas):
    """A Victim First case scored at its initial needs assessment and again before closure."""
    from haven.casework.models import NeedsAssessment, NeedsAssessmentArea
    from haven.testing.casework import CaseFactory
    from haven.testing.fixtures import profile_contract

    case = CaseFactory(
        contract=profile_contract("victim-first-2018", personas.organisation),
        team=personas.team,
        allocated_to=personas.caseworker,
        opened_at=_ago(40),
    )
    for stage, days, level in (("initial", 30, 3), ("exit", 2, 1)):
        assessment = NeedsAssessment.objects.create(
            case=case, stage=stage, assessed_at=_ago(days), recorded_at=_ago(days)
        )
        NeedsAssessmentArea.objects.create(assessment=assessment, area="finance", level=level)
    return case


def test_victim_first_needs_distance_travelled_is_charted_with_its_table(
    client, personas, vf_case_with_needs
):
    # seed 002 s3.9 and s7: needs scored initially and before closure, shown as distance travelled
    client.force_login(personas.caseworker)
    page = client.get(history_url(vf_case_with_needs)).content.decode()
    assert "Needs assessment: distance travelled" in page
    assert 'aria-labelledby="needs-travel-title"' in page
    assert "Better (-2)" in page  # less need is better
    assert "A shorter bar means less need" in page
    assert "Record an outcome assessment" not in page  # Victim First asks no outcome questions
    detail = client.get(reverse("casework:detail", args=[vf_case_with_needs.pk])).content.decode()
    assert 'id="outcomes"' in detail
    assert "Needs assessment: distance travelled" in detail
