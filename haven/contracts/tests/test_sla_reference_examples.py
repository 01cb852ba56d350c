"""contracts.md reference examples through the shipped profiles and `haven sla explain`.

Rules are found by their action, not their key, so renaming a rule in a profile does not break
these tests; changing what the rule computes does.
"""

import itertools
import json
from datetime import UTC, datetime
from io import StringIO

import pytest

from haven.contracts.profiles.schema import Profile
from haven.contracts.profiles.validate import (
    find_profile,
    load_profile,
    profile_paths,
    validate_paths,
)
from haven.contracts.sla import ExplainRequest, explain, explain_command
from haven.deadlines import ContactMethod, Priority, RiskLevel, Situation, StartEvent

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def due_by_action(slug: str, *argv: str) -> dict[str, set[str]]:
    """{action: {due times}} for the deadlines `haven sla explain SLUG ...` prints."""
    out, err = StringIO(), StringIO()
    status = explain_command(["explain", slug, *argv], out, err, now=NOW)
    assert (status, err.getvalue()) == (0, "")
    actions = {rule.key: rule.action.value for rule in load_profile(find_profile(slug)).rules()}
    found: dict[str, set[str]] = {}
    for line in out.getvalue().splitlines():
        due, _, rest = line.partition("  ")
        if due[:4].isdigit():
            found.setdefault(actions[rest.split(":")[0]], set()).add(due)
    return found


@pytest.mark.parametrize("method", ["home_phone", "mobile_phone", "work_phone"])
def test_victim_first_telephone_referral_is_due_thursday_10_00(method):
    """contracts.md (seed 002 s3.7): telephone, received Tue 1 Dec 2026 10:00 -> Thu 3 Dec 10:00."""
    found = due_by_action("victim-first-2018", "--method", method, "--received", "2026-12-01T10:00")
    assert found == {"phone_contact": {"2026-12-03T10:00:00+00:00"}}


def test_victim_first_email_referral_is_due_the_same_day():
    """contracts.md (seed 002 s3.7): email, received Tue 1 Dec 2026 10:00 -> Tue 1 Dec 23:59:59."""
    found = due_by_action(
        "victim-first-2018", "--method", "email", "--received", "2026-12-01T10:00"
    )
    assert found == {"email_sent": {"2026-12-01T23:59:59+00:00"}}


def test_victim_first_in_person_letter_the_same_day_and_visit_after_christmas():
    """contracts.md: in person Mon 21 Dec 2026 11:00 -> letter 21 Dec 23:59:59; visit by Wed 30 Dec
    23:59:59 (25 and 28 Dec are bank holidays) (seed 002 s3.7)."""
    found = due_by_action(
        "victim-first-2018", "--method", "in_person", "--received", "2026-12-21T11:00"
    )
    assert found["letter_sent"] == {"2026-12-21T23:59:59+00:00"}
    assert "2026-12-30T23:59:59+00:00" in found["visit_done"]
    assert min(found["visit_done"]) == "2026-12-30T23:59:59+00:00"


@pytest.mark.parametrize(
    "incident", ["2026-10-24T23:00", "2026-10-24T23:00+01:00", "2026-10-24T22:00Z"]
)
def test_dv360_phone_by_sunday_22_00_gmt_across_the_clock_change(incident):
    """contracts.md (seed 000 s5): incident Sat 24 Oct 2026 23:00 BST -> Sun 25 Oct 22:00 GMT."""
    found = due_by_action("opcc-dv360", "--incident", incident)
    assert found == {"phone_contact": {"2026-10-25T22:00:00+00:00"}}


def test_wokingham_enquiry_is_due_wednesday_after_the_bank_holiday():
    """contracts.md (seed 003 s6.1): enquiry Fri 28 Aug 2026 16:00 -> Wed 2 Sep 23:59:59."""
    found = due_by_action("wokingham-da-2017", "--received", "2026-08-28T16:00")
    assert found == {"contact_any": {"2026-09-02T23:59:59+01:00"}}


@pytest.mark.parametrize("path", profile_paths(), ids=lambda path: path.stem)
def test_every_shipped_profile_validates(path):
    errors = validate_paths([path])
    assert errors == [], "\n".join(map(str, errors))


@pytest.mark.parametrize("path", profile_paths(), ids=lambda path: path.stem)
def test_every_shipped_profile_reads_back_from_its_stored_json(path):
    """Contract.profile stores model_dump(mode="json"); it must validate to the same profile."""
    profile = load_profile(path)
    stored = json.loads(json.dumps(profile.model_dump(mode="json")))
    assert Profile.model_validate(stored) == profile


@pytest.mark.parametrize("path", profile_paths(), ids=lambda path: path.stem)
def test_every_shipped_profile_explains_every_situation(path):
    """Every rule computes for every method, risk and priority once all start times are known."""
    profile = load_profile(path)
    events = dict.fromkeys(StartEvent, datetime(2026, 12, 24, 18, 30, tzinfo=UTC))
    options = [None, *ContactMethod], [None, *RiskLevel], [None, *Priority]
    for method, risk, priority in itertools.product(*options):
        situation = Situation(events=events, method=method, risk=risk, priority=priority)
        lines = explain(profile, ExplainRequest(profile.slug, situation))
        assert lines
        assert not any(line.startswith("not computed") for line in lines)
