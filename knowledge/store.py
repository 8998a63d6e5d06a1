"""The claim base: an SQLite file managed with sqlite-utils.

Tables: ``claims``, ``sources`` and ``aliases`` hold the fact-checks; ``search_docs`` holds every
searchable phrasing of a claim (its text, its title, its aliases) and is kept in sync with those
tables by triggers, and the two full-text indexes over it (``search_fts``: words, Porter
stemming; ``search_tri``: trigrams, for scripts written without spaces) are kept in sync with
``search_docs`` by triggers too. So every write, whoever makes it, updates the index in the
same transaction.

The schema changes only through the numbered migrations in :mod:`knowledge.migrations`.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from knowledge import claimreview, migrations
from knowledge.migrations import merge_fts
from knowledge.models import Alias, Claim, Source, Status, Translation
from knowledge.rows import (
    claim_from_row,
    claim_row,
    source_row,
    translation_from_row,
    translation_row,
)

if TYPE_CHECKING:
    import sqlite_utils
    import sqlite_utils.db

BUSY_TIMEOUT_MS = 10_000
SEED_FILES = ("seed_myanmar_2021.json",)
MERGE_SHARE = 100  # a bulk write merges the full-text indexes from one claim in this many


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch a file to WAL mode. Switching needs a moment alone with the file, and SQLite
    answers "database is locked" at once, without its busy timeout, when another process is
    opening it at the same moment (two bots started together): so retry, within the timeout."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        found = os.stat(path)
    except FileNotFoundError:
        return None
    return found.st_dev, found.st_ino


def data_dir() -> Path:
    """``$XDG_DATA_HOME/factbot``, by default ``~/.local/share/factbot``."""
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "factbot"


def cache_dir() -> Path:
    """``$XDG_CACHE_HOME/factbot``, by default ``~/.cache/factbot``: what can be made again
    (the vector cache, the embedding engine's built graph)."""
    cache_home = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache_home) / "factbot"


def vector_cache_path() -> Path:
    """The vector cache (:mod:`knowledge.matching.vectorcache`): ``vectors.sqlite3`` in
    :func:`cache_dir`."""
    return cache_dir() / "vectors.sqlite3"


def default_db_path() -> Path:
    """``$FACTBOT_DB``, else ``factbot.db`` in :func:`data_dir`."""
    env = os.environ.get("FACTBOT_DB")
    if env:
        return Path(env).expanduser()
    return data_dir() / "factbot.db"


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class BaseError(Exception):
    """The claim base cannot be opened: the message names the file and the cause."""


class BaseGone(sqlite3.OperationalError):
    """The claim base's file was deleted or replaced while this process had it open: writes
    would go to a file nobody will ever open again, so they are refused."""


def _marker(path: Path) -> Path:
    """The note left beside a claim base when it is created, so that a base deleted later is
    not silently replaced by a fresh one."""
    return path.with_name(f".{path.name}.created")


def _open_problem(error: BaseException) -> str:
    text = str(error)
    if isinstance(error, FileExistsError | NotADirectoryError):
        return f"{error.filename or 'its directory'} is not a directory"
    if isinstance(error, OSError):
        return error.strerror or text
    if "not a database" in text:
        return "it is not an SQLite database (a damaged header, or another kind of file)"
    if "malformed" in text:
        return "the file is damaged (truncated?)"
    if "readonly" in text or "read-only" in text:
        return "the file or its file system is read-only"
    if "unable to open" in text:
        return "it cannot be opened (is its directory writable?)"
    return text


class ClaimSetting(NamedTuple):
    """What surrounds a claim's words (:meth:`ClaimBase.settings_of`), and its verdict."""

    appearance: str | None
    claim_date: str | None
    summary: str | None
    translated_claims: tuple[str, ...] = ()  # the claim in the languages it is translated to
    translated_summaries: tuple[str, ...] = ()  # with where it was made, where translated
    verdict: str | None = None  # its key on knowledge.verdicts.SCALE
    translated_claimants: tuple[str, ...] = ()  # who made it, as those languages write it
    # What the claimant is ("Myanmar junta leader"), in the claim's language and its translations'
    claimant_roles: tuple[str, ...] = ()
    translated_appearances: tuple[str, ...] = ()  # where it was made, as its translations say


