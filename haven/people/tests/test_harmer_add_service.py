"""harmer_add: a person causing harm, linked; living together blocks letters and visits home."""

from haven.core.models import AuditEvent
from haven.people.safe_contact import check_channel
from haven.people.services import harmer_add


def _add(personas, person, lives_with_person):
    return harmer_add(
        person=person,
        added_by=personas.caseworker,
        details={"given_name": "Rex", "family_name": "Synthetic"},
        relationship="ex_partner",
        lives_with_person=lives_with_person,
    )


def test_it_links_the_person_causing_harm(personas, person):
    link = _add(personas, person, lives_with_person=False)
    assert link.harmer.organisation == person.organisation
    assert list(person.harm_links.all()) == [link]


def test_living_together_marks_the_person_causing_harm_as_at_the_address(personas, person):
    _add(personas, person, lives_with_person=True)
    person.safe_contact.refresh_from_db()
    assert person.safe_contact.harmer_at_address == "yes"
    result = check_channel(person.safe_contact.preferences(), "visit", None)
    assert result.reasons == ["The person causing harm lives at the address"]


def test_it_is_audited(personas, person):
    _add(personas, person, lives_with_person=False)
    kinds = set(AuditEvent.objects.values_list("object_type", flat=True))
    assert kinds == {"people.personcausingharm", "people.harmlink"}
