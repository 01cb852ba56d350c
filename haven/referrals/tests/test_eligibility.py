"""The profile's eligibility block decides accept or decline, with every reason."""

from haven.referrals.eligibility import ReferralFacts, assess

LLR = {
    "citation": "seed 002 s3.1",
    "areas": ["Leicester", "Leicestershire", "Rutland"],
    "requires_consent": True,
}
MENS_REFUGE = {
    "citation": "seed 004 s4.2",
    "genders": ["male"],
    "min_age": 18,
    "max_age": None,
    "primary_support_needs": ["da", "hba"],
    "requires_consent": True,
}


def test_someone_in_the_area_who_consents_is_eligible():
    decision = assess(LLR, ReferralFacts(area="leicester", consent_to_contact=True))
    assert decision.eligible
    assert decision.reasons == []


def test_someone_outside_the_area_is_declined_with_the_area_and_citation():
    decision = assess(LLR, ReferralFacts(area="Wokingham", consent_to_contact=True))
    assert not decision.eligible
    assert decision.reasons == [
        "Area Wokingham is not covered (this service covers Leicester, Leicestershire, Rutland) (seed 002 s3.1)"
    ]
    # seed 004 s10 A3 / seed 003 s8: declines are counted by reason category
    assert decision.category == "outside_area"


def test_no_consent_is_declined_when_the_profile_requires_it():
    decision = assess(LLR, ReferralFacts(area="Rutland", consent_to_contact=False))
    assert decision.reasons == ["The person has not consented to be contacted (seed 002 s3.1)"]
    assert decision.category == "no_consent"


def test_consent_is_not_needed_when_the_profile_says_so():
    rules = LLR | {"requires_consent": False}
    assert assess(rules, ReferralFacts(area="Rutland")).eligible


def test_every_failing_rule_is_a_reason():
    decision = assess(
        MENS_REFUGE, ReferralFacts(age=17, gender="female", primary_support_need="fgm")
    )
    assert len(decision.reasons) == 4
    assert "Aged 17, below the minimum age of 18 (seed 004 s4.2)" in decision.reasons
    assert any("female genital mutilation" in reason for reason in decision.reasons)
    # the category is the first rule that failed (the age), seed 004 s4.3 eligibility
    assert decision.category == "outside_eligibility"


def test_an_eligible_referral_has_no_decline_category():
    assert assess(LLR, ReferralFacts(area="Rutland", consent_to_contact=True)).category == ""


def test_above_the_maximum_age_is_declined():
    decision = assess({"max_age": 19}, ReferralFacts(age=20, consent_to_contact=True))
    assert decision.reasons == ["Aged 20, above the maximum age of 19"]


def test_unknown_facts_are_not_a_decline_but_a_check_for_staff():
    decision = assess(MENS_REFUGE, ReferralFacts(consent_to_contact=True))
    assert decision.eligible
    assert any("Age is not known" in check for check in decision.checks)
    assert any("Gender is not known" in check for check in decision.checks)


def test_no_eligibility_block_accepts_with_consent():
    assert assess(None, ReferralFacts(consent_to_contact=True)).eligible
