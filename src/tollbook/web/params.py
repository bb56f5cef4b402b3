"""Query parameters in: filters, paging and sorting, each checked with a message that names the fix.

A page and its JSON twin parse the same parameters with the same functions, so a
filter means the same in the browser, in `/api/` and in the `.csv`/`.json` links.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, fields
from datetime import date
from typing import Any
from urllib.parse import urlencode

from tollbook.ledger.queries import ClaimFilter
from tollbook.model import MEASURES, QUALIFIERS, SECTIONS

PAGE_SIZE = 50
MAX_PAGE_SIZE = 500


class BadRequest(Exception):
    """Request parameters that cannot be used; each message names the field and the fix."""

    def __init__(self, messages: Sequence[str]) -> None:
        super().__init__("; ".join(messages))
        self.messages = list(messages)


@dataclass(frozen=True, slots=True)
class ClaimQuery:
    """The claim filters a page or API call was given; empty form fields are None."""

    actor: str | None = None
    measure: str | None = None
    place: str | None = None
    source: str | None = None
    since: str | None = None
    until: str | None = None
    section: str | None = None
    qualifier: str | None = None
    outlet: str | None = None
    q: str | None = None  # full-text search over the quotes

    def filters(self) -> dict[str, str]:
        """The filters in use, as query parameters for links."""
        return {k: v for k, v in asdict(self).items() if v}

    def claim_filter(self) -> ClaimFilter:
        """The ledger's filter for these parameters (`q` is its `search`)."""
        values = self.filters()
        search = values.pop("q", None)
        return ClaimFilter(**values, search=search)


FILTER_NAMES: tuple[str, ...] = tuple(f.name for f in fields(ClaimQuery))


def text_param(params: Mapping[str, str], name: str) -> str | None:
    value = (params.get(name) or "").strip()
    return value or None


def date_param(params: Mapping[str, str], name: str, problems: list[str]) -> str | None:
    value = text_param(params, name)
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        problems.append(f"{name}: {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2025-01-24")
        return value


def choice_param(params: Mapping[str, str], name: str, choices: Sequence[str], problems: list[str]) -> str | None:
    value = text_param(params, name)
    if value is not None and value.lower() not in choices:
        problems.append(f"{name}: {value!r} is not one of {', '.join(choices)}")
        return value
    return value.lower() if value else None


def int_param(params: Mapping[str, str], name: str, default: int, low: int, high: int, problems: list[str]) -> int:
    value = text_param(params, name)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        problems.append(f"{name}: {value!r} is not a whole number")
        return default
    if not low <= number <= high:
        problems.append(f"{name}: {number} is out of range; give {low} to {high}")
        return default
    return number


def parse_claim_query(params: Mapping[str, str]) -> tuple[ClaimQuery, list[str]]:
    """The filters from query parameters, and one message per unusable value."""
    problems: list[str] = []
    query = ClaimQuery(
        actor=text_param(params, "actor"),
        measure=choice_param(params, "measure", MEASURES, problems),
        place=text_param(params, "place"),
        source=text_param(params, "source"),
        since=date_param(params, "since", problems),
        until=date_param(params, "until", problems),
        section=choice_param(params, "section", SECTIONS, problems),
        qualifier=choice_param(params, "qualifier", QUALIFIERS, problems),
        outlet=text_param(params, "outlet"),
        q=text_param(params, "q"),
    )
    if not problems and query.since and query.until and query.since > query.until:
        problems.append(f"since {query.since} is after until {query.until}; swap them")
    return query, problems


@dataclass(frozen=True, slots=True)
class Paging:
    page: int
    size: int

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.size


def parse_paging(params: Mapping[str, str], problems: list[str]) -> Paging:
    return Paging(page=int_param(params, "page", 1, 1, 1_000_000, problems),
                  size=int_param(params, "size", PAGE_SIZE, 1, MAX_PAGE_SIZE, problems))


def link(path: str, params: Mapping[str, Any]) -> str:
    """`path` with the non-empty parameters as a query string."""
    kept = {k: v for k, v in params.items() if v not in (None, "")}
    return f"{path}?{urlencode(kept)}" if kept else path


def timeline_params(params: Mapping[str, str]) -> tuple[str | None, str | None, str | None, str, list[str]]:
    """actor, measure, place and period of a timeline, and the problems with them."""
    from tollbook.reconcile import PERIODS

    problems: list[str] = []
    actor = text_param(params, "actor")
    measure = choice_param(params, "measure", MEASURES, problems)
    place = text_param(params, "place")
    period = choice_param(params, "period", PERIODS, problems) or "month"
    return actor, measure, place, period, problems