class _Translated(NamedTuple):
    """The texts of a translation that a claim's setting holds (:meth:`ClaimBase.settings_of`)."""

    claim: str
    summary: str
    claimant: str | None
    appearance: str | None
    claimant_role: str | None


class Transaction:
    """What :meth:`ClaimBase.transaction` gives: statements run in that transaction, on the
    base's connection."""

    __slots__ = ("base",)

    def __init__(self, base: ClaimBase) -> None:
        self.base = base

    @property
    def conn(self) -> sqlite3.Connection:
        return self.base.conn

    def execute(self, sql: str, parameters: Sequence[Any] = ()) -> sqlite3.Cursor:
        return self.base.conn.execute(sql, parameters)

    def query(self, sql: str, parameters: Sequence[Any] = ()) -> Iterator[dict[str, Any]]:
        """The rows ``sql`` reads, each a dict of column name to value."""
        return self.base.query(sql, parameters)

    def table(self, name: str) -> sqlite_utils.db.Table:
        """sqlite-utils' table ``name``, for inserts and upserts of dict rows."""
        return self.base.db.table(name)


class ClaimBase:
    """The claim base. Open with :meth:`open`; one instance per process is enough.

    The connection may be used from several threads (adapters run on one event loop, but tests
    and tools use threads); SQLite serialises writers, and the busy timeout makes a second
    process wait rather than fail.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path | None) -> None:
        self.conn = conn
        self.path = path
        self._lock = threading.RLock()
        self._identity = _identity(path) if path is not None else None
        self._db: sqlite_utils.Database | None = None

    @property
    def db(self) -> sqlite_utils.Database:
        """The base through sqlite-utils, for its tables' inserts and upserts of dict rows
        and the migrations. Imported on first use (about 0.1 s): `factbot ask` reads and
        writes with plain SQL on :attr:`conn` (and in :meth:`transaction`) and never needs
        it."""
        if self._db is None:
            with self._lock:
                if self._db is None:
                    import sqlite_utils

                    # No sqlite-utils plugins: one installed in the same environment for
                    # something else would register its functions on every claim base.
                    self._db = sqlite_utils.Database(
                        self.conn, execute_plugins=False, recursive_triggers=False
                    )
        return self._db

    def query(self, sql: str, parameters: Sequence[Any] = ()) -> Iterator[dict[str, Any]]:
        """The rows ``sql`` reads, each a dict of column name to value."""
        cursor = self.conn.execute(sql, parameters)
        names = [column[0] for column in cursor.description]
        return (dict(zip(names, row, strict=True)) for row in cursor)

    @classmethod
    def open(cls, path: str | Path | None = None, *, seed: bool = True) -> ClaimBase:
        """Open (creating and migrating if needed) the claim base at ``path``.

        ``":memory:"`` gives a private in-memory base. A new file is created readable by its
        owner only. With ``seed`` the built-in fact-checks are added once.
        """
        if path is None:
            path = default_db_path()
        try:
            return cls._open(path, seed=seed)
        except (sqlite3.DatabaseError, OSError) as error:
            where = path if str(path) == ":memory:" else Path(path).expanduser()
            raise BaseError(f"cannot open the claim base {where}: {_open_problem(error)}") from None

    @classmethod
    def _open(cls, path: str | Path, *, seed: bool) -> ClaimBase:
        if str(path) == ":memory:":
            conn = sqlite3.connect(":memory:", check_same_thread=False)
            resolved: Path | None = None
        else:
            resolved = Path(path).expanduser()
            resolved.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            if not resolved.exists():
                marker = _marker(resolved)
                # Another process creates the file, then the marker: a marker seen with no
                # file before it may be that process's, a moment ago. Look at the file again.
                if marker.exists() and not resolved.exists():
                    raise BaseError(
                        f"the claim base {resolved} is missing, but {marker} says one was "
                        "created there before (deleted? moved?). Put a backup back with "
                        f"`factbot --db {resolved} restore BACKUP`, or, to start afresh with "
                        f"a new base, delete {marker}"
                    )
                # Create it private before SQLite opens it, so there is no window where it is not.
                fd = os.open(resolved, os.O_CREAT | os.O_WRONLY, 0o600)
                os.close(fd)
                marker_fd = os.open(marker, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
                os.write(marker_fd, f"created {now_iso()}\n".encode())
                os.close(marker_fd)
            conn = sqlite3.connect(
                str(resolved), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
            )
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        # As sqlite-utils sets it on the connections it is given (the base's triggers were
        # written and tested with it on).
        conn.execute("PRAGMA recursive_triggers = ON")
        if resolved is not None:
            _use_wal(conn)
            conn.execute("PRAGMA synchronous = NORMAL")
        base = cls(conn, resolved)
        if migrations.pending(conn):
            # Under the write lock: two processes opening a new file at once (a Telegram and
            # a Slack bot started together) would otherwise both try to create the tables,
            # and the loser fails at once with "database is locked" instead of waiting its
            # turn. (sqlite-utils applies what is still pending once it holds the lock.)
            with base.transaction():
                migrations.migrations().apply(base.db)
        if seed:
            base.seed()
        return base

    def close(self) -> None:
        self.conn.close()

    # -- transactions -------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """One write transaction: everything inside commits together or not at all.

        ``BEGIN IMMEDIATE`` takes the write lock up front, so a second process waits for it
        (up to the busy timeout) instead of failing half-way with "database is locked".
        Nested blocks become savepoints.
        """
        with self._lock:
            conn = self.conn
            if conn.in_transaction:
                savepoint = f"factbot_{secrets.token_hex(8)}"
                conn.execute(f"SAVEPOINT {savepoint}")
                try:
                    yield Transaction(self)
                except BaseException:
                    # An error such as a RAISE(ROLLBACK) trigger may have ended the whole
                    # transaction, savepoints and all: then there is nothing left to undo.
                    if conn.in_transaction:
                        conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                        conn.execute(f"RELEASE SAVEPOINT {savepoint}")
                    raise
                conn.execute(f"RELEASE SAVEPOINT {savepoint}")
                return
            self.check_file()
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield Transaction(self)
            except BaseException:
                if conn.in_transaction:
                    conn.rollback()
                raise
            conn.commit()

    def check_file(self) -> None:
        """Raise :class:`BaseGone` if the file this base was opened from has been deleted or
        replaced (another inode or device at its path) since."""
        if self.path is None or self._identity is None:
            return
        now = _identity(self.path)
        if now is None:
            raise BaseGone(f"the claim base file {self.path} was deleted while in use")
        if now != self._identity:
            raise BaseGone(f"the claim base file {self.path} was replaced while in use")

    @contextmanager
    def snapshot(self) -> Iterator[bool]:
        """One read transaction: every read inside sees the same state of the file, whatever
        other processes commit meanwhile; yields True. Inside a write transaction (this
        thread's or another's on this connection) it is that transaction, which may yet roll
        back: yields False."""
        with self._lock:
            if self.conn.in_transaction:
                yield False
                return
            self.conn.execute("BEGIN")
            try:
                yield True
            finally:
                if self.conn.in_transaction:
                    self.conn.commit()

    # -- full-text indexes ---------------------------------------------------------------

    def optimize_indexes(self) -> None:
        """Merge each full-text index into one b-tree (FTS5's ``optimize``). Written in many
        small transactions (the seed's claims one by one, an import's batches), an index is
        many segments, and a query looks up each of its terms in every one: the built-in
        base's trigram query, which nearly every question runs, took 0.74 ms in its nine
        segments and 0.34 ms in one. Later changes add a segment each, and FTS5 merges them
        as they accumulate. The same rows and the same ranking; a rewrite of the indexes,
        so run after bulk writes, not after each change."""
        with self.transaction():
            merge_fts(self.conn)

    def optimize_after(self, changed: int) -> None:
        """After a bulk write that added or changed ``changed`` claims: the indexes merged
        (:meth:`optimize_indexes`) if that is at least one in :data:`MERGE_SHARE` of the base.
        Merging costs time in proportion to the whole base (1.4 s at 100,000 claims), so a
        few claims imported into a large one are left to FTS5's own merging."""
        if changed and changed * MERGE_SHARE >= self.count(status=None):
            self.optimize_indexes()

    # -- seeding ------------------------------------------------------------------------

    def seed(self) -> int:
        """Add the built-in fact-checks that are not in the base yet. Returns how many.

        A claim is never overwritten: once it exists (seeded earlier, perhaps edited or
        retracted by a moderator since), the seed leaves it alone. A seed file the base has
        taken in as it reads now (table ``seeds``) is passed by unread: a start writes
        nothing.
        """
        added = 0
        for name in SEED_FILES:
            text = resources.files("knowledge").joinpath("data", name).read_text("utf-8")
            digest = hashlib.sha256(text.encode()).hexdigest()
            taken = "SELECT 1 FROM seeds WHERE name = ? AND digest = ?"
            if self.conn.execute(taken, [name, digest]).fetchone():
                continue  # taken in as it is: nothing below would change a row
            claims, problems = claimreview.parse(json.loads(text))
            if problems:
                raise ValueError(f"seed file {name} is invalid: {problems[0]}")
            with self.transaction():
                self.conn.execute(
                    "INSERT OR REPLACE INTO seeds (name, digest, seeded_at) VALUES (?, ?, ?)",
                    [name, digest, now_iso()],
                )
                for claim in claims:
                    if not self.exists(claim.id):
                        self._insert(claim, origin=f"seed:{name}")
                        added += 1
                    else:
                        # A base seeded before the seed had translations gets them, and
                        # machine-drafted ones who made the claim and where, as their language
                        # writes them; one a moderator wrote or changed is never replaced.
                        self._complete_claim(claim)
                        for translation in claim.translations:
                            if not self._insert_translation(claim.id, translation, now_iso()):
                                self._complete_translation(claim.id, translation)
        if added:
            self.optimize_indexes()
        return added

    # -- writes -------------------------------------------------------------------------

    def add_claim(self, claim: Claim, *, origin: str) -> Claim:
        """Insert a claim with its sources and aliases in one transaction."""
        with self.transaction():
            self._insert(claim, origin=origin)
        return self.get(claim.id) or claim

    def _insert(self, claim: Claim, *, origin: str) -> None:
        stamp = now_iso()
        self.db.table("claims").insert(claim_row(claim, origin=origin, stamp=stamp))
        for position, source in enumerate(claim.sources):
            self.db.table("sources").insert(source_row(claim.id, source, position, stamp))
        for alias in claim.aliases:
            self._insert_alias(claim.id, alias, stamp)
        for translation in claim.translations:
            self._insert_translation(claim.id, translation, stamp)

    def _insert_translation(self, claim_id: str, translation: Translation, stamp: str) -> bool:
        """Add a translation the claim does not have yet in that language (never replaces)."""
        before = self.conn.total_changes
        row = translation_row(claim_id, translation, stamp)
        self.conn.execute(
            f"INSERT OR IGNORE INTO claim_translations ({', '.join(row)}) "
            f"VALUES ({', '.join('?' * len(row))})",
            list(row.values()),
        )
        return self.conn.total_changes != before

    def _complete_claim(self, claim: Claim) -> None:
        """Give a seeded claim that no one has changed since the seed's claimant's role
        (seeded before claims carried one)."""
        if claim.claimant_role:
            self.conn.execute(
                "UPDATE claims SET claimant_role = ? WHERE id = ? AND claimant_role IS NULL "
                "AND origin LIKE 'seed:%' AND updated_at = created_at",
                [claim.claimant_role, claim.id],
            )

    def _complete_translation(self, claim_id: str, translation: Translation) -> None:
        """Give a machine-drafted translation who made the claim and where as ``translation``
        drafts them (seeded before translations carried them, or drafted otherwise since:
        "Sputnik (စပွတ်နစ်)", as Burmese writes the name too), and the claimant's role where
        it has none. A translation a person wrote or reviewed is not machine-drafted: never
        touched."""
        where = "WHERE claim_id = ? AND language = ? AND machine_drafted = 1"
        if translation.claimant or translation.appearance:
            self.conn.execute(
                f"UPDATE claim_translations SET claimant = ?, appearance = ? {where} "
                "AND (claimant IS NOT ? OR appearance IS NOT ?)",
                [
                    translation.claimant,
                    translation.appearance,
                    claim_id,
                    translation.language,
                    translation.claimant,
                    translation.appearance,
                ],
            )
        if translation.claimant_role:
            self.conn.execute(
                f"UPDATE claim_translations SET claimant_role = ? {where} "
                "AND claimant_role IS NULL",
                [translation.claimant_role, claim_id, translation.language],
            )

    def _insert_alias(self, claim_id: str, alias: Alias, stamp: str) -> int | None:
        before = self.conn.total_changes
        self.conn.execute(
            "INSERT OR IGNORE INTO aliases (claim_id, text, language, created_at) "
            "VALUES (?, ?, ?, ?)",
            [claim_id, alias.text, alias.language, stamp],
        )
        if self.conn.total_changes == before:
            return None
        return int(self.conn.execute("SELECT last_insert_rowid()").fetchone()[0])

    # -- reads --------------------------------------------------------------------------

    def exists(self, claim_id: str) -> bool:
        return bool(self.conn.execute("SELECT 1 FROM claims WHERE id = ?", [claim_id]).fetchone())

    def count(self, *, status: str | None = Status.PUBLISHED) -> int:
        if status is None:
            return int(self.conn.execute("SELECT count(*) FROM claims").fetchone()[0])
        sql = "SELECT count(*) FROM claims WHERE status = ?"
        return int(self.conn.execute(sql, [status]).fetchone()[0])

    def get(self, claim_id: str) -> Claim | None:
        """A claim with its sources and aliases, whatever its status."""
        found = self.get_many([claim_id])
        return found.get(claim_id)

    def get_many(self, claim_ids: Sequence[str]) -> dict[str, Claim]:
        if not claim_ids:
            return {}
        marks = ",".join("?" * len(claim_ids))
        ids = list(claim_ids)
        rows = list(self.query(f"SELECT * FROM claims WHERE id IN ({marks})", ids))
        sources: dict[str, list[Source]] = {}
        for row in self.query(
            f"SELECT * FROM sources WHERE claim_id IN ({marks}) ORDER BY claim_id, position, id",
            ids,
        ):
            sources.setdefault(row["claim_id"], []).append(
                Source(row["publisher"], row["title"], row["url"], row["date"], row["supports"])
            )
        aliases: dict[str, list[Alias]] = {}
        for row in self.query(
            f"SELECT claim_id, text, language FROM aliases WHERE claim_id IN ({marks}) ORDER BY id",
            ids,
        ):
            aliases.setdefault(row["claim_id"], []).append(Alias(row["text"], row["language"]))
        translations: dict[str, list[Translation]] = {}
        for row in self.query(
            f"SELECT * FROM claim_translations WHERE claim_id IN ({marks}) ORDER BY language",
            ids,
        ):
            translations.setdefault(row["claim_id"], []).append(translation_from_row(row))
        result: dict[str, Claim] = {}
        for row in rows:
            claim = claim_from_row(row)
            result[claim.id] = replace(
                claim,
                sources=tuple(sources.get(claim.id, ())),
                aliases=tuple(aliases.get(claim.id, ())),
                translations=tuple(translations.get(claim.id, ())),
            )
        return result

    def list_claims(self, *, include_retracted: bool = False) -> list[Claim]:
        where = "" if include_retracted else "WHERE status = 'published'"
        ids = [r[0] for r in self.conn.execute(f"SELECT id FROM claims {where} ORDER BY id")]
        found = self.get_many(ids)
        return [found[i] for i in ids]

    # -- search -------------------------------------------------------------------------

    def word_candidates(self, fts_query: str, limit: int) -> list[tuple[str, float]]:
        """Published claims whose phrasings match an FTS5 word query: (claim id, bm25), best
        first. bm25 here is positive; higher is better."""
        return self._candidates("search_fts", fts_query, limit)

    def trigram_candidates(self, fts_query: str, limit: int) -> list[tuple[str, float]]:
        """As :meth:`word_candidates`, over the trigram index."""
        return self._candidates("search_tri", fts_query, limit)

    def _candidates(self, index: str, fts_query: str, limit: int) -> list[tuple[str, float]]:
        # Take the best-ranked phrasings first (FTS5 orders by rank cheaply), then keep the
        # best one per published claim.
        sql = f"""
            SELECT d.claim_id, -hits.rank AS score
            FROM (SELECT rowid, rank FROM {index} WHERE {index} MATCH ? ORDER BY rank LIMIT ?)
                AS hits
            JOIN search_docs AS d ON d.rowid = hits.rowid
            JOIN claims AS c ON c.id = d.claim_id AND c.status = 'published'
            ORDER BY hits.rank
        """
        best: dict[str, float] = {}
        for claim_id, score in self.conn.execute(sql, [fts_query, limit * 3]):
            if claim_id not in best:
                best[claim_id] = float(score)
                if len(best) >= limit:
                    break
        return list(best.items())

    def phrasings(self, claim_ids: Iterable[str]) -> dict[str, list[tuple[str, str]]]:
        """Every searchable phrasing of these claims: {claim id: [(field, text), ...]}.

        The claimant's name comes too, as field ``claimant``: not searchable on its own, but
        a question that names the speaker should not lose points for it."""
        ids = list(claim_ids)
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        result: dict[str, list[tuple[str, str]]] = {i: [] for i in ids}
        sql = f"SELECT claim_id, field, text FROM search_docs WHERE claim_id IN ({marks})"
        for claim_id, field, text in self.conn.execute(sql, ids):
            result[claim_id].append((field, text))
        sql = f"SELECT id, claimant FROM claims WHERE id IN ({marks}) AND claimant IS NOT NULL"
        for claim_id, claimant in self.conn.execute(sql, ids):
            result[claim_id].append(("claimant", claimant))
        return result

    def settings_of(self, claim_ids: Iterable[str]) -> dict[str, ClaimSetting]:
        """Where and when each claim was made, its summary, and the claim and summary in
        other languages: the texts around a claim that the matcher reads names and numbers
        from (knowledge.matching.context); and its verdict (knowledge.matching.decide.disputes)."""
        ids = list(claim_ids)
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        translated: dict[str, list[_Translated]] = {}
        sql = (
            "SELECT claim_id, claim, summary, claimant, appearance, claimant_role "
            f"FROM claim_translations WHERE claim_id IN ({marks})"
        )
        for claim_id, *texts in self.conn.execute(sql, ids):
            translated.setdefault(claim_id, []).append(_Translated(*texts))
        sql = (
            "SELECT id, appearance, claim_date, summary, verdict, claimant_role FROM claims "
            f"WHERE id IN ({marks})"
        )
        settings = {}
        for claim_id, appearance, claim_date, summary, verdict, role in self.conn.execute(sql, ids):
            other = translated.get(claim_id, [])
            settings[claim_id] = ClaimSetting(
                appearance,
                claim_date,
                summary,
                tuple(t.claim for t in other),
                tuple(text for t in other for text in (t.summary, t.appearance) if text),
                verdict,
                tuple(t.claimant for t in other if t.claimant),
                tuple(r for r in (role, *(t.claimant_role for t in other)) if r),
                tuple(t.appearance for t in other if t.appearance),
            )
        return settings

    def docs_containing(self, pieces: Sequence[str], limit: int) -> list[str]:
        """Published claims with a phrasing containing any of these pieces of text.

        A scan, for pieces too short for the trigram index (two-character words of Chinese
        or Japanese); use it only when the indexes found too little."""
        if not pieces:
            return []
        where = " OR ".join("instr(d.text, ?) > 0" for _ in pieces)
        sql = f"""
            SELECT DISTINCT d.claim_id FROM search_docs AS d
            JOIN claims AS c ON c.id = d.claim_id AND c.status = 'published'
            WHERE {where} LIMIT ?
        """
        return [row[0] for row in self.conn.execute(sql, [*pieces, limit])]


# -- matching reads (knowledge.matching) --------------------------------------------------------
# Read-only helpers for the matcher, kept apart from the write side above.


def claim_candidates(
    base: ClaimBase, fts_query: str, limit: int, weights: tuple[float, float, float]
) -> list[tuple[str, float]]:
    """The best ``limit`` published claims for an FTS5 word query over ``claim_fts`` (each
    claim's text, title and aliases as one document, the columns weighted by ``weights``):
    (claim id, bm25), best first, bm25 positive (higher is better). Ties keep the order the
    claims were added in."""
    claim_w, title_w, alias_w = (float(w) for w in weights)
    # A few spare rows: retracted claims stay in the index and are dropped by the join.
    sql = f"""
        SELECT d.claim_id, -hits.score
        FROM (
            SELECT rowid, bm25(claim_fts, {claim_w!r}, {title_w!r}, {alias_w!r}) AS score
            FROM claim_fts WHERE claim_fts MATCH ? ORDER BY score LIMIT ?
        ) AS hits
        JOIN claim_docs AS d ON d.rowid = hits.rowid
        JOIN claims AS c ON c.id = d.claim_id AND c.status = 'published'
        ORDER BY hits.score, hits.rowid
    """
    rows = base.conn.execute(sql, [fts_query, limit + 10])
    return [(row[0], float(row[1])) for row in rows][:limit]


def data_version(base: ClaimBase) -> tuple[int, int]:
    """Changes whenever the base may have changed: a commit by another connection
    (``PRAGMA data_version``) or any change made through this one."""
    other = int(base.conn.execute("PRAGMA data_version").fetchone()[0])
    return other, base.conn.total_changes


def claims_version(base: ClaimBase) -> int | None:
    """Changes with every change to what the matcher reads (claims, aliases, translations,
    vectors; ``claims_state``, migration m012), made by any connection. None inside a write
    transaction: what it changed may yet roll back."""
    if base.conn.in_transaction:
        return None
    return claims_state_version(base.conn)


def claims_state_version(conn: sqlite3.Connection, table: str = "claims_state") -> int | None:
    """``claims_state.version`` (or that of another one-row state table,
    ``claim_vectors_state``) as ``conn`` sees it, or None in a file without the table (a new
    one, or one from before its migration). The connection itself: read at every question."""
    try:
        row = conn.execute(f"SELECT version FROM {table} WHERE id = 1").fetchone()
    except sqlite3.OperationalError:
        return None
    return int(row[0]) if row else None


def phrasing_count(base: ClaimBase) -> int:
    """About how many documents (claims) the word index holds (the highest row id: no scan)."""
    row = base.conn.execute("SELECT max(rowid) FROM claim_docs").fetchone()
    return int(row[0] or 0)
