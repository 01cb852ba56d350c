"""equality_update: answers saved; the audit says which changed, never the answers."""

import pytest
from django.core.exceptions import ValidationError

from haven.core.models import AuditEvent
from haven.people.choices import ETHNIC_GROUPS, ETHNICITY_CHOICES
from haven.people.services import equality_update


def test_the_ons_2021_list_has_19_categories_in_5_groups_and_prefer_not_to_say():
    # reference §9: ONS Census 2021 ethnic group, 19 tick-box categories, 5 groups
    assert len(ETHNIC_GROUPS) == 5
    assert sum(len(items) for items in ETHNIC_GROUPS.values()) == 19
    assert ETHNICITY_CHOICES[-1] == ("prefer_not_to_say", "Prefer not to say")


def test_it_saves_the_answers(personas, person):
    equality_update(
        person=person,
        updated_by=personas.caseworker,
        answers={"ethnicity": "white_roma", "religion": "prefer_not_to_say"},
    )
    person.equality.refresh_from_db()
    assert person.equality.ethnicity == "white_roma"
    assert person.equality.religion == "prefer_not_to_say"


def test_the_audit_records_which_answers_changed_but_not_the_answers(personas, person):
    equality_update(
        person=person, updated_by=personas.caseworker, answers={"sexual_orientation": "bisexual"}
    )
    event = AuditEvent.objects.get(object_type="people.equalitydata")
    assert event.changes == {"sexual_orientation": ["[changed]", "[changed]"]}


def test_the_other_description_is_dropped_unless_an_other_category_is_chosen(personas, person):
    equality_update(
        person=person,
        updated_by=personas.caseworker,
        answers={"ethnicity": "white_irish", "ethnicity_other": "should not stay"},
    )
    assert person.equality.ethnicity_other == ""


def test_an_answer_not_on_the_list_saves_nothing(personas, person):
    with pytest.raises(ValidationError):
        equality_update(
            person=person, updated_by=personas.caseworker, answers={"sex": "x", "religion": "sikh"}
        )
    person.equality.refresh_from_db()
    assert person.equality.religion == ""
