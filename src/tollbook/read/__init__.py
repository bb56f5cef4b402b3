"""Documents in: files, stdin, HTML, feeds, JSON Lines; encodings; headline, summary and body.

The readers live in `documents` (text, bytes, paths), `feeds`, `jsonl` and `walk`; this
package loads them on first use, so a command that only needs a constant (the size limit
in `decode`) does not compile the section and HTML patterns at start-up.
"""

from __future__ import annotations

from typing import Any

from tollbook.read.decode import DEFAULT_MAX_BYTES

__all__ = ["make_document", "read_bytes", "read_paths", "DEFAULT_MAX_BYTES"]


def __getattr__(name: str) -> Any:
    if name in ("make_document", "read_bytes", "read_paths"):
        from tollbook.read import documents

        return getattr(documents, name)
    raise AttributeError(name)
