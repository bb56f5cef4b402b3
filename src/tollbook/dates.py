"""The one parser of the dates users type: `--published`, `--since`, `--until` and
`tollbook.extract(..., published=...)`.

A date a user gives overrides what a document says about itself, so a value that is
not a real calendar date is refused, never guessed or replaced: "yesterday" and
"2025-13-45" raise `ValueError` (the CLI turns that into one line and exit 2).

    >>> parse_date("2025-01-27")
    datetime.date(2025, 1, 27)
    >>> parse_date("2025-01-27T08:30:00+02:00")
    datetime.date(2025, 1, 27)
"""

from __future__ import annotations

from datetime import date, datetime, timezone

EXPECTED_FORM = "YYYY-MM-DD"


def parse_date(value: str, *, name: str = "date") -> date:
    """The calendar date of YYYY-MM-DD (or of a full ISO 8601 datetime, whose date part is kept).

    Raises ValueError naming `name` and the expected form for anything else.
    """
    text = value.strip() if isinstance(value, str) else ""
    if len(text) >= 10:
        try:
            if len(text) == 10:
                return date.fromisoformat(text)
            return datetime.fromisoformat(text).date()
        except ValueError:
            pass
    raise ValueError(f"{name}: {value!r} is not a date; give {EXPECTED_FORM}")


def check_published(value: str | None, *, name: str = "published") -> str | None:
    """`value` stripped, once it is known to be a date (None stays None); ValueError otherwise."""
    if value is None:
        return None
    parse_date(value, name=name)
    return value.strip()


def future_warning(value: str, *, name: str = "published", today: date | None = None) -> str | None:
    """A one-line warning when `value` (already checked) lies after today (UTC), else None.

    A future publication date is legal (an embargoed release) but is usually a typo,
    and every relative time in the text is resolved against it.
    """
    today = today or datetime.now(timezone.utc).date()
    day = parse_date(value, name=name)
    if day > today:
        return f"{name} {day.isoformat()} is in the future; relative times ('yesterday') are resolved against it"
    return None
