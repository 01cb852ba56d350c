"""`think_family_record`: the Think Family questions at a contact (seed 004 s6.5), with young
carers and adult carers offered their referral."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from haven.casework.models import CaseEvent
from haven.safeguarding.adults import think_family_asked, think_family_record
from haven.safeguarding.models import SafeguardingEvent, ThinkFamilyCheck

pytestmark = pytest.mark.django_db


def _record(case, personas, **fields):
    answers = {
        "asked_on": timezone.localdate(),
        "children_in_family": True,
        "parenting_support_needed": False,
        "young_carer": False,
        "vulnerable_adult": False,
        "adult_carer": False,
        "family_offered_support": True,
        "young_carer_referral": "not_needed",
        "adult_carer_referral": "not_needed",
    } | fields
    return think_family_record(case=case, recorded_by=personas.caseworker, **answers)


def test_only_contracts_whose_profile_asks_prompt_the_questions(
    supported_case, think_family_contract
):
    # seed 004 s6.5: Cornwall's profile sets think_family
    supported_case.refresh_from_db()
    assert think_family_asked(supported_case)
    supported_case.contract.profile = {
        k: v for k, v in supported_case.contract.profile.items() if k != "think_family"
    }
    assert not think_family_asked(supported_case)


def test_the_answers_are_recorded_on_the_timeline(supported_case, personas):
    check = _record(supported_case, personas, contact_with_children=" Weekends ")
    assert check.contact_with_children == "Weekends"
    assert CaseEvent.objects.filter(kind="think_family", object_id=str(check.pk)).exists()
    assert not SafeguardingEvent.objects.exists()


def test_a_young_carer_must_be_offered_a_referral(supported_case, personas):
    # seed 004 s6.5: "Young Carers will be offered a referral to the Young Carers Service"
    with pytest.raises(ValidationError) as refused:
        _record(supported_case, personas, young_carer=True)
    assert refused.value.message_dict["young_carer_referral"] == [
        "A carer must be offered a referral to the young carers service"
    ]
    assert not ThinkFamilyCheck.objects.exists()


def test_an_accepted_carers_referral_is_recorded_as_a_referral(supported_case, personas):
    # seed 004 s6.5: "Adult Carers will be offered a referral to the Carers Service"
    _record(
        supported_case,
        personas,
        young_carer=True,
        young_carer_referral="declined",
        adult_carer=True,
        adult_carer_referral="accepted",
    )
    kinds = list(SafeguardingEvent.objects.values_list("kind", flat=True))
    assert kinds == ["referral_adult_carers"]


def test_no_carer_no_referral(supported_case, personas):
    with pytest.raises(ValidationError) as refused:
        _record(supported_case, personas, adult_carer_referral="accepted")
    assert "adult_carer_referral" in refused.value.message_dict
