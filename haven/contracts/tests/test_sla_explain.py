"""`haven sla explain`: a line per deadline (due, rule, citation, why) or one error line."""

from datetime import UTC, datetime
from io import StringIO

import pytest

from haven.contracts.sla import SlaError, explain_command, parse_time
from haven.contracts.tests.sample_profiles import (
    DV360_YAML,
    VICTIM_FIRST_YAML,
    WOKINGHAM_YAML,
    write_profile,
)
from haven.deadlines import LONDON

NOW = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)  # a Tuesday, during Victim First's opening hours


def run(*argv: str) -> tuple[int, list[str], list[str]]:
    out, err = StringIO(), StringIO()
    status = explain_command(list(argv), out, err, now=NOW)
    return status, out.getvalue().splitlines(), err.getvalue().splitlines()


@pytest.fixture
def victim_first(tmp_path):
    return str(write_profile(tmp_path, VICTIM_FIRST_YAML))


def deadlines(lines: list[str]) -> dict[str, str]:
    """{rule key: due time} from the computed lines."""
    found = {}
    for line in lines:
        due, _, rest = line.partition("  ")
        if due[:4].isdigit():
            found[rest.split(":")[0]] = due
    return found


def test_phone_referral_is_due_in_48_hours_with_rule_citation_and_why(victim_first):
    """contracts.md reference: Victim First, telephone, Tue 1 Dec 2026 10:00 -> Thu 3 Dec 10:00."""
    status, out, err = run(
        "explain", victim_first, "--method", "home_phone", "--received", "2026-12-01T10:00"
    )
    assert (status, err) == (0, [])
    assert out[0] == (
        "2026-12-03T10:00:00+00:00  first_contact_phone: Telephone contact within 48 hours "
        "[seed 002 s3.7]; arrived Tuesday 1 Dec 2026 10:00 GMT while open; clock starts then; "
        "48 hours elapsed: due Thursday 3 Dec 2026 10:00 GMT; 3 attempts"
    )


def test_phone_referral_on_sunday_starts_clock_at_monday_opening(victim_first):
    """seed 002 s3.2 (closed Sunday) and clock_starts_at_opening: the clock waits for Monday."""
    _, out, _ = run(victim_first, "--method", "mobile_phone", "--received", "2026-11-29T14:00")
    assert out[0].startswith("2026-12-02T09:00:00+00:00  first_contact_phone:")
    assert (
        "arrived Sunday 29 Nov 2026 14:00 GMT while closed (closed on Sundays); "
        "clock starts Monday 30 Nov 2026 09:00 GMT at the next opening"
    ) in out[0]


def test_high_risk_phone_referral_gets_the_enhanced_24_hour_rule(victim_first):
    """seed 002 s3.7: risk may enhance the offer to telephone contact within 24 hours."""
    _, out, _ = run(
        victim_first, "--method", "work_phone", "--risk", "high", "--received", "2026-12-01T10:00"
    )
    assert deadlines(out) == {"first_contact_phone_enhanced": "2026-12-02T10:00:00+00:00"}
    assert out[0].endswith("; replaces first_contact_phone")


def test_in_person_referral_lists_letter_and_visit(victim_first):
    """contracts.md reference: in person Mon 21 Dec 2026 11:00 -> letter 21 Dec, visit 30 Dec."""
    _, out, _ = run(victim_first, "--method", "in_person", "--received", "2026-12-21T11:00")
    assert deadlines(out) == {
        "in_person_visit_letter": "2026-12-21T23:59:59+00:00",
        "in_person_visit": "2026-12-30T23:59:59+00:00",
    }
    assert "skipping bank holidays Friday 25 Dec 2026 (Christmas Day)" in out[1]


def test_rule_without_its_start_time_is_reported_as_not_computed(victim_first):
    _, out, _ = run(victim_first, "--method", "email", "--received", "2026-12-01T10:00")
    assert out[-1] == (
        "not computed: needs --first-contact  needs_assessment: Needs assessment within 5 working "
        "days of first contact [seed 002 s3.8]"
    )


def test_first_contact_time_computes_the_schedule(victim_first):
    _, out, _ = run(
        victim_first,
        "--method",
        "email",
        "--received",
        "2026-12-01T10:00",
        "--first-contact",
        "2026-12-02T11:00",
    )
    assert deadlines(out)["needs_assessment"] == "2026-12-09T23:59:59+00:00"


def test_rules_that_need_a_missing_method_are_named(victim_first):
    _, out, _ = run(victim_first, "--received", "2026-12-01T10:00")
    assert out[-1].startswith("not applied: first_contact_phone, first_contact_phone_enhanced, ")
    assert out[-1].endswith("(these depend on --method, --risk)")


def test_received_defaults_to_now_and_says_so(victim_first):
    _, out, _ = run(victim_first, "--method", "email")
    assert out[0].startswith("2026-12-01T23:59:59+00:00  first_contact_email:")
    assert "(--received not given: now)" in out[0]


