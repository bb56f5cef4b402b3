"""tollbook: turn conflict and disaster reporting into a ledger of checkable numbers.

    >>> import tollbook
    >>> claims = tollbook.extract("Officials said 12 soldiers were killed.", published="2025-01-27")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

# The subpackage tollbook.extract is imported first so that the function below, not the
# module, is what `tollbook.extract` names (importing a submodule binds its name on the parent once).
import tollbook.extract as _extract_package  # noqa: F401

if TYPE_CHECKING:
    from tollbook.model import Claim, Document, SourceRef

__version__ = "0.1.0"
__all__ = ["Claim", "Document", "SourceRef", "extract", "open_ledger", "__version__"]


def __getattr__(name: str) -> Any:
    # The records are imported on first use: `tollbook --version` and the commands that need
    # no claim record do not load tollbook.model (and the measure registry it reads).
    if name in ("Claim", "Document", "SourceRef"):
        from tollbook import model

        return getattr(model, name)
    raise AttributeError(f"module 'tollbook' has no attribute {name!r}")


def extract(text: str, *, published: str | None = None, outlet: str | None = None,
            title: str | None = None, url: str | None = None, language: str | None = None) -> list[Claim]:
    """Every quantitative claim in one text, in document order.

    `published` is YYYY-MM-DD (or an ISO datetime); anything else raises ValueError, and a
    date in the future gives a UserWarning. `language` (ISO 639-1) is detected when not given;
    a language tollbook has no package for raises tollbook.extract.pipeline.UnsupportedLanguage.
    """
    import warnings

    from tollbook.dates import check_published, future_warning
    from tollbook.extract.pipeline import extract_document
    from tollbook.read import make_document

    published = check_published(published)
    if published and (warning := future_warning(published)):
        warnings.warn(warning, UserWarning, stacklevel=2)

    doc = make_document(text, title=title, url=url, outlet=outlet, published=published,
                        published_from="argument" if published else None, language=language)
    return extract_document(doc)


def open_ledger(url: str | None = None):
    """The ledger at a SQLite path or PostgreSQL URL (default: tollbook.db or $TOLLBOOK_DB)."""
    from tollbook.ledger import open_ledger as _open

    return _open(url)
