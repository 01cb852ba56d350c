"""Checklist definition files: the shipped paraphrase is valid; errors say file:line, field, why."""

from pathlib import Path

import pytest

from haven.risk.engine import (
    ChecklistInvalid,
    ChecklistNotFoundError,
    load_checklist,
    parse_checklist,
    same_questions,
    shipped_checklist,
)

SHIPPED = Path(__file__).resolve().parents[1] / "checklists" / "dash-ric-24.yaml"
HEADER = """\
key: my-ric
name: My checklist
version: "1"
wording: licensed
notice: Licensed wording.
source: Our licence
"""


def errors_of(text: str, name: str = "my-ric.yaml"):
    definition, errors = parse_checklist(text, Path(name))
    assert definition is None
    return errors


def test_the_shipped_checklist_has_24_paraphrased_questions_in_police_dash_sections():
    definition = shipped_checklist("dash-ric-24")
    assert len(definition.items) == 24
    assert definition.wording == "paraphrase"
    assert [s.title for s in definition.sections] == [
        "Current situation",
        "Children and dependants",
        "Domestic abuse history",
        "The abuser",
    ]
    assert [item.number for item in definition.items] == list(range(1, 25))


def test_the_shipped_checklist_maps_each_question_to_its_police_dash_number():
    police = [item.police_dash for item in shipped_checklist("dash-ric-24").items]
    assert police == [*range(1, 10), *range(13, 28)]


def test_an_unknown_checklist_names_the_known_ones():
    with pytest.raises(ChecklistNotFoundError, match="dash-ric-24"):
        shipped_checklist("dash-ric-99")


def test_a_missing_field_is_reported_with_its_line():
    text = HEADER + "sections:\n  - key: one\n    items:\n      - {key: a, number: 1, text: A}\n"
    [error] = errors_of(text)
    assert (error.line, error.field, error.reason) == (
        8,
        "sections[0].title",
        "required and missing",
    )
    assert str(error) == "my-ric.yaml:8: sections[0].title: required and missing"


def test_an_unknown_key_is_reported_at_its_line():
    text = HEADER + (
        "sections:\n  - key: one\n    title: One\n    items:\n"
        "      - key: a\n        number: 1\n        text: A?\n        scroe: 2\n"
    )
    [error] = errors_of(text)
    assert error.line == 14
    assert error.field == "sections[0].items[0].scroe"
    assert error.reason.startswith("unknown key")


def test_numbers_out_of_order_and_duplicate_keys_are_each_reported():
    text = HEADER + (
        "sections:\n  - key: one\n    title: One\n    items:\n"
        "      - {key: a, number: 1, text: A}\n"
        "      - {key: a, number: 3, text: B}\n"
    )
    found = {(e.line, e.field): e.reason for e in errors_of(text)}
    assert "duplicate question key" in found[(12, "sections[0].items[1].key")]
    assert "expected 2" in found[(12, "sections[0].items[1].number")]


def test_wording_must_be_paraphrase_or_licensed():
    errors = errors_of(HEADER.replace("licensed", "published") + "sections: []\n")
    found = {error.field: (error.line, error.reason) for error in errors}
    assert found["wording"] == (4, "Input should be 'paraphrase' or 'licensed'; got 'published'")
    assert found["sections"][0] == 7


def test_yaml_syntax_errors_give_the_line():
    [error] = errors_of(HEADER + "sections: [\n  oops: {\n")
    assert error.line is not None
    assert error.reason.startswith("YAML syntax")


def test_a_duplicate_yaml_key_is_an_error():
    errors = errors_of(HEADER + "key: again\nsections: []\n")
    assert any("duplicate key (first given at line 1)" in e.reason for e in errors)


def test_load_checklist_raises_with_every_error(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("key: Bad Key\n")
    with pytest.raises(ChecklistInvalid) as raised:
        load_checklist(path)
    fields = {error.field for error in raised.value.errors}
    assert {"key", "name", "sections"} <= fields


def test_a_licensed_wording_must_keep_the_shipped_question_keys():
    shipped = load_checklist(SHIPPED)
    licensed = shipped.model_copy(update={"wording": "licensed"})
    assert same_questions(licensed, shipped) == []
    first = shipped.sections[0]
    fewer = shipped.model_copy(
        update={"sections": [first.model_copy(update={"items": first.items[1:]})]}
    )
    [(field, reason)] = same_questions(fewer, shipped)
    assert field == "sections"
    assert "must keep its 24 question keys" in reason
    assert "missing injury" in reason
