"""Instrument files: the shipped ones load; a bad file fails naming the file, line and field."""

from pathlib import Path

import pytest

from haven.core.yamlload import YamlInvalid
from haven.outcomes.instrument import (
    INSTRUMENTS_DIR,
    instruments,
    load_instrument,
    load_instruments,
)

GOOD = """\
key: {key}
name: A service's own questions
licence: Our own wording
for_whom: adult
scales:
  - key: how_true
    higher_is_better: true
    points:
      - {{score: 1, label: "No"}}
      - {{score: 2, label: "Yes"}}
domains:
  - {{key: feeling_safer, label: Feeling safer}}
questions:
  - {{key: safe, text: "I feel safe.", domain: feeling_safer, scale: how_true}}
"""


def _write(tmp_path: Path, text: str, key: str = "our-tool") -> Path:
    path = tmp_path / f"{key}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _errors(path: Path) -> list[str]:
    with pytest.raises(YamlInvalid) as invalid:
        load_instrument(path)
    return [str(e) for e in invalid.value.errors]


def test_the_shipped_instruments_load():
    found = instruments()
    assert {"haven-outcomes-v1", "haven-children-v1", "haven-perpetrator-v1"} <= set(found)
    assert "leicester-vs-monitoring-v1" in found
    assert found["haven-outcomes-v1"].scale_of(found["haven-outcomes-v1"].questions[0]).points


def test_the_shipped_domains_cover_the_issue(tmp_path):
    # issue 11 item 5: feeling safer, coping and recovery, quality of life, confidence in
    # independent living, empowerment, wellbeing
    adult = instruments()["haven-outcomes-v1"]
    assert {
        "feeling_safer",
        "coping_and_recovery",
        "quality_of_life",
        "independent_living",
        "empowerment",
        "wellbeing",
    } <= {d.key for d in adult.domains}


def test_a_service_can_add_its_own_instrument(tmp_path):
    path = _write(tmp_path, GOOD.format(key="our-tool"))
    assert set(load_instruments(tmp_path)) == {"our-tool"}
    assert load_instrument(path).questions[0].stages == ["intake", "review", "exit"]


def test_the_key_must_be_the_file_name(tmp_path):
    path = _write(tmp_path, GOOD.format(key="another-name"))
    (problem,) = _errors(path)
    assert f"{path}:1: key: must equal the file name" in problem


def test_a_question_naming_an_unknown_domain_is_refused_at_its_line(tmp_path):
    text = GOOD.format(key="our-tool").replace(
        "domain: feeling_safer, scale", "domain: luck, scale"
    )
    (problem,) = _errors(_write(tmp_path, text))
    assert ":14: questions[0].domain: names no domain of this instrument" in problem


def test_unknown_keys_and_bad_scales_are_all_reported(tmp_path):
    text = (
        GOOD.format(key="our-tool")
        .replace("for_whom: adult", "for_whom: adult\nwording: copied")
        .replace('{score: 2, label: "Yes"}', '{score: 1, label: "Yes"}')
    )
    problems = "\n".join(_errors(_write(tmp_path, text)))
    assert "wording: unknown key (see haven/outcomes/README.md" in problems
    assert "scales[0].points: scores must rise one after another" in problems


def test_a_repeated_question_key_is_refused(tmp_path):
    text = GOOD.format(key="our-tool")
    text += '  - {key: safe, text: "Again.", domain: feeling_safer, scale: how_true}\n'
    (problem,) = _errors(_write(tmp_path, text))
    assert ":15: questions[1].key: duplicate key" in problem


def test_every_problem_of_every_file_is_reported_together(tmp_path):
    _write(tmp_path, "key: a\n", key="a")
    _write(tmp_path, "[]\n", key="b")
    with pytest.raises(YamlInvalid) as invalid:
        load_instruments(tmp_path)
    files = {e.path.name for e in invalid.value.errors}
    assert files == {"a.yaml", "b.yaml"}


@pytest.mark.parametrize("path", sorted(INSTRUMENTS_DIR.glob("*.yaml")), ids=lambda p: p.stem)
def test_no_shipped_instrument_copies_licensed_wording(path):
    # reference.md licensing warning: Outcomes Star, SafeLives Insights, WEMWBS text must not be
    # shipped; a few of their tell-tale phrases (WEMWBS anchors and items) are absent
    text = path.read_text(encoding="utf-8").lower()
    for phrase in ("none of the time", "all of the time", "i've been feeling", "journey of change"):
        assert phrase not in text
