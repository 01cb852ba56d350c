"""The risk history page: a step chart beside a table of the same figures."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from haven.risk.services import risk_assessment_complete
from haven.testing.risk import answers

pytestmark = pytest.mark.django_db


def assess(case, user, yes, days_ago):
    return risk_assessment_complete(
        case=case,
        completed_by=user,
        answers=answers(yes=yes),
        professional_judgement=False,
        professional_judgement_reason="",
        incidents_last_12_months=None,
        stage="review",
        completed_at=timezone.now() - dt.timedelta(days=days_ago),
    )


def url(case):
    return reverse("risk:history", args=[case.pk])


def test_it_shows_a_chart_and_a_table_of_every_assessment(client, personas, case):
    assess(case, personas.caseworker, yes=15, days_ago=60)
    assess(case, personas.caseworker, yes=8, days_ago=1)
    client.force_login(personas.caseworker)
    page = client.get(url(case)).content.decode()
    assert page.count("<svg") >= 1
    assert 'role="img"' in page
    assert page.count('<td class="govuk-table__cell govuk-table__cell--numeric">') == 2
    assert page.index(">15<") < page.index(">8<")  # oldest first
    assert "Medium risk" not in page
    assert "Standard risk" in page  # the current level


def test_the_page_has_no_inline_styles_or_scripts_for_the_csp(client, personas, case):
    assess(case, personas.caseworker, yes=15, days_ago=3)
    client.force_login(personas.caseworker)
    page = client.get(url(case)).content.decode()
    assert " style=" not in page
    assert "<script>" not in page


def test_a_case_without_assessments_says_so(client, personas, case):
    client.force_login(personas.caseworker)
    page = client.get(url(case)).content.decode()
    assert "No risk checklist has been completed for this case yet." in page
    assert "Complete a risk checklist" in page


def test_an_analyst_reads_the_history_but_is_not_offered_the_checklist(client, personas, case):
    client.force_login(personas.analyst)
    response = client.get(url(case))
    assert response.status_code == 200
    assert "Complete a risk checklist" not in response.content.decode()


def test_an_outsider_gets_404(client, personas, case):
    client.force_login(personas.outsider)
    assert client.get(url(case)).status_code == 404


def test_a_commissioner_is_refused(client, personas, case):
    client.force_login(personas.commissioner)
    assert client.get(url(case)).status_code == 403


def test_someone_with_no_role_is_refused(client, personas, case):
    client.force_login(personas.no_role)
    assert client.get(url(case)).status_code == 403
