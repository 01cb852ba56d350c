"""A case's chronology for a domestic homicide review (seed 004 s6.5: the provider contributes
"providing on request chronologies"): every timeline entry in time order with who recorded it,
as a PDF, for service managers only, audited as an export."""

import pytest
from django.urls import reverse
from django.utils import timezone
from markupsafe import escape  # Jinja2 escapes an apostrophe as &#39;, Django as &#x27;

from haven.casework.selectors import VisibleCase
from haven.casework.services import case_note_add
from haven.core.models import AuditAction, AuditEvent
from haven.incidents.views.chronology import chronology_html

pytestmark = pytest.mark.django_db


def _url(case):
    return reverse("incidents:chronology", args=[case.pk])


def test_seed_004_s6_5_a_service_manager_downloads_the_pdf_and_it_is_audited(
    client, incident, personas
):
    case = incident.case
    client.force_login(personas.service_manager)
    response = client.get(_url(case))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert case.person.reference_code in response["Content-Disposition"]
    assert AuditEvent.objects.filter(
        actor=personas.service_manager, action=AuditAction.EXPORT, object_id=str(case.pk)
    ).exists()


@pytest.mark.parametrize(("who", "status"), [("team_leader", 403), ("caseworker", 403)])
def test_only_service_managers_export_it(client, incident, personas, who, status):
    client.force_login(getattr(personas, who))
    assert client.get(_url(incident.case)).status_code == status


def test_an_outsider_finds_nothing(client, incident, personas):
    client.force_login(personas.outsider)
    assert client.get(_url(incident.case)).status_code == 404


def test_the_events_are_in_time_order_with_their_authors_and_no_note_text(cornwall_case, personas):
    case_note_add(
        case=cornwall_case,
        author=personas.caseworker,
        note_type="contact",
        text="Synthetic secret words",
        happened_at=timezone.now(),
    )
    html = chronology_html(VisibleCase(cornwall_case, can_change=False, can_manage=False))
    rows = html[html.index("<tbody>") :]
    assert rows.index("Referral received") < rows.index("Case opened") < rows.index("Note added")
    assert escape(personas.caseworker.full_name) in html
    assert "Synthetic secret words" not in html


def test_the_case_page_links_it_for_service_managers_only(client, incident, personas):
    detail = reverse("casework:detail", args=[incident.case.pk])
    client.force_login(personas.service_manager)
    page = client.get(detail).content.decode()
    assert _url(incident.case) in page
    assert "Serious incidents" in page
    client.force_login(personas.caseworker)
    page = client.get(detail).content.decode()
    assert _url(incident.case) not in page
    assert reverse("incidents:case_add", args=[incident.case.pk]) in page
    assert "Near miss" in page
