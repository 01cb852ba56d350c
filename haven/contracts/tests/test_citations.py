"""Citations as staff read them: the document's title, year and section, never a seed file."""

from haven.contracts.citations import cite, document_name

TARGET_HARDENING = {
    "seed": "002_5f1fd7eba8161a3a.txt",
    "document": {"title": "Target Hardening service specification", "year": 2018},
}


def test_a_seed_citation_reads_as_the_documents_title_year_and_section():
    # seed 002 s3.7: the Victim First profile names its specification
    assert cite("seed 002 s3.7") == "Victim First service specification (2018), section 3.7"


def test_citations_inside_text_are_rewritten_and_the_rest_kept():
    text = "3 attempts without contact: send the final letter (seed 002 s3.7)"
    assert cite(text) == (
        "3 attempts without contact: send the final letter "
        "(Victim First service specification (2018), section 3.7)"
    )


def test_several_sections_are_listed_together():
    assert cite("seed 003 s5, s7") == (
        "Wokingham Borough Council Domestic Abuse Service specification (2017), sections 5 and 7"
    )
    assert cite("seed 004 s10 A2").endswith("(2021), section 10 A2")


def test_the_contracts_own_profile_names_its_lot_of_a_shared_seed():
    assert cite("seed 002 s4", TARGET_HARDENING) == (
        "Target Hardening service specification (2018), section 4"
    )


def test_an_unknown_seed_never_shows_a_file_name_or_number():
    assert cite("seed 042 s1") == "the service specification, section 1"


def test_the_domain_reference_is_named():
    assert "reference.md" not in cite("reference.md s1.4")


def test_text_without_citations_is_unchanged_and_none_is_empty():
    assert cite("Phone within 48 hours") == "Phone within 48 hours"
    assert cite(None) == ""


def test_document_name_is_title_and_year():
    assert document_name(TARGET_HARDENING) == "Target Hardening service specification (2018)"
    assert document_name({}) == ""
