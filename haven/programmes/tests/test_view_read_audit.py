"""Every programme page that shows people writes a 'Viewed' event in the request that showed it
(issue 9 s5; core/tests/test_read_audit.py lists them here)."""

import pytest
from django.urls import reverse

from haven.core.models import AuditAction, AuditEvent
from haven.programmes.services_liaison import partner_liaison_start
from haven.programmes.tests.views_helpers import run_pages

pytestmark = pytest.mark.django_db
READS = (AuditAction.VIEW, AuditAction.VIEW_RESTRICTED)


def _reads(user):
    return AuditEvent.objects.filter(actor=user, action__in=READS).count()


def test_every_page_audits_the_records_it_shows(client, run, place, victim_case, personas):
    from django.utils import timezone

    liaison = partner_liaison_start(
        victim_case=victim_case,
        perpetrator_reference=place.case.person.reference_code,
        started_on=timezone.localdate(),
        by=personas.caseworker,
    )
    session = run.sessions.first()
    facilitator = personas.outsider
    pages = {
        name: (url, facilitator)
        for name, url in run_pages(run, place, session).items()
        if name not in ("creche", "run_finish")
    }
    pages["index"] = (reverse("programmes:index"), facilitator)
    pages["programme"] = (reverse("programmes:programme", args=[run.programme_id]), facilitator)
    pages["enrol"] = (reverse("programmes:enrol", args=[place.case_id]), facilitator)
    pages["liaison_start"] = (
        reverse("programmes:liaison_start", args=[victim_case.pk]),
        personas.caseworker,
    )
    pages["partner_contact"] = (
        reverse("programmes:partner_contact", args=[victim_case.pk, liaison.pk]),
        personas.caseworker,
    )
    from haven.programmes.services import run_create

    run_create(  # a second group: the enrol page has a choice
        programme=run.programme,
        name="Second group",
        starts_on=timezone.localdate(),
        planned_end_on=timezone.localdate() + timezone.timedelta(weeks=30),
        venue="",
        facilitators=[facilitator],
        created_by=personas.service_manager,
    )
    for name, (url, user) in pages.items():
        client.force_login(user)
        before = _reads(user)
        assert client.get(url).status_code == 200, name
        assert _reads(user) > before, name
