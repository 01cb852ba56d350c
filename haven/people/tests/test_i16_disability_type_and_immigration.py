"""Type of disability (seed 004 appendix 1 E10-E13) and immigration status (seed 001 s6:
refugee communities) on the equality information."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from haven.core.models import AuditEvent
from haven.people.services import equality_update


def test_seed_004_appendix_1_e10_e13_types_are_saved_for_someone_disabled(personas, person):
    equality_update(
        person=person,
        updated_by=personas.caseworker,
        answers={"disability": "yes"},
        disability_types=["visual", "learning"],
    )
    person.equality.refresh_from_db()
    assert person.equality.disability_types == ["visual", "learning"]
    assert person.equality.disability_visual
    assert not person.equality.disability_physical


def test_seed_004_appendix_1_types_are_refused_without_a_disability(personas, person):
    with pytest.raises(ValidationError) as raised:
        equality_update(
            person=person,
            updated_by=personas.caseworker,
            answers={"disability": "no", "religion": "sikh"},
            disability_types=["hearing"],
        )
    assert "disability_types" in raised.value.message_dict
    person.equality.refresh_from_db()
    assert person.equality.religion == ""  # nothing half-saved


def test_an_unknown_type_is_refused(personas, person):
    with pytest.raises(ValidationError) as raised:
        equality_update(
            person=person,
            updated_by=personas.caseworker,
            answers={"disability": "yes"},
            disability_types=["made-up"],
        )
    assert "disability_types" in raised.value.message_dict


def test_changing_the_answer_away_from_yes_clears_the_types(personas, person):
    equality_update(
        person=person,
        updated_by=personas.caseworker,
        answers={"disability": "yes"},
        disability_types=["physical"],
    )
    equality_update(
        person=person, updated_by=personas.caseworker, answers={"disability": "prefer_not_to_say"}
    )
    person.equality.refresh_from_db()
    assert person.equality.disability_types == []


def test_the_audit_says_which_changed_never_the_type_or_status(personas, person):
    equality_update(
        person=person,
        updated_by=personas.caseworker,
        answers={"disability": "yes", "immigration_status": "asylum_seeker"},
        disability_types=["hearing"],
    )
    event = AuditEvent.objects.get(object_type="people.equalitydata")
    assert event.changes == {
        "disability": ["[changed]", "[changed]"],
        "disability_hearing": ["[changed]", "[changed]"],
        "immigration_status": ["[changed]", "[changed]"],
    }


def test_seed_001_s6_immigration_status_must_be_on_the_list(personas, person):
    with pytest.raises(ValidationError) as raised:
        equality_update(
            person=person, updated_by=personas.caseworker, answers={"immigration_status": "x"}
        )
    assert "immigration_status" in raised.value.message_dict


def test_the_page_saves_types_and_status(client, personas, person):
    client.force_login(personas.caseworker)
    url = reverse("people:equality", args=[person.pk])
    response = client.post(
        url,
        {
            "disability": "yes",
            "disability_types": ["physical", "mental_health"],
            "immigration_status": "refugee",
        },
    )
    assert response["Location"] == reverse("people:detail", args=[person.pk])
    person.equality.refresh_from_db()
    assert person.equality.disability_types == ["physical", "mental_health"]
    assert person.equality.immigration_status == "refugee"


def test_the_page_names_the_field_when_types_come_without_a_disability(client, personas, person):
    client.force_login(personas.caseworker)
    html = client.post(
        reverse("people:equality", args=[person.pk]),
        {"disability": "no", "disability_types": ["visual"]},
    ).content.decode()
    assert "There is a problem" in html
    assert "Only say the type of disability" in html
    person.equality.refresh_from_db()
    assert person.equality.disability == ""


def test_readers_see_the_types_and_status_as_words(client, personas, person):
    person.equality.disability = "yes"
    person.equality.disability_hearing = True
    person.equality.disability_learning = True
    person.equality.immigration_status = "refused_asylum"
    person.equality.save()
    client.force_login(personas.auditor)
    html = client.get(reverse("people:equality", args=[person.pk])).content.decode()
    assert "Hearing (deaf or hard of hearing), Learning disability or difficulty" in html
    assert "Refused asylum seeker" in html
