"""The ledger: every document read and every claim found, in SQLite or PostgreSQL.

    >>> from tollbook.ledger import open_ledger
    >>> with open_ledger("tollbook.db") as ledger:          # doctest: +SKIP
    ...     ledger.ingest(["reports/"])
    ...     killed = ledger.claims(measure="killed", place="RU-KRS", since="2024-08-01")

`open_ledger` creates or upgrades the schema (Alembic, run from the package) before
returning, so a new file or an empty PostgreSQL database is ready to use.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from tollbook.errors import LedgerError, ReadError
from tollbook.extract.budget import TimeBudget
from tollbook.ledger import queries
from tollbook.ledger.schema import fingerprints
from tollbook.ledger.syndication import SyndicationIndex
from tollbook.model import Claim, Document

if TYPE_CHECKING:
    import pandas

    from tollbook.ledger.ingest import ExtractedDocument, IngestSummary, Progress


def __getattr__(name: str) -> Any:
    # The writing side (ingest, its worker and readers) loads when first used, so a
    # command that only reads the ledger starts without it.
    if name in ("ExtractedDocument", "IngestSummary"):
        from tollbook.ledger import ingest

        return getattr(ingest, name)
    raise AttributeError(name)

__all__ = ["DEFAULT_DB", "ExtractedDocument", "IngestSummary", "Ledger", "open_ledger", "resolve_url"]

DEFAULT_DB = "tollbook.db"
MIGRATIONS = Path(__file__).with_name("migrations")


def _current_extractor_version() -> str:
    from tollbook.extract.pipeline import EXTRACTOR_VERSION

    return EXTRACTOR_VERSION


def resolve_url(url: str | None = None) -> str:
    """A SQLAlchemy URL from what a user types.

    None -> $TOLLBOOK_DB or tollbook.db; a plain path -> a SQLite file;
    postgresql:// and postgres:// -> the psycopg 3 driver.
    """
    url = url or os.environ.get("TOLLBOOK_DB") or DEFAULT_DB
    if "://" not in url:
        path = Path(url).expanduser()
        if path.is_dir():
            raise LedgerError(f"ledger {url!r} is a directory; give a file name such as {path / DEFAULT_DB}")
        if not path.parent.exists():
            raise LedgerError(f"cannot create the ledger {url!r}: folder {str(path.parent)!r} does not exist")
        return f"sqlite:///{path.resolve()}"
    scheme, rest = url.split("://", 1)
    if scheme in ("postgresql", "postgres"):
        return f"postgresql+psycopg://{rest}"
    if scheme.startswith("postgresql+") or scheme.startswith("sqlite"):
        return url
    raise LedgerError(f"ledger URL scheme {scheme!r} is not supported; give a SQLite path, "
                      "sqlite:///PATH or postgresql://USER@HOST/DB")


def engine_of(url: str) -> sa.Engine:
    """The engine of a resolved ledger URL, with the connection settings every process of tollbook uses."""
    try:
        parsed = sa.make_url(url)
    except sa.exc.ArgumentError:
        raise LedgerError(f"{url!r} is not a database URL; give a SQLite path or postgresql://USER@HOST/DB") from None
    if parsed.get_backend_name() == "sqlite":
        engine = sa.create_engine(parsed, connect_args={"timeout": _SQLITE_WAIT})
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    # UTC sessions: date(published_at) then means the UTC date on every server.
    return sa.create_engine(parsed, connect_args={"options": "-c timezone=UTC", "connect_timeout": 10})


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL: readers never block the writer; NORMAL: a commit survives a killed process
    # (only an OS crash can lose the last commits, never corrupt the file).
    cursor = dbapi_connection.cursor()
    _journal_in_wal(cursor)
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


_SQLITE_WAIT = 30.0  # seconds a connection waits for a lock: the busy timeout engine_of gives the driver


def _journal_in_wal(cursor: Any) -> None:
    """Set WAL mode, waiting while another process holds the new file's lock: SQLite answers a change of
    journal mode "database is locked" at once, without the busy timeout (seen when ingesters start together on
    a new ledger and one of them is creating the schema)."""
    deadline = time.monotonic() + _SQLITE_WAIT
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


# Any fixed 64-bit number: the PostgreSQL advisory lock that one migrating process holds at a time.
MIGRATION_LOCK = 0x746F6C6C626F6F6B  # "tollbook"


def migrate(engine: sa.Engine) -> None:
    """Bring the schema to the newest revision shipped with the package, safely under concurrency.

    Ingesters started together on a new ledger would each see no schema and each create
    it. So the upgrade runs with a lock held, one process at a time, and Alembic reads the
    version again once the lock is taken: the processes that waited find the schema made
    and do nothing. A ledger already at the newest revision is recognised without the
    lock, so opening it never waits behind a writer.
    """
    with engine.connect() as conn:
        if _stored_revision(conn) == newest_revision():
            return  # the everyday case, decided without importing Alembic (a tenth of a second)
    from alembic import command
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(config).get_current_head()
    with engine.connect() as conn:
        if MigrationContext.configure(conn).get_current_revision() == head:
            return
        conn.rollback()
        _lock_for_migration(conn)
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
        conn.commit()  # ends the transaction, and with it the lock


def newest_revision() -> str:
    """The head revision of the migrations shipped with the package, read from their files
    (`revision = "0003"` lines; a test checks that Alembic finds the same head)."""
    import re

    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        revisions.update(re.findall(r'^revision = "([^"]+)"', text, re.MULTILINE))
        parents.update(re.findall(r'^down_revision = "([^"]+)"', text, re.MULTILINE))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else ""


def _stored_revision(conn: sa.Connection) -> str | None:
    """The revision recorded in the ledger, None for a database without one."""
    try:
        return conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
    except sa.exc.DBAPIError:
        conn.rollback()
        return None


def _lock_for_migration(conn: sa.Connection) -> None:
    """Begin a transaction that no other migrating process can hold at the same time."""
    if conn.dialect.name == "sqlite":
        # The driver does not begin a transaction before DDL by itself, so each CREATE
        # would commit alone; an exclusive transaction makes the upgrade one atomic step
        # and queues the others on the busy timeout.
        conn.exec_driver_sql("BEGIN EXCLUSIVE")
    elif conn.dialect.name == "postgresql":
        # Released with the transaction; DDL is transactional on PostgreSQL.
        conn.execute(sa.select(sa.func.pg_advisory_xact_lock(MIGRATION_LOCK)))


def open_ledger(url: str | None = None, *, create: bool = True) -> Ledger:
    """The ledger at a SQLite path or database URL, created or upgraded as needed.

    With `create=False` a ledger that does not exist yet (no SQLite file, or a database
    without tollbook's tables) is an error instead of being created: reading commands
    then say to run `tollbook ingest` rather than leave an empty file behind.
    Raises LedgerError (one line, with what to do) when it cannot be opened.
    """
    resolved = resolve_url(url)
    parsed = sa.make_url(resolved)
    shown = parsed.render_as_string(hide_password=True)
    if not create and parsed.get_backend_name() == "sqlite" and not Path(parsed.database or "").is_file():
        raise LedgerError(f"no ledger at {parsed.database or shown}; run `tollbook ingest PATH` with this --db "
                          "to create it, or give another --db")
    engine = engine_of(resolved)
    try:
        if not create and not _has_schema(engine):
            raise LedgerError(f"{shown} holds no tollbook ledger yet; run `tollbook ingest PATH` with this --db "
                              "to create it, or give another --db")
        migrate(engine)
    except LedgerError:
        engine.dispose()
        raise
    except sa.exc.OperationalError as exc:
        engine.dispose()
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise LedgerError(f"cannot open the ledger at {shown}: {reason}; check --db or $TOLLBOOK_DB") from None
    except sa.exc.DatabaseError as exc:
        engine.dispose()
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise LedgerError(f"{shown} is not a tollbook ledger ({reason}); give another --db") from None
    except ModuleNotFoundError as exc:
        engine.dispose()
        raise LedgerError(f"the database driver {exc.name!r} for {shown} is not installed") from None
    return Ledger(engine, shown)


def _has_schema(engine: sa.Engine) -> bool:
    """Whether the database holds tollbook's tables (its documents table)."""
    with engine.connect() as conn:
        return sa.inspect(conn).has_table("documents")


class Ledger:
    """An open ledger. Use it as a context manager or call `close()`."""

    def __init__(self, engine: sa.Engine, url: str) -> None:
        self.engine = engine
        self.url = url
        self._index: SyndicationIndex | None = None

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Ledger({self.url!r})"

    @property
    def syndication(self) -> SyndicationIndex:
        """The near-duplicate index, loaded from the stored fingerprints on first use."""
        if self._index is None:
            index = SyndicationIndex()
            with self.engine.connect() as conn:
                index.load(conn.execute(sa.select(fingerprints.c.doc_id, fingerprints.c.minhash)))
            self._index = index
        return self._index

    def add(self, doc: Document, claims: list[Claim], extractor_version: str | None = None) -> bool:
        """Store one document with its claims in one transaction; False when its doc_id is already stored.

        Either way the document's appearance (outlet, url, date) is recorded, once.
        """
        version = extractor_version or _current_extractor_version()
        from tollbook.ledger.ingest import Entry, claim_rows, store_alone

        entry = Entry(doc, claim_rows(doc, claims, version))
        with self.engine.connect() as conn:
            return store_alone(conn, self.syndication, entry, version).new[0]

    def ingest(self, paths: Iterable[str], *, published: str | None = None, outlet: str | None = None,
               include: Sequence[str] | None = None, exclude: Sequence[str] | None = None,
               progress: Progress | None = None, budget: TimeBudget | None = TimeBudget(),
               max_bytes: int | None = None, language: str | None = None) -> IngestSummary:
        """Read, extract and store every document under PATHs; failures are in the summary, not raised.

        Each document is extracted under `budget` (None: no limit); one that runs over fails alone.
        A file over `max_bytes` (default: the readers' limit) fails alone too. `language` (ISO 639-1)
        overrides each document's detected language, as `--lang` does.
        """
        from tollbook.extract import extract_document
        from tollbook.ledger.ingest import run_ingest
        from tollbook.read.walk import read_inputs

        limit = {} if max_bytes is None else {"max_bytes": max_bytes}
        items = read_inputs(paths, published=published, outlet=outlet, include=include, exclude=exclude, **limit)
        if language:
            from dataclasses import replace

            items = (item if isinstance(item, ReadError) else replace(item, language=language) for item in items)
        return run_ingest(self.engine, self.syndication, items, extract_document,
                          _current_extractor_version(), progress, budget=budget)

    def store(self, items: Iterable[ExtractedDocument | ReadError], progress: Progress | None = None) -> IngestSummary:
        """Store documents whose claims were extracted elsewhere (e.g. on a Dask cluster), exactly as
        `ingest` would: the same batches, appearances, run record and per-file failures."""
        from tollbook.ledger.ingest import run_ingest

        return run_ingest(self.engine, self.syndication, items, _no_extraction, _current_extractor_version(), progress)

    def reextract(self, progress: Progress | None = None, budget: TimeBudget | None = TimeBudget()) -> int:
        """Re-extract documents stored by another extractor version; returns how many were redone."""
        from tollbook.extract import extract_document
        from tollbook.ledger.ingest import run_reextract

        return run_reextract(self.engine, extract_document, _current_extractor_version(), progress,
                             budget=budget).documents_new

    def claims(self, *, actor: str | None = None, measure: str | None = None, place: str | None = None,
               source: str | None = None, since: queries.DateLike = None, until: queries.DateLike = None,
               section: str | None = None, doc_id: str | None = None, search: str | None = None,
               qualifier: str | None = None, outlet: str | None = None,
               limit: int | None = None) -> pandas.DataFrame:
        """Claims with their document's date, outlet, url, title, cluster and appearance count, oldest document first.

        `search` is a web-search query over the quotes ('kursk "were killed" or -wounded'),
        answered by the full-text index."""
        f = queries.ClaimFilter(actor=actor, measure=measure, place=place, source=source, since=since,
                                until=until, section=section, doc_id=doc_id, search=search,
                                qualifier=qualifier, outlet=outlet, limit=limit)
        with self.engine.connect() as conn:
            rows = queries.fetch_claims(conn, f)
        return _frame(rows, queries.CLAIM_FRAME_COLUMNS, ("published_at",))

    def documents(self, *, outlet: str | None = None, since: queries.DateLike = None,
                  until: queries.DateLike = None, cluster_id: str | None = None, doc_id: str | None = None,
                  with_text: bool = False, limit: int | None = None) -> pandas.DataFrame:
        """Documents with their claim and appearance counts, oldest first; `with_text` adds the text column."""
        with self.engine.connect() as conn:
            rows = queries.fetch_documents(conn, outlet=outlet, since=since, until=until, cluster_id=cluster_id,
                                           doc_id=doc_id, with_text=with_text, limit=limit)
        columns = (*queries.DOCUMENT_FRAME_COLUMNS, "text") if with_text else queries.DOCUMENT_FRAME_COLUMNS
        return _frame(rows, columns, ("published_at", "captured_at"))

    def appearances(self, doc_id: str | None = None) -> pandas.DataFrame:
        """Every publication of one document (or of all, with no doc_id): doc_id, outlet, published,
        url, title, path, earliest first."""
        with self.engine.connect() as conn:
            rows = queries.fetch_appearances(conn, doc_id)
        return _frame(rows, ("doc_id", *queries.APPEARANCE_COLUMNS), ("published_at", "captured_at"))

    def claim(self, claim_id: str) -> dict[str, Any] | None:
        """One claim (or a unique prefix of its id) with its document's columns and `text`."""
        with self.engine.connect() as conn:
            return queries.fetch_claim(conn, claim_id)

    def close(self) -> None:
        self.engine.dispose()


def _no_extraction(doc: Document) -> list[Claim]:
    raise AssertionError(f"{doc.doc_id} reached the ledger without its claims")


def _frame(rows: list[dict[str, Any]], columns: Sequence[str], datetimes: Sequence[str]) -> pandas.DataFrame:
    import pandas as pd

    frame = pd.DataFrame.from_records(rows, columns=list(columns))
    for name in datetimes:
        frame[name] = pd.to_datetime(frame[name], utc=True)
    return frame
