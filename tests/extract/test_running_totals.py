"""Periods of real copy: a running total since an event stands at the day it is told, not the event's day."""

from __future__ import annotations

import pytest

import tollbook


@pytest.mark.parametrize(("text", "published", "start", "end"), [
    # told eleven days after the quake it names: since the quake, as of the day told
    ("Officials said 21,400 people had died in the February 6 tremor.", "2023-02-17", "2023-02-06", "2023-02-17"),
    # the event's weekday before its date ("struck on Monday, February 6, 2023"): still the event's date
    ("Since the quake that struck on Monday, February 6, 2023, the toll has risen to 50,100.", "2023-02-25",
     "2023-02-06", "2023-02-25"),
    # "on Friday" says as of when
    ("The toll from the floods that struck on Sept. 10 passed 4,000 on Friday.", "2023-09-18", "2023-09-10", "2023-09-15"),
    # told two days after: that day's count
    ("At least 14 people were killed when a missile struck a market on Saturday.", "2024-05-27", "2024-05-25", "2024-05-25"),
    # a time's possessive names the event: "last month's floods", as of the day told
    ("The toll from last month's floods in the valley has risen to 260.", "2024-11-08", "2024-10-01", "2024-11-08"),
])
def test_running_total_since_an_event(text, published, start, end):
    c = tollbook.extract(text, published=published)[0]
    assert (c.date_start, c.date_end) == (start, end)
