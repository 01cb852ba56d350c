"""Every workforce page for each persona: HR data is personal data of staff, so a worker sees
only their own record and the organisation's team leaders and service managers the others;
the workforce figures are for service managers (seed 004 s10)."""

import pytest
from django.urls import reverse

from haven.workforce.models import Course

pytestmark = pytest.mark.django_db

FORMS = ("supervision_add", "vetting_add", "training_add", "sickness_add")


def staff_urls(staff):
    return [reverse("workforce:staff", args=[staff.pk])] + [
        reverse(f"workforce:{name}", args=[staff.pk]) for name in FORMS
    ]


@pytest.mark.parametrize("who", ["team_leader", "service_manager"])
def test_managers_open_every_staff_page(client, personas, caseworker_record, volunteer, who):
    Course.objects.create(organisation=personas.organisation, name="Safeguarding")
    client.force_login(getattr(personas, who))
    index = client.get(reverse("workforce:index"))
    assert index.status_code == 200
    body = index.content.decode()
    assert caseworker_record.full_name in body
    assert "Vera Volunteer" in body
    for url in [*staff_urls(caseworker_record), *staff_urls(volunteer)]:
        assert client.get(url).status_code == 200, url
    add = reverse("workforce:staff_add", args=[personas.organisation.pk])
    assert client.get(add).status_code == 200


def test_a_worker_sees_their_own_status_and_nobody_elses(
    client, personas, caseworker_record, lapsed_record
):
    client.force_login(personas.caseworker)
    assert client.get(reverse("workforce:index")).url == reverse("workforce:mine")
    mine = client.get(reverse("workforce:mine"))
    assert mine.status_code == 200
    assert "Next supervision" in mine.content.decode()
    assert client.get(reverse("workforce:staff", args=[caseworker_record.pk])).status_code == 200
    for url in staff_urls(lapsed_record):
        assert client.get(url).status_code == 404, url
    # their own record, but recording on it is for managers
    for name in FORMS:
        url = reverse(f"workforce:{name}", args=[caseworker_record.pk])
        assert client.get(url).status_code == 403, url


@pytest.mark.parametrize(
    "who", ["analyst", "commissioner", "other_provider_caseworker", "auditor", "no_role"]
)
def test_others_find_no_staff_record(client, personas, caseworker_record, who):
    client.force_login(getattr(personas, who))
    for url in staff_urls(caseworker_record):
        assert client.get(url).status_code == 404, url
    figures = reverse("workforce:figures", args=[personas.organisation.pk])
    assert client.get(figures).status_code == 404


def test_only_a_service_manager_opens_the_figures_and_csv(client, personas, caseworker_record):
    figures = reverse("workforce:figures", args=[personas.organisation.pk])
    csv_url = reverse("workforce:figures_csv", args=[personas.organisation.pk])
    client.force_login(personas.team_leader)
    assert client.get(figures).status_code == 404
    client.force_login(personas.service_manager)
    page = client.get(figures)
    assert page.status_code == 200
    assert "Vacancy rate" in page.content.decode()
    download = client.get(csv_url + "?period=2025-H2")
    assert download.status_code == 200
    text = download.content.decode()
    assert text.startswith("organisation,period,figure")
    assert "2025-H2" in text
    assert caseworker_record.full_name not in text
    assert client.get(figures + "?period=bad").status_code == 404


def test_recording_a_supervision_lands_on_the_record(client, personas, caseworker_record):
    client.force_login(personas.team_leader)
    url = reverse("workforce:supervision_add", args=[caseworker_record.pk])
    response = client.post(
        url, {"held_on-day": "2", "held_on-month": "3", "held_on-year": "2026", "kind": "group"}
    )
    assert response.status_code == 302
    assert caseworker_record.supervisions.get().kind == "group"


def test_a_bad_supervision_shows_errors_and_saves_nothing(client, personas, caseworker_record):
    client.force_login(personas.team_leader)
    url = reverse("workforce:supervision_add", args=[caseworker_record.pk])
    response = client.post(url, {"held_on-day": "", "kind": ""})
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert not caseworker_record.supervisions.exists()


def test_seed_001_s14_a_worker_gives_their_own_equality_answers(
    client, personas, caseworker_record
):
    url = reverse("workforce:equality", args=[caseworker_record.pk])
    client.force_login(personas.caseworker)
    response = client.post(url, {"sex": "female", "religion": "none", "ethnicity": ""})
    assert response.status_code == 302
    caseworker_record.refresh_from_db()
    assert (caseworker_record.sex, caseworker_record.religion) == ("female", "none")
    client.force_login(personas.teammate)
    assert client.get(url).status_code == 404
    client.force_login(personas.team_leader)
    assert client.get(url).status_code == 200


def test_a_wrong_equality_answer_is_refused_on_its_field(client, personas, caseworker_record):
    client.force_login(personas.caseworker)
    url = reverse("workforce:equality", args=[caseworker_record.pk])
    response = client.post(url, {"sex": "neither"})
    assert response.status_code == 200
    caseworker_record.refresh_from_db()
    assert caseworker_record.sex == ""
