"""The review list and decision page: a person confirms who the victim is."""

import pytest
from django.urls import reverse

from haven.workbook.models import IdentityReview, ReviewStatus

from .conftest import series

pytestmark = pytest.mark.django_db
LIST = reverse("workbook:review_list")


@pytest.fixture
def review(import_rows, existing):
    import_rows(series(3))
    return IdentityReview.objects.get()


def test_the_list_links_to_each_pending_review(client, personas, review):
    client.force_login(personas.caseworker)
    body = client.get(LIST).content.decode()
    assert reverse("workbook:review_detail", args=[review.pk]) in body


def test_confirming_the_link_accepts_the_referral(client, personas, review, existing):
    client.force_login(personas.caseworker)
    url = reverse("workbook:review_detail", args=[review.pk])
    assert existing.reference_code in client.get(url).content.decode()
    response = client.post(url, {"decision": str(existing.pk)})
    review.refresh_from_db()
    assert review.status == ReviewStatus.LINKED
    assert response["Location"] == reverse("referrals:detail", args=[review.referral_id])


def test_confirming_a_new_person(client, personas, review):
    client.force_login(personas.team_leader)
    client.post(reverse("workbook:review_detail", args=[review.pk]), {"decision": "new"})
    review.refresh_from_db()
    assert review.status == ReviewStatus.NEW_PERSON


def test_no_choice_shows_an_error(client, personas, review):
    client.force_login(personas.caseworker)
    response = client.post(reverse("workbook:review_detail", args=[review.pk]), {})
    assert "Select who the victim is" in response.content.decode()


@pytest.mark.parametrize("who", ["analyst", "commissioner"])
def test_other_roles_and_commissioners_are_refused(client, personas, review, who):
    client.force_login(getattr(personas, who))
    assert client.get(LIST).status_code == 403
    url = reverse("workbook:review_detail", args=[review.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"decision": "new"}).status_code == 403


def test_another_providers_staff_cannot_see_the_review(client, personas, review):
    client.force_login(personas.other_provider_caseworker)
    url = reverse("workbook:review_detail", args=[review.pk])
    assert client.get(url).status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client, review):
    assert client.get(LIST).status_code == 302
    assert client.get(reverse("workbook:review_detail", args=[review.pk])).status_code == 302
