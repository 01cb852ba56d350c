"""The shipped mapping files load, and their fields agree with Haven's models."""

from __future__ import annotations

from pathlib import Path

import pytest

from haven.core.yamlload import YamlInvalid
from haven.people.models import Person
from haven.referralimports.checking import MAX_LENGTHS
from haven.referralimports.mappings import (
    CHOICES,
    PERSON_FIELDS,
    header_key,
    load_mapping,
    shipped_mappings,
)
from haven.referrals.models import ContactMethod, Referral


def test_the_shipped_mappings_load():
    mappings = shipped_mappings()
    # seed 002 s3.6: the police download and Sentinel ASB referrals
    assert mappings["police-daily"].route == "police"
    assert mappings["sentinel-asb"].route == "partner_agency"


def test_choices_and_lengths_agree_with_the_models():
    # seed 002 s3.7: the contact methods the police list offers are Haven's ContactMethod
    assert set(CHOICES["contact_method"]) == set(ContactMethod.values)
    for name, limit in MAX_LENGTHS.items():
        model = Person if name in PERSON_FIELDS else Referral
        field = model._meta.get_field(name)
        assert limit == (field.max_length or 10_000), name


def test_every_police_contact_answer_is_mapped():
    # seed 002 s3.7: "Home Telephone, Mobile Telephone, Work Telephone, Email, In Person, Post,
    # SMS text"
    column = next(
        c for c in shipped_mappings()["police-daily"].columns if c.field == "contact_method"
    )
    for answer in (
        "Home Telephone",
        "Mobile Telephone",
        "Work Telephone",
        "Email",
        "In Person",
        "Post",
        "SMS text",
    ):
        assert column.lookup()[answer.casefold()]


def test_headers_match_ignoring_case_space_and_punctuation():
    assert (
        header_key("\ufeff  Crime_Reference ") == header_key("crime reference") == "crimereference"
    )


def test_a_bad_mapping_names_its_line(tmp_path: Path):
    path = tmp_path / "bad.yaml"
    path.write_text(
        "source: bad\nlabel: Bad\ncitation: none\ncontracts: [x]\nroute: police\n"
        "columns:\n  - field: shoe_size\n    header: Shoes\n"
    )
    with pytest.raises(YamlInvalid) as raised:
        load_mapping(path)
    assert "bad.yaml:7" in str(raised.value)
    assert "shoe_size" in str(raised.value) or "field" in str(raised.value)
