"""Profile files: every problem comes back as file:line, dotted field and reason."""

import pytest

from haven.contracts.profiles.validate import (
    ProfileError,
    ProfileInvalid,
    ProfileNotFoundError,
    find_profile,
    load_profile,
    profile_paths,
    read_profile,
    validate_paths,
)
from haven.contracts.tests.sample_profiles import VICTIM_FIRST_YAML, write_profile


def line_of(text: str, needle: str, after: str = "") -> int:
    """1-based line number of the first line containing `needle` (after the line with `after`)."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if after in line) if after else 0
    return next(i for i, line in enumerate(lines) if i >= start and needle in line) + 1


def test_a_valid_profile_loads(tmp_path):
    profile = load_profile(write_profile(tmp_path, VICTIM_FIRST_YAML))
    assert profile.name == "Victim First (test)"


def test_a_broken_duration_gives_file_line_field_and_reason(tmp_path):
    text = VICTIM_FIRST_YAML.replace("duration: {hours: 24}", "duration: {hours: 24, days: 1}")
    path = write_profile(tmp_path, text)
    [error] = validate_paths([path])
    assert error.path == path
    assert error.line == line_of(text, "hours: 24, days: 1")
    assert error.field == "deadlines[1].duration"
    assert (
        "exactly one of hours, same_day, days, working_days, weeks, months; got hours and days"
        in error.reason
    )
    assert str(error).startswith(f"{path}:{error.line}: deadlines[1].duration: a duration needs")


def test_an_unknown_key_points_at_its_own_line(tmp_path):
    text = VICTIM_FIRST_YAML.replace("    attempts: 3\n", "    atempts: 3\n", 1)
    [error] = validate_paths([write_profile(tmp_path, text)])
    assert (error.line, error.field) == (line_of(text, "atempts"), "deadlines[0].atempts")
    assert error.reason.startswith("unknown key")


def test_a_missing_field_points_at_its_parent(tmp_path):
    text = VICTIM_FIRST_YAML.replace("    citation: seed 002 s3.8\n", "")
    [error] = validate_paths([write_profile(tmp_path, text)])
    assert error.field == "schedules[0].citation"
    assert error.line == line_of(text, "- key: needs_assessment")
    assert error.reason == "required and missing"


def test_a_bad_choice_names_the_value_given(tmp_path):
    text = VICTIM_FIRST_YAML.replace("start: first_contact", "start: first_contacted")
    [error] = validate_paths([write_profile(tmp_path, text)])
    assert error.field == "schedules[0].start"
    assert error.line == line_of(text, "start: first_contacted")
    assert error.reason.endswith("got 'first_contacted'")


def test_supersedes_naming_no_rule_points_at_the_supersedes_line(tmp_path):
    text = VICTIM_FIRST_YAML.replace(
        "supersedes: first_contact_phone", "supersedes: first_contact_fone"
    )
    [error] = validate_paths([write_profile(tmp_path, text)])
    assert (error.line, error.field) == (line_of(text, "supersedes:"), "deadlines[1].supersedes")
    assert error.reason.startswith("names no rule in this profile")


def test_slug_different_from_the_file_name_is_an_error_on_line_1(tmp_path):
    path = write_profile(tmp_path, VICTIM_FIRST_YAML, stem="victim-first-2018")
    [error] = validate_paths([path])
    assert (error.line, error.field) == (1, "slug")
    assert error.reason == "must equal the file name: the file is victim-first-2018.yaml"


def test_yaml_syntax_errors_have_a_line(tmp_path):
    text = VICTIM_FIRST_YAML.replace(
        "area: [Leicester, Leicestershire, Rutland]", "area: [Leicester, Rutland"
    )
    [error] = validate_paths([write_profile(tmp_path, text, stem="victim-first-test")])
    assert error.reason.startswith("YAML syntax:")
    assert error.line is not None
    assert error.line >= line_of(text, "area:")


def test_unsafe_yaml_tags_are_errors_not_code(tmp_path):
    text = VICTIM_FIRST_YAML.replace(
        "name: Victim First (test)", "name: !!python/object/apply:os.system [echo]"
    )
    [error] = validate_paths([write_profile(tmp_path, text, stem="victim-first-test")])
    assert error.line == line_of(text, "!!python")
    assert error.reason.startswith("YAML syntax: could not determine a constructor")


def test_duplicate_keys_are_errors_with_both_lines(tmp_path):
    text = VICTIM_FIRST_YAML.replace(
        "clock_starts_at_opening: true\n",
        "clock_starts_at_opening: true\nclock_starts_at_opening: false\n",
    )
    [error] = validate_paths([write_profile(tmp_path, text)])
    first = line_of(text, "clock_starts_at_opening: true")
    assert (error.line, error.field) == (first + 1, "clock_starts_at_opening")
    assert error.reason == f"duplicate key (first given at line {first})"


def test_an_unquoted_comma_in_a_flow_mapping_is_explained(tmp_path):
    text = VICTIM_FIRST_YAML.replace(
        "eligibility:\n  citation: seed 002 s3.1\n",
        "eligibility:\n  citation: seed 002 s3.1\nreferral_routes:\n"
        "  - {key: police, label: Police daily download, weekly, citation: seed 002 s3.6}\n",
    )
    [error] = validate_paths([write_profile(tmp_path, text)])
    assert (error.field, error.line) == ("referral_routes[0].weekly", line_of(text, "key: police"))
    assert "unquoted comma" in error.reason


def test_unquoted_times_are_explained(tmp_path):
    text = VICTIM_FIRST_YAML.replace('tue: [["09:00", "18:00"]]', "tue: [[9:00, 18:00]]")
    errors = validate_paths([write_profile(tmp_path, text)])
    assert {e.field for e in errors} == {
        "opening_hours.weekly.tue[0][0]",
        "opening_hours.weekly.tue[0][1]",
    }
    assert all(e.line == line_of(text, "tue: [[9:00") for e in errors)
    assert "write times in quotes" in errors[0].reason


def test_an_empty_file_and_a_list_are_not_profiles(tmp_path):
    empty = tmp_path / "empty.yaml"
    empty.write_text("")
    listed = tmp_path / "listed.yaml"
    listed.write_text("- a\n- b\n")
    reasons = [e.reason for e in validate_paths([empty, listed])]
    assert reasons == [
        "the file is empty; a profile is a YAML mapping",
        "a profile must be a YAML mapping of keys",
    ]


def test_an_unreadable_path_is_an_error_not_a_crash(tmp_path):
    [error] = validate_paths([tmp_path / "missing.yaml"])
    assert error.line is None
    assert error.reason.startswith("cannot read the file")


def test_load_profile_raises_with_every_error(tmp_path):
    text = VICTIM_FIRST_YAML.replace("action: email_sent", "action: emailed").replace(
        "citation: seed 002 s16", ""
    )
    with pytest.raises(ProfileInvalid) as caught:
        load_profile(write_profile(tmp_path, text))
    assert {e.field for e in caught.value.errors} == {"reporting.citation", "deadlines[2].action"}
    assert str(caught.value).count("\n") == 1


def test_read_profile_returns_no_profile_when_there_are_errors(tmp_path):
    text = VICTIM_FIRST_YAML.replace(
        "name: Victim First (test)\n", "name: Victim First (test)\nname: again\n"
    )
    profile, errors = read_profile(write_profile(tmp_path, text))
    assert profile is None
    assert len(errors) == 1


def test_profile_error_without_a_line_or_field_still_reads_well(tmp_path):
    assert (
        str(ProfileError(tmp_path / "x.yaml", None, "", "broken"))
        == f"{tmp_path / 'x.yaml'}: broken"
    )


def test_shipped_profiles_are_the_yaml_files_beside_the_schema():
    paths = profile_paths()
    assert paths == sorted(paths)
    assert all(p.suffix == ".yaml" and p.parent.name == "profiles" for p in paths)


def test_find_profile_by_slug_and_name_the_known_ones_when_unknown(tmp_path):
    write_profile(tmp_path, VICTIM_FIRST_YAML)
    assert find_profile("victim-first-test", tmp_path) == tmp_path / "victim-first-test.yaml"
    with pytest.raises(
        ProfileNotFoundError, match="unknown contract 'nope'; known contracts: victim-first-test"
    ):
        find_profile("nope", tmp_path)
