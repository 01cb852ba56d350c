"""A figure's page: its trend, and the records behind it. Restricted records the viewer may not
open are still counted and shown as "Restricted record" (ADR 0010); never names; audited."""

from __future__ import annotations

import pytest
from django.urls import reverse

from haven.core.models import AuditAction, AuditEvent
from haven.reporting.tests.conftest import PERIOD

pytestmark = pytest.mark.django_db


def url(scenario, measure: str, period: str = PERIOD) -> str:
    return reverse("reporting:measure", args=[scenario.contract.slug, period, measure])


def test_the_records_behind_a_count_with_the_restricted_one_counted(client, scenario):
    client.force_login(scenario.personas.service_manager)
    html = client.get(url(scenario, "R1")).content.decode()
    assert "The records counted: 3." in html
    assert html.count("Restricted record</strong>") == 1
    assert scenario.open_case.person.reference_code in html
    assert reverse("casework:detail", args=[scenario.open_case.pk]) in html
    # the restricted case: no reference code, no link, no name
    restricted = scenario.restricted_case
    assert restricted.person.reference_code not in html
    assert reverse("casework:detail", args=[restricted.pk]) not in html
    for person in (scenario.open_case.person, restricted.person):
        assert person.family_name not in html
        assert person.given_name not in html


def test_the_named_worker_opens_the_restricted_record(client, scenario):
    from haven.accounts.models import Membership

    # the teammate is allocated the restricted case (so named on it); make them an analyst too
    Membership.objects.create(
        user=scenario.personas.teammate, role="analyst", organisation=scenario.personas.organisation
    )
    client.force_login(scenario.personas.teammate)
    html = client.get(url(scenario, "R1")).content.decode()
    assert "Restricted record</strong>" not in html
    assert scenario.restricted_case.person.reference_code in html


def test_a_percentage_lists_its_numerator_and_denominator(client, scenario):
    client.force_login(scenario.personas.service_manager)
    counted = client.get(url(scenario, "P1")).content.decode()
    assert "The records counted: 1." in counted
    whole = client.get(url(scenario, "P1"), {"part": "denominator"}).content.decode()
    assert "Every record the figure is out of: 2." in whole
    assert whole.count("Restricted record</strong>") == 1


def test_a_breakdown_cell(client, scenario):
    client.force_login(scenario.personas.service_manager)
    html = client.get(url(scenario, "R1"), {"breakdown": "risk_level", "cell": "high"})
    assert html.status_code == 200
    text = html.content.decode()
    assert "Risk level: High" in text
    assert "The records counted: 1." in text
    assert "Restricted record</strong>" in text


def test_breakdown_links_are_url_encoded():
    from haven.reporting.engine import Breakdown, BreakdownCell
    from haven.reporting.presenters import breakdown_table

    cell = BreakdownCell("Police & Crime ?x=1", "Police & Crime", 1, ("a",), None)
    table = breakdown_table(Breakdown("source_organisation", "Source", (cell,)), "count", "/m/")
    assert table.rows[0].href == "/m/?breakdown=source_organisation&cell=Police+%26+Crime+%3Fx%3D1"


def test_the_trend_chart_has_a_text_alternative_and_a_table(client, scenario):
    client.force_login(scenario.personas.service_manager)
    html = client.get(url(scenario, "R1")).content.decode()
    assert '<svg class="haven-chart"' in html
    assert 'role="img"' in html
    assert "<desc" in html
    assert "2026-Q1: 3" in html
    assert "2025-Q4: 1" in html
    assert "style=" not in html[html.index("<svg") : html.index("</svg>")]
    assert html.count('<th scope="row" class="govuk-table__header">20') == 8  # eight periods


def test_the_drilldown_is_audited_as_a_read_of_the_contract(client, scenario):
    client.force_login(scenario.personas.analyst)
    response = client.get(url(scenario, "R1"))
    (event,) = AuditEvent.objects.filter(request_id=response["X-Request-Id"])
    assert event.action == AuditAction.VIEW
    assert (event.object_type, event.object_id) == ("contracts.contract", str(scenario.contract.pk))
    assert event.changes["measure"] == "R1"
    assert len(event.changes["shown"]) == 3


@pytest.mark.parametrize(
    ("measure", "query"),
    [
        ("S1", {}),  # not recorded: nothing behind it
        ("NOPE", {}),
        ("R1", {"breakdown": "risk_level", "cell": "enormous"}),
        ("R1", {"breakdown": "nope", "cell": "high"}),
        ("R1", {"breakdown": "risk_level"}),
        ("R1", {"part": "denominator"}),  # a count has no denominator
        ("P1", {"part": "sideways"}),
        ("R1", {"cell": "x" * 5000}),
    ],
)
def test_bad_figures_and_cells_are_not_found(client, scenario, measure, query):
    client.force_login(scenario.personas.service_manager)
    assert client.get(url(scenario, measure), query).status_code == 404


def test_a_bad_page_number_shows_a_page(client, scenario):
    client.force_login(scenario.personas.service_manager)
    for page in ["0", "-1", "99999999999999999999", "x"]:
        assert client.get(url(scenario, "R1"), {"page": page}).status_code == 200


@pytest.mark.parametrize("who", ["caseworker", "team_leader", "commissioner"])
def test_no_drilldown_for_other_roles(client, scenario, who):
    client.force_login(getattr(scenario.personas, who))
    assert client.get(url(scenario, "R1")).status_code == 403
    assert not AuditEvent.objects.filter(object_type="contracts.contract").exists()
