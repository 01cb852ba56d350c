"""Property: on random small exports the engine agrees with a plain-Python reading of s5."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from haven.workbook.engine import WorkbookSettings, run_workbook

from .exports import AS_OF, incident, rows_of, write_csv

START = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
WINDOW = dt.timedelta(days=365)

# offsets cluster near the 365-day boundary and collide often, to hit ties
offsets = st.one_of(
    st.integers(0, 4).map(lambda n: dt.timedelta(hours=n)),
    st.sampled_from([WINDOW - dt.timedelta(seconds=1), WINDOW, WINDOW + dt.timedelta(seconds=1)]),
    st.integers(0, 800).map(lambda n: dt.timedelta(days=n)),
)
records = st.lists(st.tuples(st.sampled_from(["N1", "N2"]), offsets), min_size=1, max_size=14)


def reference_prior_counts(events: list[tuple[str, str, dt.datetime]]) -> dict[str, int]:
    """seed 000 s5 read literally: other incidents earlier in (time, id), within 365 x 24 h."""
    counts = {}
    for incident_id, victim, moment in events:
        counts[incident_id] = sum(
            1
            for other_id, other_victim, other_moment in events
            if other_victim == victim
            and (other_moment, other_id) < (moment, incident_id)
            and other_moment >= moment - WINDOW
        )
    return counts


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(records)
def test_prior_counts_match_the_plain_reading_of_the_rule(
    tmp_path_factory: pytest.TempPathFactory, drawn: list[tuple[str, dt.timedelta]]
) -> None:
    # seed 000 s5
    events = [(f"E{n:02d}", victim, START + offset) for n, (victim, offset) in enumerate(drawn)]
    rows = [incident(i, moment.isoformat(), victim=v) for i, v, moment in events]
    source = write_csv(tmp_path_factory.mktemp("prop") / "export.csv", rows)
    rows = rows_of(run_workbook(source, settings=WorkbookSettings(), as_of=AS_OF, identity="exact"))
    got = {row["incident_id"]: row["prior_incidents_365d"] for row in rows}
    assert got == reference_prior_counts(events)
    for row in rows:
        assert (row["eligible"] == "true") == (2 <= row["prior_incidents_365d"] < 7)