def test_incident_time_across_the_clock_change(tmp_path):
    """contracts.md reference (seed 000 s5): incident 24 Oct 2026 23:00 BST -> 25 Oct 22:00 GMT."""
    path = str(write_profile(tmp_path, DV360_YAML))
    _, out, _ = run(path, "--incident", "2026-10-24T23:00")
    assert deadlines(out) == {"first_contact_phone": "2026-10-25T22:00:00+00:00"}


def test_missing_incident_time_is_reported_not_dropped(tmp_path):
    _, out, _ = run(str(write_profile(tmp_path, DV360_YAML)), "--received", "2026-10-24T23:00")
    assert out == [
        "not computed: needs --incident  first_contact_phone: Phone the victim within 24 hours of "
        "the incident [seed 000 s5]"
    ]


def test_wokingham_enquiry_skips_the_bank_holiday(tmp_path):
    """contracts.md reference (seed 003 s6.1): Fri 28 Aug 2026 16:00 -> Wed 2 Sep 23:59:59 BST."""
    _, out, _ = run(str(write_profile(tmp_path, WOKINGHAM_YAML)), "--received", "2026-08-28T16:00")
    assert deadlines(out) == {"enquiry_response": "2026-09-02T23:59:59+01:00"}


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["nope-2099"], "unknown contract 'nope-2099'; known contracts: "),
        (
            ["{p}", "--method", "fax"],
            "argument --method: unknown method 'fax'; choose from home_phone,",
        ),
        (
            ["{p}", "--risk", "extreme"],
            "unknown risk 'extreme'; choose from standard, medium, high",
        ),
        (
            ["{p}", "--priority", "urgent"],
            "unknown priority 'urgent'; choose from standard, emergency",
        ),
        (["{p}", "--received", "Tuesday"], "'Tuesday' is not a time; use ISO 8601"),
        (["{p}", "--received", "2026-03-29T01:30"], "does not exist in Europe/London"),
        (["{p}", "--received", "2026-10-25T01:30"], "happens twice in Europe/London"),
        (["{p}", "--colour", "red"], "unrecognized arguments: --colour red"),
        ([], "the following arguments are required: CONTRACT"),
        (["missing.yaml"], "no profile file at missing.yaml"),
    ],
)
def test_errors_are_one_line_on_stderr_with_exit_2(victim_first, argv, message):
    status, out, err = run(*[word.replace("{p}", victim_first) for word in argv])
    assert status == 2
    assert out == []
    assert len(err) == 1
    assert err[0].startswith("haven sla explain: error: ")
    assert message in err[0]


def test_an_invalid_profile_is_one_error_line_pointing_at_validate(tmp_path):
    path = write_profile(tmp_path, VICTIM_FIRST_YAML.replace("{hours: 48}", "{hour: 48}"))
    status, _, err = run(str(path), "--method", "email")
    assert status == 2
    assert len(err) == 1
    assert "profile is invalid (1 error(s); first: " in err[0]
    assert err[0].endswith("run `haven profiles validate`")


def test_help_goes_to_stdout_with_exit_0():
    status, out, err = run("explain", "--help")
    assert (status, err) == (0, [])
    assert out[0].startswith("usage: haven sla explain CONTRACT")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-01T10:00", "2026-12-01T10:00:00+00:00"),
        ("2026-07-01T10:00", "2026-07-01T10:00:00+01:00"),
        ("2026-07-01 10:00", "2026-07-01T10:00:00+01:00"),
        ("2026-07-01T09:00Z", "2026-07-01T10:00:00+01:00"),
        ("2026-10-25T01:30+01:00", "2026-10-25T01:30:00+01:00"),
        ("2026-10-25T01:30+00:00", "2026-10-25T01:30:00+00:00"),
        ("2026-12-01", "2026-12-01T00:00:00+00:00"),
        ("now", "2026-12-01T10:00:00+00:00"),
    ],
)
def test_times_are_iso_8601_and_london_when_no_offset_is_given(text, expected):
    parsed = parse_time(text, now=NOW)
    assert parsed.tzinfo == LONDON
    assert parsed.isoformat() == expected


def test_unparseable_time_is_a_clear_error():
    with pytest.raises(SlaError, match="is not a time"):
        parse_time("yesterday", now=NOW)


@pytest.mark.parametrize(
    "received", ["0001-01-01T00:00+05:00", "9999-12-31T23:59-05:00", "1000-01-01"]
)
def test_a_time_outside_1900_to_2199_is_an_error_line_not_an_overflow(victim_first, received):
    # issue 9 s4: 0001-01-01T00:00+05:00 raised OverflowError converting to London time
    status, out, err = run(victim_first, "--method", "home_phone", "--received", received)
    assert (status, out) == (2, [])
    assert err == [f"haven sla explain: error: {received} is not between 1900 and 2199"]
