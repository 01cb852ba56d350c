"""The area check decides the area from the postcode (else the post town) when no local authority
is recorded, against the areas each shipped profile names (haven/people/data/postcode_districts.csv
gives each district's authorities and its source)."""

import pytest

from haven.contracts.profiles.validate import PROFILES_DIR, load_profile
from haven.people.postcodes import area_of
from haven.referrals.eligibility import ReferralFacts, assess


def eligibility(slug):
    return load_profile(PROFILES_DIR / f"{slug}.yaml").model_dump(mode="json")["eligibility"]


def area_findings(slug, **address):
    decision = assess(eligibility(slug), ReferralFacts(consent_to_contact=True, **address))
    return decision, [text for text in decision.reasons + decision.checks if "rea" in text]


def test_a_wokingham_postcode_is_in_wokingham_for_the_wokingham_service():
    # seed 003 s1: the residents of Wokingham Borough (wokingham-da-2017 `areas: [Wokingham]`)
    decision, findings = area_findings("wokingham-da-2017", postcode="RG40 1AA", town="Wokingham")
    assert decision.eligible
    assert findings == []


def test_a_leicester_city_centre_postcode_is_in_leicester_for_the_city_lots():
    # seed 001 (Leicester City Council 2012): services for Leicester City residents
    decision, findings = area_findings("leicester-victim-survivor-2012", postcode="le1 6zg")
    assert decision.eligible
    assert findings == []


def test_a_district_across_the_city_boundary_asks_staff_to_check_rather_than_guess():
    # LE3 reaches Leicester City and Leicestershire (Glenfield, Braunstone Town)
    decision, findings = area_findings("leicester-family-2012", postcode="LE3 9QP")
    assert decision.eligible
    assert findings == [
        "Area uncertain — check: postcode district LE3 is partly in Leicester and Leicestershire; "
        "this service covers Leicester"
    ]


def test_a_district_across_the_city_boundary_is_inside_when_the_contract_covers_both_sides():
    # seed 000 / seed 002 s3.1: the OPCC services cover Leicester, Leicestershire and Rutland
    for slug in ("opcc-dv360", "victim-first-2018", "target-hardening-2018"):
        decision, findings = area_findings(slug, postcode="LE3 9QP")
        assert (decision.eligible, findings) == (True, []), slug


def test_a_postcode_outside_every_area_the_contract_covers_is_declined_naming_the_district():
    decision, findings = area_findings("wokingham-da-2017", postcode="LE1 6ZG")
    assert not decision.eligible
    assert findings == [
        "Area Leicester (postcode district LE1) is not covered (this service covers Wokingham) "
        "(seed 003 s8)"
    ]


def test_the_post_town_decides_when_there_is_no_postcode():
    decision, findings = area_findings("wokingham-da-2017", town=" wokingham ")
    assert (decision.eligible, findings) == (True, [])


def test_a_recorded_local_authority_is_used_as_recorded():
    decision, _ = area_findings("wokingham-da-2017", area="Reading", postcode="RG40 1AA")
    assert not decision.eligible


def test_a_district_the_table_does_not_know_is_still_not_known():
    _, findings = area_findings("wokingham-da-2017", postcode="SW1A 1AA")
    assert findings == ["Area is not known: this service covers Wokingham"]


@pytest.mark.parametrize(
    ("postcode", "authorities"),
    [
        ("TR1 3AY", ("Cornwall",)),  # seed 004 s1: Cornwall Council, County Hall, Truro TR1 3AY
        ("TR21 0HE", ("Isles of Scilly",)),
        ("PL25 5DR", ("Cornwall",)),
        ("LE15 6HP", ("Rutland", "Leicestershire")),
        ("RG41 2FD", ("Wokingham",)),
    ],
)
def test_the_table_covers_every_area_the_nine_profiles_name(postcode, authorities):
    assert area_of(postcode=postcode).authorities == authorities


def test_every_area_a_profile_names_is_an_authority_in_the_table():
    named = set()
    for path in PROFILES_DIR.glob("*.yaml"):
        named |= set(load_profile(path).area)
    known = {
        a
        for district in ("LE1", "LE15", "LE11", "RG40", "TR1", "TR21")
        for a in area_of(postcode=f"{district} 1AA").authorities
    }
    assert named <= known


@pytest.mark.django_db
def test_a_referral_for_a_wokingham_address_with_no_local_authority_is_not_area_unknown():
    from haven.referrals.services import eligibility_of
    from haven.testing.casework import ReferralFactory

    profile = {
        "slug": "w",
        "name": "W",
        "deadlines": [],
        "eligibility": eligibility("wokingham-da-2017"),
    }
    referral = ReferralFactory(
        contract__profile=profile,
        person__local_authority="",
        person__postcode="RG40 1AA",
        person__town="Wokingham",
    )
    decision = eligibility_of(referral)
    assert (decision.eligible, decision.checks) == (True, [])


@pytest.mark.parametrize(
    ("typed", "slug"),
    [
        ("Wokingham Borough Council", "wokingham-da-2017"),
        ("Leicester City Council", "leicester-family-2012"),
        ("City of Leicester", "leicester-family-2012"),
        ("Rutland County Council", "opcc-dv360"),
    ],
)
def test_a_local_authority_typed_as_the_councils_name_is_the_area(typed, slug):
    decision, findings = area_findings(slug, area=typed)
    assert (decision.eligible, findings) == (True, [])


def test_leicestershire_county_council_is_not_leicester():
    decision, _ = area_findings("leicester-family-2012", area="Leicestershire County Council")
    assert not decision.eligible
