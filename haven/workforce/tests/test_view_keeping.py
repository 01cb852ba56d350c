"""The pages that keep the workforce plan, leavers, login links, courses and training sessions:
the organisation's team leaders and service managers may; the worker themself, a teammate, an
outsider and other roles are refused; bad values are named on their fields; writes audited."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from haven.core.models import AuditAction, AuditEvent
from haven.workforce.models import Course, EstablishmentPost, TrainingSession
from haven.workforce.plan import establishment_post_create

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def day_boxes(name, day):
    return {f"{name}-day": day.day, f"{name}-month": day.month, f"{name}-year": day.year}


@pytest.fixture
def post(personas):
    return establishment_post_create(
        organisation=personas.organisation,
        title="Outreach worker",
        contract_type="permanent",
        fte=Decimal("2"),
        valid_from=TODAY() - timedelta(days=100),
        created_by=personas.service_manager,
    )


@pytest.fixture
def course(personas):
    return Course.objects.create(
        organisation=personas.organisation, name="Safeguarding", mandatory_for_staff=True
    )


def pages(personas, staff, post):
    organisation = personas.organisation.pk
    return [
        reverse("workforce:posts", args=[organisation]),
        reverse("workforce:post_add", args=[organisation]),
        reverse("workforce:post_edit", args=[post.pk]),
        reverse("workforce:post_close", args=[post.pk]),
        reverse("workforce:courses", args=[organisation]),
        reverse("workforce:course_add", args=[organisation]),
        reverse("workforce:session_add", args=[organisation]),
        reverse("workforce:staff_edit", args=[staff.pk]),
        reverse("workforce:staff_leave", args=[staff.pk]),
        reverse("workforce:staff_login", args=[staff.pk]),
    ]


@pytest.mark.parametrize("who", ["team_leader", "service_manager"])
def test_managers_open_every_keeping_page_linked_from_index_and_record(
    client, personas, caseworker_record, post, course, who
):
    client.force_login(getattr(personas, who))
    index = client.get(reverse("workforce:index")).content.decode()
    assert reverse("workforce:posts", args=[personas.organisation.pk]) in index
    assert reverse("workforce:courses", args=[personas.organisation.pk]) in index
    record = client.get(reverse("workforce:staff", args=[caseworker_record.pk])).content.decode()
    assert reverse("workforce:staff_leave", args=[caseworker_record.pk]) in record
    assert reverse("workforce:staff_login", args=[caseworker_record.pk]) in record
    for url in pages(personas, caseworker_record, post):
        assert client.get(url).status_code == 200, url


def test_the_drill_down_post_page_links_to_change_it(client, personas, post):
    client.force_login(personas.service_manager)
    body = client.get(reverse("workforce:post", args=[post.pk])).content.decode()
    assert reverse("workforce:post_edit", args=[post.pk]) in body


def test_the_worker_themself_is_refused_and_sees_no_links(
    client, personas, caseworker_record, post, course
):
    client.force_login(personas.caseworker)
    record = client.get(reverse("workforce:staff", args=[caseworker_record.pk])).content.decode()
    assert reverse("workforce:staff_leave", args=[caseworker_record.pk]) not in record
    for url in pages(personas, caseworker_record, post):
        assert client.get(url).status_code in {403, 404}, url
        assert client.post(url, {"title": "x"}).status_code in {403, 404}, url


@pytest.mark.parametrize(
    "who",
    [
        "teammate",
        "outsider",
        "analyst",
        "auditor",
        "commissioner",
        "other_provider_caseworker",
        "no_role",
    ],
)
def test_others_are_refused_every_keeping_page(client, personas, caseworker_record, post, who):
    client.force_login(getattr(personas, who))
    for url in pages(personas, caseworker_record, post):
        assert client.get(url).status_code in {403, 404}, url
        assert client.post(url, {"unlink": "1"}).status_code in {403, 404}, url
    caseworker_record.refresh_from_db()
    assert caseworker_record.user == personas.caseworker


def _errors_on(response, *fields):
    body = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in body
    for field in fields:
        assert f'href="#{field}' in body or f'href="#id_{field}' in body, field


def test_a_post_is_added_changed_and_ended_from_the_pages(client, personas):
    client.force_login(personas.team_leader)
    add = reverse("workforce:post_add", args=[personas.organisation.pk])
    unreadable = client.post(
        add, {"title": "", "contract_type": "", "fte": "lots", **day_boxes("valid_from", TODAY())}
    )
    _errors_on(unreadable, "title", "contract_type", "fte")
    refused = client.post(
        add,
        {
            "title": "Outreach worker",
            "contract_type": "permanent",
            "fte": "0",
            **day_boxes("valid_from", TODAY()),
            **day_boxes("valid_to", TODAY() - timedelta(days=1)),
        },
    )
    _errors_on(refused, "fte", "valid_to")
    assert not EstablishmentPost.objects.exists()
    fields = {"title": "Outreach worker", "contract_type": "permanent", "fte": "1.5"}
    response = client.post(add, {**fields, **day_boxes("valid_from", TODAY())})
    assert response.status_code == 302
    post = EstablishmentPost.objects.get()
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_id=str(post.pk)).exists()
    listing = client.get(reverse("workforce:posts", args=[personas.organisation.pk]))
    assert "Outreach worker" in listing.content.decode()
    edit = reverse("workforce:post_edit", args=[post.pk])
    fields["fte"] = "99"
    _errors_on(client.post(edit, {**fields, **day_boxes("valid_from", TODAY())}), "fte")
    fields["fte"] = "3"
    assert client.post(edit, {**fields, **day_boxes("valid_from", TODAY())}).status_code == 302
    post.refresh_from_db()
    assert post.fte == Decimal("3")
    close = reverse("workforce:post_close", args=[post.pk])
    early = client.post(close, day_boxes("closed_on", TODAY() - timedelta(days=1)))
    _errors_on(early, "closed_on")
    assert client.post(close, day_boxes("closed_on", TODAY())).status_code == 302
    post.refresh_from_db()
    assert post.valid_to == TODAY()
    updates = AuditEvent.objects.filter(action=AuditAction.UPDATE, object_id=str(post.pk))
    assert updates.count() == 2


def test_seed_004_s10_leaving_is_recorded_and_shown_on_the_staff_page(
    client, personas, caseworker_record
):
    client.force_login(personas.team_leader)
    url = reverse("workforce:staff_leave", args=[caseworker_record.pk])
    _errors_on(client.post(url, day_boxes("left_on", TODAY())), "reason")
    too_early = client.post(
        url,
        {
            **day_boxes("left_on", caseworker_record.started_on - timedelta(days=1)),
            "reason": "retirement",
        },
    )
    _errors_on(too_early, "left_on")
    far = client.post(
        url, {**day_boxes("left_on", TODAY() + timedelta(days=400)), "reason": "retirement"}
    )
    _errors_on(far, "left_on")
    done = client.post(url, {**day_boxes("left_on", TODAY()), "reason": "retirement"})
    assert done.status_code == 302
    caseworker_record.refresh_from_db()
    assert (caseworker_record.left_on, caseworker_record.leaving_reason) == (TODAY(), "retirement")
    page = client.get(reverse("workforce:staff", args=[caseworker_record.pk])).content.decode()
    assert "Retired" in page
    assert AuditEvent.objects.filter(
        action=AuditAction.UPDATE, object_id=str(caseworker_record.pk)
    ).exists()


def test_a_record_is_linked_to_a_login_and_unlinked(client, personas, volunteer):
    client.force_login(personas.team_leader)
    url = reverse("workforce:staff_login", args=[volunteer.pk])
    page = client.get(url).content.decode()
    assert personas.teammate.email in page
    assert personas.other_provider_caseworker.email not in page  # another organisation
    _errors_on(client.post(url, {"user": ""}), "user")
    stranger = client.post(url, {"user": str(personas.other_provider_caseworker.pk)})
    _errors_on(stranger, "user")
    assert client.post(url, {"user": str(personas.teammate.pk)}).status_code == 302
    volunteer.refresh_from_db()
    assert volunteer.user == personas.teammate
    assert client.post(url, {"unlink": "1"}).status_code == 302
    volunteer.refresh_from_db()
    assert volunteer.user is None
    assert (
        AuditEvent.objects.filter(action=AuditAction.UPDATE, object_id=str(volunteer.pk)).count()
        == 2
    )


def test_a_course_is_added_and_a_session_recorded_with_its_attendees(
    client, personas, caseworker_record, volunteer
):
    client.force_login(personas.team_leader)
    add = reverse("workforce:course_add", args=[personas.organisation.pk])
    _errors_on(client.post(add, {"name": "", "renewal_months": "0"}), "name", "renewal_months")
    response = client.post(
        add, {"name": "Safeguarding", "mandatory_for": ["staff"], "renewal_months": "12"}
    )
    assert response.status_code == 302
    course = Course.objects.get()
    assert (course.mandatory_for_staff, course.mandatory_for_volunteers) == (True, False)
    _errors_on(client.post(add, {"name": "safeguarding"}), "name")
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_id=str(course.pk)).exists()
    session_url = reverse("workforce:session_add", args=[personas.organisation.pk])
    assert (
        session_url
        in client.get(
            reverse("workforce:courses", args=[personas.organisation.pk])
        ).content.decode()
    )
    _errors_on(client.post(session_url, {"course": ""}), "course", "held_on", "attendees")
    response = client.post(
        session_url,
        {
            "course": str(course.pk),
            **day_boxes("held_on", TODAY()),
            "attendees": [str(caseworker_record.pk), str(volunteer.pk)],
        },
    )
    assert response.status_code == 302
    session = TrainingSession.objects.get()
    assert session.completions.count() == 2
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, object_id=str(session.pk)).exists()


@pytest.mark.parametrize("who", ["team_leader", "service_manager"])
def test_a_new_service_with_no_staff_records_can_add_its_first_worker_and_plan(
    client, personas, who
):
    """The index offered the add, plan and course links only for organisations that already
    had a current staff record, so a new service could never add its first."""
    client.force_login(getattr(personas, who))
    index = client.get(reverse("workforce:index")).content.decode()
    for name in ("staff_add", "posts", "courses"):
        assert reverse(f"workforce:{name}", args=[personas.organisation.pk]) in index, name


def test_seed_004_s10_a_worker_moved_into_a_post_counts_against_it_and_the_audit_says_so(
    client, personas, caseworker_record, post
):
    """Changing a record's details from its page: the post and FTE feed vacancy and plan
    against actual; the audit names what changed, never the old or new name."""
    client.force_login(personas.team_leader)
    record = client.get(reverse("workforce:staff", args=[caseworker_record.pk])).content.decode()
    url = reverse("workforce:staff_edit", args=[caseworker_record.pk])
    assert url in record
    form = client.get(url).content.decode()
    assert caseworker_record.full_name in form  # prefilled
    data = {
        "full_name": "Synthetic Renamed",
        "kind": "staff",
        "job_title": "Senior IDVA",
        "contract_type": "permanent",
        "fte": "0.6",
        "volunteer_role": "",
        "started_on-day": str(caseworker_record.started_on.day),
        "started_on-month": str(caseworker_record.started_on.month),
        "started_on-year": str(caseworker_record.started_on.year),
        "post": str(post.pk),
    }
    assert client.post(url, data).status_code == 302
    caseworker_record.refresh_from_db()
    assert (caseworker_record.post_id, caseworker_record.fte) == (post.pk, Decimal("0.6"))
    event = AuditEvent.objects.filter(
        action=AuditAction.UPDATE, object_id=str(caseworker_record.pk)
    ).latest("occurred_at")
    assert event.changes["full_name"] == ["changed"]
    assert event.changes["fte"] == ["1.00", "0.60"]
    assert event.changes["post_id"] == [None, str(post.pk)]
    assert "Synthetic Renamed" not in str(event.changes)
    assert "Enter the name" in client.post(url, data | {"full_name": ""}).content.decode()
    too_much = client.post(url, data | {"fte": "1.5"}).content.decode()
    assert "FTE must be between 0 and 1, for example 0.6" in too_much
    caseworker_record.refresh_from_db()
    assert caseworker_record.fte == Decimal("0.6")
