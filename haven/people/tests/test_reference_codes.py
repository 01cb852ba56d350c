"""Reference codes: random, short, checkable, forgiving to type (seed 001 lot 1 s5)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from haven.people import reference_codes
from haven.people.reference_codes import ALPHABET, InvalidReferenceCodeError

bodies = st.text(alphabet=ALPHABET, min_size=8, max_size=8)


def _code(body: str) -> str:
    return body + reference_codes.check_character(body)


def test_a_new_code_is_formatted_xxxx_dash_xxxxc_and_valid():
    code = reference_codes.generate()
    assert len(code) == 10
    assert code[4] == "-"
    assert reference_codes.validate(code)


def test_codes_are_not_sequential_or_repeated():
    codes = [reference_codes.generate() for _ in range(500)]
    assert len(set(codes)) == 500
    assert codes != sorted(codes)


@given(bodies, st.integers(0, 8), st.sampled_from(ALPHABET))
def test_the_check_character_catches_every_single_character_error(body, position, symbol):
    code = _code(body)
    if code[position] == symbol:
        return
    typo = code[:position] + symbol + code[position + 1 :]
    assert not reference_codes.validate(typo)


@given(bodies, st.integers(0, 7))
def test_the_check_character_catches_every_adjacent_transposition(body, position):
    code = _code(body)
    if code[position] == code[position + 1]:
        return
    swapped = code[:position] + code[position + 1] + code[position] + code[position + 2 :]
    assert not reference_codes.validate(swapped)


@given(bodies)
def test_every_body_gets_a_check_character_from_the_alphabet(body):
    assert reference_codes.validate(_code(body))


def test_lower_case_spaces_and_hyphens_are_accepted():
    code = reference_codes.generate()
    typed = " " + code.lower().replace("-", " ") + " "
    assert reference_codes.normalise(typed) == code


def test_confusable_letters_are_read_as_digits():
    body = "1010" + "0101"
    code = reference_codes.format_code(_code(body))
    typed = code.replace("1", "l").replace("0", "O")
    assert reference_codes.normalise(typed) == code
    assert reference_codes.normalise(code.replace("1", "I")) == code


@pytest.mark.parametrize("text", ["", "ABC", "HK7M-3QX9CC", "UUUU-UUUUU"])
def test_text_that_is_not_a_code_is_refused(text):
    with pytest.raises(InvalidReferenceCodeError):
        reference_codes.normalise(text)


def test_looks_like_code_tells_a_mistyped_code_from_a_name():
    code = reference_codes.generate()
    wrong = code[:-1] + ("0" if code[-1] != "0" else "1")
    assert reference_codes.looks_like_code(wrong)
    assert not reference_codes.looks_like_code("Jane Smithson")
    assert not reference_codes.looks_like_code("HK7U-3QX9C")  # U is not a code character
