"""How values read on a page: numbers as a person says them, intervals, headlines, marked text.

Every string from the ledger is shown through `visible` (controls and bidi overrides as
marks) and user text that sits inline among other words goes in a <bdi> (`isolated`),
so no stored outlet or title can hide or reorder what is printed beside it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from tollbook.safe_text import visible


def fmt_number(value: Any) -> str:
    """4000.0 -> '4,000'; 0.45 -> '0.45'; 3666.67 -> 'about 3,700'; None -> '' (an open bound is shown by `interval`).

    A count of people that is not whole comes from arithmetic (a quarter of an estimate): it is
    shown as a person would say it, to two significant figures, never as '3,666.67'.
    """
    if value is None:
        return ""
    number = float(value)
    if number.is_integer():
        return f"{number:,.0f}"
    if abs(number) >= 10:
        return f"about {float(f'{number:.2g}'):,.0f}"
    return f"{number:,.2f}".rstrip("0").rstrip(".")


def interval(record: Mapping[str, Any]) -> str:
    """The value interval as a reader says it: '3,600 – 4,400', 'more than 7,000', 'up to 450'."""
    low, best, high = record.get("low"), record.get("best"), record.get("high")
    if low is None and high is None:
        return fmt_number(best) or "unknown"
    if low is None:
        return f"up to {fmt_number(high)}"
    if high is None:
        return f"{fmt_number(low)} or more"
    if low == high:
        return fmt_number(low)
    return f"{fmt_number(low)} – {fmt_number(high)}"


PLAIN_QUALIFIERS = frozenset({"exact", "more_than", "at_least", "at_most", "less_than"})  # `interval` says these


def qualifier_note(record: Mapping[str, Any]) -> str:
    """What `interval` leaves unsaid: '' for the open-sided and exact qualifiers, else the qualifier."""
    qualifier = record.get("qualifier") or ""
    return "" if qualifier in PLAIN_QUALIFIERS else qualifier.replace("_", " ")


def claim_headline(record: Mapping[str, Any]) -> str:
    """One line naming a claim: '4,000 casualties: North Korean forces, Kursk (UK Ministry of Defence)'."""
    what = " ".join(x for x in (fmt_number(record.get("best")), record.get("measure") or "figure") if x)
    unit = record.get("unit")
    if unit and unit != "personnel":
        what += f" ({unit})"
    scope = ", ".join(x for x in (record.get("actor"), record.get("place")) if x)
    line = f"{what}: {scope}" if scope else what
    source = record.get("source")
    return f"{line} ({source})" if source else line


def marked_text(text: str, claims: Sequence[Mapping[str, Any]]) -> Markup:
    """The whole text, HTML-escaped, with each claim's value in a <mark> linking to the claim.

    Claims whose spans overlap an earlier one (two measures read from one phrase)
    share its mark; the title of the mark lists them all.
    """
    spans: list[tuple[int, int, list[Mapping[str, Any]]]] = []
    for claim in sorted(claims, key=lambda c: (c["start"], -c["end"])):
        start, end = int(claim["start"]), int(claim["end"])
        if not 0 <= start < end <= len(text):
            continue
        if spans and start < spans[-1][1]:
            spans[-1][2].append(claim)
            continue
        spans.append((start, end, [claim]))
    out: list[str] = []
    at = 0
    for start, end, group in spans:
        out.append(str(escape(visible(text[at:start]))))
        first = group[0]
        title = "; ".join(claim_headline(c) for c in group)
        out.append(f'<a class="claim-link" href="/claims/{escape(first["claim_id"])}" title="{escape(visible(title))}">'
                   f'<mark id="c-{escape(first["claim_id"])}">{escape(visible(text[start:end]))}</mark></a>')
        at = end
    out.append(str(escape(visible(text[at:]))))
    return Markup("".join(out))


def isolated(value: Any) -> Markup:
    """User text (an outlet, a title) in a <bdi>, controls shown: it cannot reorder the words around it."""
    return Markup(f"<bdi>{escape(visible(str(value)))}</bdi>") if value not in (None, "") else Markup("")


def file_name(value: Any) -> str:
    """A document's ingest path as its file name only: the server's folders are not the reader's business."""
    return Path(str(value)).name if value else ""


def finalize(value: Any) -> Any:
    """Every {{ value }} a template prints: controls and bidi overrides shown as marks (Markup kept as Markup)."""
    if isinstance(value, Markup):
        return Markup(visible(str(value)))
    return visible(value) if isinstance(value, str) else value


def web_url(value: Any) -> str | None:
    """The URL when it is http(s); a stored 'javascript:' or file path is never made a link."""
    return value if isinstance(value, str) and value.lower().startswith(("http://", "https://")) else None


def plain(value: Any) -> Any:
    from tollbook.ledger.exports import plain as plain_value

    return plain_value(value)


def plain_rows(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Rows as plain JSON-able dicts: `plain` on every value, imported once for the lot
    (an import per value was a tenth of a 500-row API page)."""
    from tollbook.ledger.exports import plain as plain_value

    return [{key: plain_value(value) for key, value in row.items()} for row in rows]


def records_of(frame: Any) -> list[dict[str, Any]]:
    """Ledger frame rows as plain JSON-able dicts."""
    from tollbook.ledger.exports import frame_records

    return frame_records(frame)


def error_svg(message: str) -> str:
    """A small SVG that says why the chart is missing (shown where the chart would be)."""
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="720" height="60" role="img">'
            f'<text x="10" y="35" font-family="sans-serif" font-size="14">{escape(message)}</text></svg>')


def csv_response(rows: Sequence[Mapping[str, Any]], columns: Sequence[str], filename: str) -> Any:
    """A list page's rows as CSV (no BOM, \\n line ends); list and dict cells as JSON."""
    import csv
    import io
    import json

    from fastapi.responses import Response

    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v
                         for k, v in row.items()})
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"content-disposition": f'attachment; filename="{filename}"'})
