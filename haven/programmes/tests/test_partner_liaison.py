"""Partner (victim) liaison (seed 001 Lot 4 s1, s5; Lot 3 s5): kept on the victim's case; the
perpetrator's side sees only whether it is in place, the last contact's date and whether a risk
concern was raised, never the victim's case, reference code, address or notes."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from haven.programmes.selectors import NO_LIAISON, LiaisonSummary, liaison_summary
from haven.programmes.services_liaison import partner_contact_record, partner_liaison_start

pytestmark = pytest.mark.django_db
SECRET = "Moved to 14 Acacia Avenue with her sister"


@pytest.fixture
def liaison(place, victim_case, personas):
    found = partner_liaison_start(
        victim_case=victim_case,
        perpetrator_reference=place.case.person.reference_code.lower(),
        started_on=timezone.localdate() - timedelta(days=10),
        by=personas.caseworker,
    )
    partner_contact_record(
        liaison=found,
        contacted_on=timezone.localdate() - timedelta(days=3),
        method="phone",
        risk_concern_raised=True,
        notes=SECRET,
        by=personas.caseworker,
    )
    return found


def test_seed_001_lot_4_the_perpetrators_side_reads_only_the_summary(liaison, place):
    summary = liaison_summary(place)
    assert summary == LiaisonSummary(
        in_place=True,
        last_contact_on=timezone.localdate() - timedelta(days=3),
        risk_concerns_raised=True,
    )
    assert set(LiaisonSummary.__dataclass_fields__) == {
        "in_place",
        "last_contact_on",
        "risk_concerns_raised",
    }


def test_no_liaison_reads_as_not_in_place(place):
    assert liaison_summary(place) == NO_LIAISON


def test_seed_001_lot_4_the_perpetrators_worker_never_sees_the_victims_record(
    client, liaison, place, victim_case, personas
):
    """The perpetrator's worker (and facilitator) opens the perpetrator's case and the group:
    liaison in place, the last contact and the concern flag show; the victim's reference code,
    name, notes and case link never do; the victim's case itself is out of their reach."""
    client.force_login(personas.outsider)
    victim = victim_case.person
    for url in (
        reverse("casework:detail", args=[place.case_id]),
        reverse("programmes:run", args=[place.run_id]),
    ):
        page = client.get(url)
        assert page.status_code == 200, url
        html = page.content.decode()
        assert "Risk concern raised" in html or "risk concerns raised: yes" in html
        assert victim.reference_code not in html
        assert SECRET not in html
        assert str(victim_case.pk) not in html
        for name in (victim.given_name, victim.family_name):
            if name:
                assert name not in html
    assert client.get(reverse("casework:detail", args=[victim_case.pk])).status_code == 404


def test_the_victims_worker_sees_the_contacts_on_the_victims_case(
    client, liaison, victim_case, personas
):
    client.force_login(personas.caseworker)
    html = client.get(reverse("casework:detail", args=[victim_case.pk])).content.decode()
    assert SECRET in html
    assert "Choices for change" in html


def test_liaison_is_started_by_reference_code_of_a_current_perpetrator_place(
    place, victim_case, personas
):
    with pytest.raises(ValidationError) as refused:
        partner_liaison_start(
            victim_case=victim_case,
            perpetrator_reference=victim_case.person.reference_code,
            started_on=timezone.localdate(),
            by=personas.caseworker,
        )
    assert "perpetrator_reference" in refused.value.message_dict


def test_only_someone_who_may_change_the_victims_case_keeps_liaison(
    place, victim_case, liaison, personas
):
    with pytest.raises(PermissionDenied):
        partner_liaison_start(
            victim_case=victim_case,
            perpetrator_reference=place.case.person.reference_code,
            started_on=timezone.localdate(),
            by=personas.outsider,
        )
    with pytest.raises(PermissionDenied):
        partner_contact_record(
            liaison=liaison,
            contacted_on=timezone.localdate(),
            method="phone",
            risk_concern_raised=False,
            notes="",
            by=personas.outsider,
        )


def test_a_place_has_one_liaison(place, victim_case, liaison, personas):
    with pytest.raises(ValidationError, match="already"):
        partner_liaison_start(
            victim_case=victim_case,
            perpetrator_reference=place.case.person.reference_code,
            started_on=timezone.localdate(),
            by=personas.caseworker,
        )


def test_a_perpetrators_subject_access_search_never_reaches_the_victims_liaison(
    liaison, place, victim_case
):
    """The search walks foreign keys from the person's records (subjectaccess/gather.py): the
    perpetrator's finds their place, not the victim's liaison or its notes; the victim's finds
    the liaison and its contacts, not the perpetrator's place."""
    from haven.programmes.models import Enrolment, PartnerContact, PartnerLiaison
    from haven.subjectaccess.gather import walk

    perpetrators = walk(place.case.person)
    assert place.pk in {e.pk for e in perpetrators.get(Enrolment, [])}
    assert PartnerLiaison not in perpetrators
    assert PartnerContact not in perpetrators
    victims = walk(victim_case.person)
    assert liaison.pk in {r.pk for r in victims.get(PartnerLiaison, [])}
    assert len(victims.get(PartnerContact, [])) == 1
    assert Enrolment not in victims
