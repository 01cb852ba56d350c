"""The postcode-district table: sourced and dated, one row per district, and read as people type
postcodes and towns."""

import re

from haven.people.postcodes import DISTRICTS_FILE, area_of, outward_code


def test_the_table_cites_its_source_and_the_date_it_was_read():
    header = "".join(
        line
        for line in DISTRICTS_FILE.read_text(encoding="utf-8").splitlines(True)
        if line.startswith("#")
    )
    assert "Source: Wikipedia" in header
    assert re.search(r"read \d{4}-\d{2}-\d{2}", header)


def test_each_district_appears_once_with_at_least_one_authority():
    rows = [
        line.split(",")
        for line in DISTRICTS_FILE.read_text(encoding="utf-8").splitlines()[1:]
        if line and not line.startswith("#") and not line.startswith("district,")
    ]
    districts = [row[0] for row in rows]
    assert len(districts) == len(set(districts))
    assert all(re.fullmatch(r"[A-Z]{1,2}\d{1,2}", d) for d in districts)
    assert all(row[2].strip() for row in rows)


def test_postcodes_are_read_however_they_are_typed():
    assert outward_code(" rg401aa ") == "RG40"
    assert outward_code("not a postcode") == ""
    assert area_of(postcode="rg40 1aa").authorities == ("Wokingham",)
    assert area_of(postcode="rg40 1aa").found_from == "postcode district RG40"


def test_a_post_town_gives_every_authority_its_districts_reach():
    assert area_of(town="Leicester").authorities == ("Leicester", "Leicestershire")
    assert area_of(town="Truro").authorities == ("Cornwall",)
    assert area_of(town="Nowhere-on-Sea").authorities == ()
    assert area_of().found_from == ""
