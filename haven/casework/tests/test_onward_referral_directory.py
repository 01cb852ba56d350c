"""`onward_referral_record` with the directory (issue 11 item 4): the entry's name and type are
used; an inactive entry or another provider's is refused; the need is one of the profile's needs
areas; without consent it is refused unless a safeguarding reason is given (reference.md, Marac
referral form fields, Consent: "can you satisfy the requirement to share without consent?";
seed 003 Information Sharing); "passed directly" (seed 002 Lot 1 s7) is its own kind."""

import pytest

from haven.casework.models import CaseEvent, CaseState, OnwardReferral
from haven.casework.services import ExitStepRefusedError, onward_referral_record
from haven.casework.tests.directory_fixtures import an_agency
from haven.casework.tests.exit_fixtures import a_moment_ago
from haven.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def record(case, personas, **fields):
    values = {"consent": True, "made_at": a_moment_ago()}
    return onward_referral_record(case=case, recorded_by=personas.caseworker, **(values | fields))


def test_a_directory_agency_gives_the_referral_its_name_and_type(victim_first_case, personas):
    agency = an_agency(personas.organisation)
    referral = record(
        victim_first_case, personas, directory_agency=agency, need_area="mental_health"
    )
    referral.refresh_from_db()
    assert (referral.agency, referral.agency_type, referral.directory_agency) == (
        "Synthetic Mind Service",
        "mental_health",
        agency,
    )
    # seed 002 s3.9: the need is one of the profile's areas, its label kept for the timeline
    assert (referral.need_area, referral.need, referral.outcome) == (
        "mental_health",
        "Mental health",
        "awaiting",
    )
    event = CaseEvent.objects.get(case=victim_first_case, kind="onward_referral")
    assert event.summary == "Onward referral made to Synthetic Mind Service (Mental health)"


def test_an_inactive_directory_agency_is_refused(victim_first_case, personas):
    agency = an_agency(personas.organisation, is_active=False)
    with pytest.raises(ExitStepRefusedError) as refused:
        record(victim_first_case, personas, directory_agency=agency)
    assert refused.value.field == "directory_agency"
    assert "no longer active" in str(refused.value)
    assert not OnwardReferral.objects.exists()


def test_another_providers_directory_agency_is_refused(victim_first_case, personas):
    agency = an_agency(personas.other_organisation)
    with pytest.raises(ExitStepRefusedError) as refused:
        record(victim_first_case, personas, directory_agency=agency)
    assert refused.value.field == "directory_agency"
    assert not OnwardReferral.objects.exists()


def test_a_need_not_among_the_profiles_areas_is_refused(victim_first_case, personas):
    with pytest.raises(ExitStepRefusedError) as refused:
        record(
            victim_first_case,
            personas,
            agency="Synthetic Agency",
            agency_type="other",
            need_area="astrology",
        )
    assert refused.value.field == "need_area"


def test_without_consent_or_a_reason_it_is_refused(victim_first_case, personas):
    agency = an_agency(personas.organisation)
    with pytest.raises(ExitStepRefusedError) as refused:
        record(victim_first_case, personas, directory_agency=agency, consent=False)
    assert refused.value.field == "consent"
    assert "safeguarding reason" in str(refused.value)
    assert not OnwardReferral.objects.exists()


def test_without_consent_a_safeguarding_reason_lets_it_be_recorded_and_audited(
    victim_first_case, personas
):
    # reference.md (Marac referral form fields, Consent): sharing without consent is recorded
    # with the reason; seed 003 Information Sharing: when confidentiality may be breached
    agency = an_agency(personas.organisation, agency_type="social_care_children")
    referral = record(
        victim_first_case,
        personas,
        directory_agency=agency,
        consent=False,
        consent_override="Synthetic: a child at risk of significant harm",
    )
    referral.refresh_from_db()
    assert (referral.consent, referral.consent_override) == (
        False,
        "Synthetic: a child at risk of significant harm",
    )
    audit = AuditEvent.objects.get(object_id=str(referral.pk), action="create")
    assert audit.changes["consent"] == [None, False]
    assert audit.changes["consent_override"][1].startswith("Synthetic")


def test_with_consent_a_reason_is_not_kept(victim_first_case, personas):
    agency = an_agency(personas.organisation)
    referral = record(
        victim_first_case, personas, directory_agency=agency, consent_override="Not needed"
    )
    assert referral.consent_override == ""


def test_passed_directly_is_its_own_kind_on_the_timeline(victim_first_case, personas):
    # seed 002 Lot 1 s7: "directly passed onto more appropriate support services"
    agency = an_agency(personas.organisation, name="Synthetic Victim Service", agency_type="other")
    referral = record(victim_first_case, personas, directory_agency=agency, kind="passed_on")
    assert referral.kind == "passed_on"
    event = CaseEvent.objects.get(case=victim_first_case, kind="onward_referral")
    assert event.summary == "Passed directly to Synthetic Victim Service"


def test_a_closed_case_takes_no_referral(victim_first_case, personas):
    victim_first_case.state = CaseState.CLOSED
    victim_first_case.save()
    agency = an_agency(personas.organisation)
    with pytest.raises(ExitStepRefusedError, match="The case is closed"):
        record(victim_first_case, personas, directory_agency=agency)
    assert not OnwardReferral.objects.exists()


def test_a_directory_referral_still_meets_the_exit_requirement(referral_case, personas):
    # the profile's exit requirement "onward_referral" (services/closure.py) is met by any referral
    from haven.casework.services import case_close

    record(referral_case, personas, directory_agency=an_agency(personas.organisation))
    case_close(
        case=referral_case,
        closed_by=personas.caseworker,
        exit_type="planned",
        exit_reason="support_goals_met",
        reason="Done",
    )
    referral_case.refresh_from_db()
    assert (referral_case.state, referral_case.closure_overrides) == (CaseState.CLOSED, {})
