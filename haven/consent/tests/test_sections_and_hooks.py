"""The case page's confidentiality agreement prompt (seed 004 s11.1, per contract profile), and
onward referrals recorded in the share register (issue 15 item 2)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from haven.casework.services import onward_referral_record
from haven.casework.services.exit_steps import ExitStepRefusedError
from haven.consent.models import Share
from haven.contracts.profiles.schema import Profile

pytestmark = pytest.mark.django_db

CORNWALL = "cornwall-mens-refuge-2021"


def test_seed_004_s11_1_the_cornwall_case_page_prompts_for_the_confidentiality_agreement(
    client, personas, open_case, contract_for, consent_to
):
    case = open_case(contract_for(CORNWALL))
    client.force_login(personas.caseworker)
    url = reverse("casework:detail", args=[case.pk])
    page = client.get(url).content.decode()
    assert "No confidentiality agreement is recorded" in page
    assert reverse("consent:record", args=[case.person.pk]) + "?kind=confidentiality" in page
    consent_to(
        person=case.person,
        kind="confidentiality",
        recipient="",
        purpose="",
        how_given="signed_form",
    )
    assert "No confidentiality agreement is recorded" not in client.get(url).content.decode()


def test_a_contract_whose_seed_asks_for_no_agreement_shows_no_prompt(
    client, personas, open_case, contract_for
):
    case = open_case(contract_for("victim-first-2018"))
    client.force_login(personas.caseworker)
    page = client.get(reverse("casework:detail", args=[case.pk])).content.decode()
    assert "No confidentiality agreement is recorded" not in page


def test_seed_004_s11_1_and_seed_003_s15_ask_for_the_confidentiality_agreement():
    from haven.contracts.profiles.validate import PROFILES_DIR, load_profile

    found = {
        path.stem
        for path in PROFILES_DIR.glob("*.yaml")
        if load_profile(path).confidentiality_agreement is not None
    }
    assert found == {CORNWALL, "wokingham-da-2017"}


def test_the_confidentiality_agreement_key_takes_no_unknown_keys():
    assert "confidentiality_agreement" in Profile.model_fields
    from pydantic import ValidationError as PydanticError

    from haven.contracts.profiles.schema import ConfidentialityAgreementSpec

    with pytest.raises(PydanticError):
        ConfidentialityAgreementSpec.model_validate({"citation": "seed 004 s11.1", "typo": 1})


def test_an_onward_referral_with_consent_is_a_share(team_case, personas):
    referral = onward_referral_record(
        case=team_case,
        recorded_by=personas.caseworker,
        made_at=timezone.now(),
        consent=True,
        agency="Synthetic Housing Options",
        agency_type="housing",
        need="Housing",
    )
    share = Share.objects.get()
    assert (share.kind, share.basis, share.recipient, share.purpose) == (
        "onward_referral",
        "consent",
        "Synthetic Housing Options",
        "Onward referral: Housing",
    )
    assert share.source_id == str(referral.pk)


def test_reference_s7_an_onward_referral_without_consent_is_shared_on_safeguarding(
    team_case, personas
):
    onward_referral_record(
        case=team_case,
        recorded_by=personas.caseworker,
        made_at=timezone.now(),
        consent=False,
        consent_override="Synthetic: risk to a child",
        agency="Synthetic Children's Services",
        agency_type="social_care_children",
    )
    share = Share.objects.get()
    assert (share.basis, share.reason, share.consent) == (
        "safeguarding",
        "Synthetic: risk to a child",
        None,
    )


def test_reference_s7_an_onward_referral_without_consent_is_shared_on_the_basis_chosen(
    team_case, personas
):
    onward_referral_record(
        case=team_case,
        recorded_by=personas.caseworker,
        made_at=timezone.now(),
        consent=False,
        consent_override="Synthetic: a threat to life",
        override_basis="vital_interests",
        agency="Synthetic Police",
        agency_type="police",
    )
    share = Share.objects.get()
    assert (share.basis, share.reason) == ("vital_interests", "Synthetic: a threat to life")


@pytest.mark.parametrize("basis", ["consent", "", "made_up"])
def test_reference_s7_without_consent_a_basis_other_than_consent_is_required(
    team_case, personas, basis
):
    with pytest.raises(ExitStepRefusedError) as refused:
        onward_referral_record(
            case=team_case,
            recorded_by=personas.caseworker,
            made_at=timezone.now(),
            consent=False,
            consent_override="Synthetic: a threat to life",
            override_basis=basis,
            agency="Synthetic Police",
            agency_type="police",
        )
    assert refused.value.field == "override_basis"
    assert not Share.objects.exists()


def test_an_onward_referral_refused_by_casework_records_no_share(team_case, personas):
    with pytest.raises(ExitStepRefusedError):
        onward_referral_record(
            case=team_case,
            recorded_by=personas.caseworker,
            made_at=timezone.now(),
            consent=False,
            agency="Synthetic Housing Options",
            agency_type="housing",
        )
    assert not Share.objects.exists()
