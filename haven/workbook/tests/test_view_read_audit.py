"""The workbook pages that name people write a 'Viewed' event in the request that showed them
(issue 9 s5; the lint is core/tests/test_read_audit.py)."""

import pytest
from django.urls import reverse

from haven.core.models import AuditAction, AuditEvent
from haven.workbook.models import IdentityReview, WorkbookRun

from .conftest import series

pytestmark = pytest.mark.django_db


def _viewed(response):
    return list(
        AuditEvent.objects.filter(request_id=response["X-Request-Id"], action=AuditAction.VIEW)
    )


def test_the_run_pages_audit_the_referrals_they_list(client, personas, import_rows):
    import_rows(series(3))
    run = WorkbookRun.objects.get()
    client.force_login(personas.caseworker)
    for url in (reverse("workbook:run_list"), reverse("workbook:run_detail", args=[run.pk])):
        response = client.get(url)
        assert response.status_code == 200
        (event,) = _viewed(response)
        assert event.object_type == "referrals.referral"
        assert len(event.changes["shown"]) == 1


def test_the_review_page_audits_the_review_and_its_candidates(
    client, personas, import_rows, existing
):
    import_rows(series(3))
    review = IdentityReview.objects.get()
    client.force_login(personas.caseworker)
    url = reverse("workbook:review_detail", args=[review.pk])
    for response in (client.get(url), client.post(url, {})):
        assert response.status_code == 200
        (event,) = _viewed(response)
        assert (event.object_type, event.object_id) == ("workbook.identityreview", str(review.pk))
        assert event.changes["shown"] == [str(existing.pk)]
