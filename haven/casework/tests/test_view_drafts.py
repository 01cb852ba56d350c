"""Save as draft on long forms (issue 11: "save as draft, and never lose what was typed"): the
needs assessment kept part-way, shown again as typed without errors, only to its author,
continued from the case page, discarded on request or when the form is recorded."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from haven.casework.models import FormDraft, NeedsAssessment
from haven.casework.tests.test_view_needs_assessment import assessment
from haven.core.models import AuditAction, AuditEvent

pytestmark = pytest.mark.django_db

SUMMARY = "Wants help with a tenancy; worried about money"


def url(case):
    return reverse("casework:needs_assessment", args=[case.pk])


def save_draft(client, case, **data):
    return client.post(
        url(case), {"summary": SUMMARY, "stage": "initial", "save_draft": "1"} | data
    )


def test_a_part_done_assessment_is_kept_as_a_draft_without_recording_anything(
    client, victim_first_case, personas
):
    client.force_login(personas.caseworker)
    response = save_draft(client, victim_first_case)  # no date, no levels: not valid yet
    assert response.status_code == 302
    assert response["Location"] == reverse("casework:detail", args=[victim_first_case.pk])
    assert not NeedsAssessment.objects.exists()
    draft = FormDraft.objects.get()
    assert (draft.author, draft.form_key) == (personas.caseworker, "needs_assessment")
    assert draft.data["summary"] == [SUMMARY]
    assert "save_draft" not in draft.data
    assert "csrfmiddlewaretoken" not in draft.data
    event = AuditEvent.objects.get(object_id=str(draft.pk))
    assert event.action == AuditAction.CREATE
    assert SUMMARY not in str(event.changes)  # the trail says a draft was saved, not what it holds
    case_page = client.get(response["Location"]).content.decode()
    assert "Continue: Record a needs assessment" in case_page
    assert url(victim_first_case) in case_page


def test_the_draft_comes_back_as_typed_with_no_errors_until_it_is_sent(
    client, victim_first_case, personas
):
    client.force_login(personas.caseworker)
    save_draft(client, victim_first_case)
    page = client.get(url(victim_first_case)).content.decode()
    assert SUMMARY in page
    assert "You are continuing the draft you saved" in page
    assert "govuk-error-summary" not in page
    assert "govuk-error-message" not in page
    # sending it as it is shows the errors, and the typed text stays
    page = client.post(url(victim_first_case), {"summary": SUMMARY, "stage": "initial"})
    assert "govuk-error-summary" in page.content.decode()
    assert SUMMARY in page.content.decode()


def test_recording_the_form_deletes_the_draft(client, victim_first_case, personas):
    client.force_login(personas.caseworker)
    save_draft(client, victim_first_case)
    response = client.post(url(victim_first_case), assessment(victim_first_case, summary=SUMMARY))
    assert response.status_code == 302
    assert NeedsAssessment.objects.get().summary == SUMMARY
    assert not FormDraft.objects.exists()
    assert "Continue:" not in client.get(response["Location"]).content.decode()


def test_a_draft_is_only_its_authors(client, victim_first_case, personas):
    client.force_login(personas.caseworker)
    save_draft(client, victim_first_case)
    client.force_login(personas.team_leader)  # may change the case, but did not write the draft
    assert SUMMARY not in client.get(url(victim_first_case)).content.decode()
    assert (
        "Continue:"
        not in client.get(reverse("casework:detail", args=[victim_first_case.pk])).content.decode()
    )


def test_an_outsider_cannot_save_a_draft_on_the_case(client, victim_first_case, personas):
    client.force_login(personas.outsider)
    assert save_draft(client, victim_first_case).status_code in (403, 404)
    assert not FormDraft.objects.exists()


def test_discarding_the_draft_starts_the_form_again(client, victim_first_case, personas):
    client.force_login(personas.caseworker)
    save_draft(client, victim_first_case)
    discard = reverse("casework:draft_discard", args=[victim_first_case.pk, "needs_assessment"])
    assert client.get(discard).status_code == 405
    response = client.post(discard)
    assert response["Location"] == url(victim_first_case)
    assert not FormDraft.objects.exists()
    assert SUMMARY not in client.get(url(victim_first_case)).content.decode()


def test_a_draft_older_than_30_days_is_not_offered(client, victim_first_case, personas):
    client.force_login(personas.caseworker)
    save_draft(client, victim_first_case)
    FormDraft.objects.update(saved_at=timezone.now() - dt.timedelta(days=31))
    assert SUMMARY not in client.get(url(victim_first_case)).content.decode()
    save_draft(client, victim_first_case, summary="Newer")  # saving again replaces the old one
    assert list(FormDraft.objects.values_list("data__summary", flat=True)) == [["Newer"]]


def test_an_answer_too_long_is_not_kept_even_as_a_draft(client, victim_first_case, personas):
    client.force_login(personas.caseworker)
    response = save_draft(client, victim_first_case, summary="x" * 20_001)
    assert response.status_code == 200
    assert "The draft was not saved: an answer is longer than 20,000 characters" in (
        response.content.decode()
    )
    assert not FormDraft.objects.exists()
    assert not NeedsAssessment.objects.exists()


def test_a_null_character_is_not_kept_even_as_a_draft(client, victim_first_case, personas):
    # PostgreSQL keeps no null character in text (the hostile-input walk found a 500)
    client.force_login(personas.caseworker)
    response = save_draft(client, victim_first_case, stage="a\x00b")
    assert response.status_code == 200
    assert "an answer holds a null character" in response.content.decode()
    assert not FormDraft.objects.exists()
