"""'Contacts this week' count from Monday 00:00 UK time, across the clock changes."""

import datetime as dt

from haven.casework.caseload_selectors import week_start

UTC = dt.UTC


def test_a_winter_week_starts_at_midnight_gmt():
    # Sunday 29 March 2026, 00:30 UTC (still GMT: the clocks go forward at 01:00 UTC)
    assert week_start(dt.datetime(2026, 3, 29, 0, 30, tzinfo=UTC)) == dt.datetime(
        2026, 3, 23, 0, 0, tzinfo=UTC
    )


def test_a_summer_week_starts_at_midnight_bst_which_is_sunday_in_utc():
    # Monday 30 March 2026 00:30 BST is Sunday 29 March 23:30 UTC: already the new week
    start = week_start(dt.datetime(2026, 3, 29, 23, 30, tzinfo=UTC))
    assert start == dt.datetime(2026, 3, 29, 23, 0, tzinfo=UTC)
    # a minute before Monday 00:00 BST is still the week before
    assert week_start(dt.datetime(2026, 3, 29, 22, 59, tzinfo=UTC)) == dt.datetime(
        2026, 3, 23, 0, 0, tzinfo=UTC
    )


def test_the_week_after_the_clocks_go_back():
    # Sunday 25 October 2026, 12:00 UTC (GMT since 01:00 UTC): the week began Monday 19
    # October 00:00 BST, Sunday 18 October 23:00 UTC
    assert week_start(dt.datetime(2026, 10, 25, 12, 0, tzinfo=UTC)) == dt.datetime(
        2026, 10, 18, 23, 0, tzinfo=UTC
    )
