"""The one YAML loader: every problem as `file:line: field: reason`, never an exception."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict

from haven.core.yamlload import parse_yaml, read_yaml
from haven.risk.engine.loading import parse_checklist

PATH = Path("thing.yaml")


class Item(BaseModel):
    model_config = ConfigDict(extra="forbid")

    label: str
    size: int


class Thing(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    items: list[Item] = []


def problems(text: str) -> list[str]:
    result, errors = parse_yaml(text, PATH, Thing, what="a thing", unknown_key="see the guide")
    assert result is None
    return [str(error) for error in errors]


def test_a_valid_file_gives_the_model_and_no_errors():
    thing, errors = parse_yaml(
        "name: box\nitems:\n  - {label: a, size: 1}\n", PATH, Thing, what="a thing", unknown_key=""
    )
    assert errors == []
    assert thing == Thing(name="box", items=[Item(label="a", size=1)])


def test_a_wrong_value_is_reported_at_its_line_with_its_field():
    assert problems("name: box\nitems:\n  - label: a\n    size: big\n") == [
        "thing.yaml:4: items[0].size: Input should be a valid integer, unable to parse string "
        "as an integer"
    ]


def test_an_unknown_key_says_where_to_look():
    assert problems("name: box\ncolour: red\n") == [
        "thing.yaml:2: colour: unknown key (see the guide)"
    ]


def test_a_missing_key_is_reported_against_its_parent():
    assert problems("name: box\nitems:\n  - label: a\n") == [
        "thing.yaml:3: items[0].size: required and missing"
    ]


def test_a_duplicate_key_is_an_error_not_silently_the_last():
    assert problems("name: box\nname: crate\n") == [
        "thing.yaml:2: name: duplicate key (first given at line 1)"
    ]


def test_an_unquoted_comma_in_a_flow_mapping_is_explained():
    [problem] = problems("name: box\nitems:\n  - {label: a, b, size: 1}\n")
    assert problem.startswith("thing.yaml:3: items[0].b: unknown key; an unquoted comma")


def test_an_empty_file_and_a_list_are_refused_by_name():
    assert problems("") == ["thing.yaml:1: the file is empty; a thing is a YAML mapping"]
    assert problems("- name: box\n") == ["thing.yaml:1: a thing must be a YAML mapping of keys"]


def test_broken_yaml_gives_its_line():
    [problem] = problems("name: box\nitems: [a\n")
    assert problem.startswith("thing.yaml:")
    assert "YAML syntax" in problem


def test_an_unsafe_tag_is_an_error_in_every_file_kind():
    unsafe = "key: x\nname: !!python/object/apply:os.getcwd []\n"
    assert "YAML syntax" in problems(unsafe)[0]
    # the checklist reader used to let yaml.safe_load raise here (its own, diverging loader)
    definition, errors = parse_checklist(unsafe, Path("dash.yaml"))
    assert definition is None
    assert "YAML syntax" in str(errors[0])


def test_an_unreadable_file_is_an_error_naming_it(tmp_path):
    missing = tmp_path / "gone.yaml"
    thing, errors = read_yaml(missing, Thing, what="a thing", unknown_key="")
    assert thing is None
    assert str(errors[0]).startswith(f"{missing}: cannot read the file")
