"""Numbered schema migrations. An existing file is upgraded in place, never dropped.

Add a new step at the end as ``m0NN_what_it_does``, marked ``@step``; never edit a step that
has shipped. sqlite-utils records each applied step in ``_sqlite_migrations`` and runs each
pending one in a transaction of its own, together with that record; a base with none pending
(:func:`pending`, plain SQL) opens without importing it.

One file on purpose (about 500 lines): the schema's history reads top to bottom, in order.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

NAME = "factbot"  # the migration set's name in ``_sqlite_migrations``
STEPS: list[Callable[[sqlite_utils.Database], None]] = []


def step(
    migration: Callable[[sqlite_utils.Database], None],
) -> Callable[[sqlite_utils.Database], None]:
    """Add ``migration`` as the next step, under its function's name."""
    STEPS.append(migration)
    return migration


@cache
def migrations() -> sqlite_utils.Migrations:
    """The steps as sqlite-utils' migration set, which applies them. sqlite-utils is imported
    here, not with this module: a base whose steps are all applied (:func:`pending`) opens
    without it (importing it is about 0.1 s of `factbot ask`)."""
    import sqlite_utils

    steps = sqlite_utils.Migrations(NAME)
    for migration in STEPS:
        steps(name=migration.__name__)(migration)
    return steps


def pending(conn: sqlite3.Connection) -> list[str]:
    """The names of the steps ``conn``'s base has not applied, in order (read as sqlite-utils
    records them; all of them in a new file)."""
    try:
        rows = conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [NAME]
        ).fetchall()
    except sqlite3.OperationalError:  # no such table: a new file
        rows = []
    applied = {name for (name,) in rows}
    return [m.__name__ for m in STEPS if m.__name__ not in applied]


def _run(db: sqlite_utils.Database, script: str) -> None:
    """Run a script one statement at a time: executescript() would commit the transaction."""
    statement = ""
    for line in (script.rstrip().rstrip(";") + ";").splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""


@step
def m001_claims_sources_aliases(db: sqlite_utils.Database) -> None:
    _run(
        db,
        """
        CREATE TABLE claims (
            id TEXT PRIMARY KEY,
            claim TEXT NOT NULL,
            title TEXT,
            claimant TEXT,
            claim_date TEXT,
            appearance TEXT,
            verdict TEXT NOT NULL,
            rating TEXT NOT NULL,
            summary TEXT NOT NULL DEFAULT '',
            review_url TEXT,
            review_date TEXT,
            publisher TEXT,
            language TEXT,
            status TEXT NOT NULL DEFAULT 'published' CHECK (status IN ('published', 'retracted')),
            origin TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX claims_review_url ON claims (review_url);
        CREATE TABLE sources (
            id INTEGER PRIMARY KEY,
            claim_id TEXT NOT NULL REFERENCES claims (id),
            position INTEGER NOT NULL DEFAULT 0,
            publisher TEXT NOT NULL,
            title TEXT,
            url TEXT,
            date TEXT,
            supports TEXT,
            created_at TEXT NOT NULL
        );
        CREATE INDEX sources_claim_id ON sources (claim_id);
        CREATE TABLE aliases (
            id INTEGER PRIMARY KEY,
            claim_id TEXT NOT NULL REFERENCES claims (id),
            text TEXT NOT NULL,
            language TEXT,
            created_at TEXT NOT NULL,
            UNIQUE (claim_id, text)
        )
        """,
    )


@step
def m002_search_index(db: sqlite_utils.Database) -> None:
    """Every phrasing of a claim in ``search_docs``, indexed by words and by trigrams."""
    _run(
        db,
        """
        CREATE TABLE search_docs (
            rowid INTEGER PRIMARY KEY,
            claim_id TEXT NOT NULL REFERENCES claims (id),
            field TEXT NOT NULL,
            alias_id INTEGER,
            text TEXT NOT NULL
        );
        CREATE INDEX search_docs_claim_id ON search_docs (claim_id);
        CREATE VIRTUAL TABLE search_fts USING fts5 (
            text, content='search_docs', content_rowid='rowid',
            tokenize='porter unicode61 remove_diacritics 2'
        );
        CREATE VIRTUAL TABLE search_tri USING fts5 (
            text, content='search_docs', content_rowid='rowid', tokenize='trigram'
        );
        CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN
            INSERT INTO search_fts (rowid, text) VALUES (new.rowid, new.text);
            INSERT INTO search_tri (rowid, text) VALUES (new.rowid, new.text);
        END;
        CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN
            INSERT INTO search_fts (search_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
            INSERT INTO search_tri (search_tri, rowid, text) VALUES ('delete', old.rowid, old.text);
        END;
        CREATE TRIGGER claims_search_ai AFTER INSERT ON claims BEGIN
            INSERT INTO search_docs (claim_id, field, text) VALUES (new.id, 'claim', new.claim);
            INSERT INTO search_docs (claim_id, field, text)
                SELECT new.id, 'title', new.title
                WHERE new.title IS NOT NULL AND trim(new.title) != '' AND new.title != new.claim;
        END;
        CREATE TRIGGER claims_search_au AFTER UPDATE OF claim, title ON claims BEGIN
            DELETE FROM search_docs WHERE claim_id = old.id AND field IN ('claim', 'title');
            INSERT INTO search_docs (claim_id, field, text) VALUES (new.id, 'claim', new.claim);
            INSERT INTO search_docs (claim_id, field, text)
                SELECT new.id, 'title', new.title
                WHERE new.title IS NOT NULL AND trim(new.title) != '' AND new.title != new.claim;
        END;
        CREATE TRIGGER claims_search_ad AFTER DELETE ON claims BEGIN
            DELETE FROM search_docs WHERE claim_id = old.id;
        END;
        CREATE TRIGGER aliases_search_ai AFTER INSERT ON aliases BEGIN
            INSERT INTO search_docs (claim_id, field, alias_id, text)
                VALUES (new.claim_id, 'alias', new.id, new.text);
        END;
        CREATE TRIGGER aliases_search_au AFTER UPDATE OF text, claim_id ON aliases BEGIN
            DELETE FROM search_docs WHERE alias_id = old.id AND field = 'alias';
            INSERT INTO search_docs (claim_id, field, alias_id, text)
                VALUES (new.claim_id, 'alias', new.id, new.text);
        END;
        CREATE TRIGGER aliases_search_ad AFTER DELETE ON aliases BEGIN
            DELETE FROM search_docs WHERE alias_id = old.id AND field = 'alias';
        END;
        CREATE INDEX search_docs_alias_id ON search_docs (alias_id);
        INSERT INTO search_docs (claim_id, field, text) SELECT id, 'claim', claim FROM claims;
        INSERT INTO search_docs (claim_id, field, text)
            SELECT id, 'title', title FROM claims
            WHERE title IS NOT NULL AND trim(title) != '' AND title != claim;
        INSERT INTO search_docs (claim_id, field, alias_id, text)
            SELECT claim_id, 'alias', id, text FROM aliases
        """,
    )


@step
def m003_chat_settings(db: sqlite_utils.Database) -> None:
    """Per-chat settings set by that chat's admins (watch mode in groups)."""
    _run(
        db,
        """
        CREATE TABLE chat_settings (
            platform TEXT NOT NULL,
            chat_id TEXT NOT NULL,
            watch INTEGER NOT NULL DEFAULT 0,
            updated_by TEXT,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (platform, chat_id)
        )
        """,
    )


@step
def m004_moderation(db: sqlite_utils.Database) -> None:
    """Roles, the audit log, the queue of unanswered questions, subscriptions, notifications
    and the log of answers given (for corrections, feedback and statistics)."""
    _run(
        db,
        """
        CREATE TABLE roles (
            platform TEXT NOT NULL,
            user_id TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('moderator')),
            granted_by TEXT NOT NULL,
            granted_at TEXT NOT NULL,
            PRIMARY KEY (platform, user_id)
        );
        CREATE TABLE audit (
            id INTEGER PRIMARY KEY,
            change_id INTEGER NOT NULL,
            action TEXT NOT NULL,
            claim_id TEXT,
            actor TEXT NOT NULL,
            platform TEXT NOT NULL,
            at TEXT NOT NULL,
            reason TEXT,
            table_name TEXT NOT NULL,
            row_key TEXT NOT NULL,
            before TEXT,
            after TEXT,
            undone_by INTEGER
        );
        CREATE INDEX audit_change_id ON audit (change_id);
        CREATE INDEX audit_claim_id ON audit (claim_id);
        CREATE INDEX audit_actor ON audit (actor);
        CREATE TABLE queue (
            id INTEGER PRIMARY KEY,
            normalised TEXT NOT NULL UNIQUE,
            text TEXT NOT NULL,
            asked INTEGER NOT NULL DEFAULT 1,
            first_seen TEXT NOT NULL,
            last_seen TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
            claim_id TEXT REFERENCES claims (id),
            resolved_by TEXT,
            resolved_at TEXT
        );
        CREATE INDEX queue_status ON queue (status, asked);
        CREATE TABLE subscriptions (
            id INTEGER PRIMARY KEY,
            queue_id INTEGER NOT NULL REFERENCES queue (id),
            platform TEXT NOT NULL,
            chat_id TEXT NOT NULL,
            created_at TEXT NOT NULL,
            UNIQUE (queue_id, platform, chat_id)
        );
        CREATE TABLE notifications (
            id INTEGER PRIMARY KEY,
            platform TEXT NOT NULL,
            chat_id TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('checked', 'updated')),
            claim_id TEXT NOT NULL REFERENCES claims (id),
            question TEXT,
            old_verdict TEXT,
            created_at TEXT NOT NULL,
            UNIQUE (platform, chat_id, kind, claim_id)
        );
        CREATE INDEX notifications_platform ON notifications (platform);
        CREATE TABLE answers (
            id INTEGER PRIMARY KEY,
            platform TEXT NOT NULL,
            chat_id TEXT NOT NULL,
            question TEXT NOT NULL,
            decision TEXT NOT NULL,
            claim_id TEXT,
            verdict TEXT,
            feedback TEXT CHECK (feedback IN ('yes', 'no')),
            created_at TEXT NOT NULL
        );
        CREATE INDEX answers_created_at ON answers (created_at);
        CREATE INDEX answers_claim_id ON answers (claim_id)
        """,
    )


@step
def m005_claim_search_index(db: sqlite_utils.Database) -> None:
    """One search document per claim (its text, title and aliases together) in ``claim_docs``,
    indexed by words in ``claim_fts`` (columns claim, title, aliases: bm25 can weigh them).

    bm25 over a claim as one document ranks better than over its phrasings one by one (the
    README's "Performance" section). ``claim_docs`` has its own integer key, so the index does
    not depend on the implicit row ids of ``claims`` (which VACUUM may renumber). Kept in sync
    by triggers on ``claims`` and ``aliases``; existing rows are backfilled here."""
    _run(
        db,
        """
        CREATE TABLE claim_docs (
            rowid INTEGER PRIMARY KEY,
            claim_id TEXT NOT NULL UNIQUE REFERENCES claims (id),
            claim TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            aliases TEXT NOT NULL DEFAULT ''
        );
        CREATE VIRTUAL TABLE claim_fts USING fts5 (
            claim, title, aliases, content='claim_docs', content_rowid='rowid',
            tokenize='porter unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER claim_docs_ai AFTER INSERT ON claim_docs BEGIN
            INSERT INTO claim_fts (rowid, claim, title, aliases)
                VALUES (new.rowid, new.claim, new.title, new.aliases);
        END;
        CREATE TRIGGER claim_docs_ad AFTER DELETE ON claim_docs BEGIN
            INSERT INTO claim_fts (claim_fts, rowid, claim, title, aliases)
                VALUES ('delete', old.rowid, old.claim, old.title, old.aliases);
        END;
        CREATE TRIGGER claim_docs_au AFTER UPDATE ON claim_docs BEGIN
            INSERT INTO claim_fts (claim_fts, rowid, claim, title, aliases)
                VALUES ('delete', old.rowid, old.claim, old.title, old.aliases);
            INSERT INTO claim_fts (rowid, claim, title, aliases)
                VALUES (new.rowid, new.claim, new.title, new.aliases);
        END;
        CREATE TRIGGER claims_docs_ai AFTER INSERT ON claims BEGIN
            INSERT INTO claim_docs (claim_id, claim, title, aliases)
                VALUES (
                    new.id, new.claim,
                    CASE WHEN new.title IS NULL OR new.title = new.claim THEN '' ELSE new.title END,
                    coalesce(
                        (SELECT group_concat(text, ' ') FROM aliases WHERE claim_id = new.id), ''
                    )
                );
        END;
        CREATE TRIGGER claims_docs_au AFTER UPDATE OF claim, title ON claims BEGIN
            UPDATE claim_docs SET
                claim = new.claim,
                title = CASE WHEN new.title IS NULL OR new.title = new.claim
                    THEN '' ELSE new.title END
            WHERE claim_id = new.id;
        END;
        CREATE TRIGGER claims_docs_ad AFTER DELETE ON claims BEGIN
            DELETE FROM claim_docs WHERE claim_id = old.id;
        END;
        CREATE TRIGGER aliases_docs_ai AFTER INSERT ON aliases BEGIN
            UPDATE claim_docs SET aliases = coalesce(
                (SELECT group_concat(text, ' ') FROM aliases WHERE claim_id = new.claim_id), ''
            ) WHERE claim_id = new.claim_id;
        END;
        CREATE TRIGGER aliases_docs_au AFTER UPDATE OF text, claim_id ON aliases BEGIN
            UPDATE claim_docs SET aliases = coalesce(
                (SELECT group_concat(text, ' ') FROM aliases WHERE claim_id = old.claim_id), ''
            ) WHERE claim_id = old.claim_id;
            UPDATE claim_docs SET aliases = coalesce(
                (SELECT group_concat(text, ' ') FROM aliases WHERE claim_id = new.claim_id), ''
            ) WHERE claim_id = new.claim_id;
        END;
        CREATE TRIGGER aliases_docs_ad AFTER DELETE ON aliases BEGIN
            UPDATE claim_docs SET aliases = coalesce(
                (SELECT group_concat(text, ' ') FROM aliases WHERE claim_id = old.claim_id), ''
            ) WHERE claim_id = old.claim_id;
        END;
        INSERT INTO claim_docs (claim_id, claim, title, aliases)
            SELECT c.id, c.claim,
                CASE WHEN c.title IS NULL OR c.title = c.claim THEN '' ELSE c.title END,
                coalesce((SELECT group_concat(a.text, ' ') FROM aliases AS a
                          WHERE a.claim_id = c.id), '')
            FROM claims AS c ORDER BY c.rowid
        """,
    )


@step
def m006_claim_vectors(db: sqlite_utils.Database) -> None:
    """Semantic vectors of claims (the optional embeddings layer,
    :mod:`knowledge.matching.embeddings`).

    One row per claim and model: the vector as int8 BLOB with the scale that makes it unit
    length, and a hash of the text that was embedded, so a changed claim shows as stale.
    ``claim_vectors_state.version`` changes whenever a vector, or a claim's status, does: a
    process holding the vectors in memory checks that one row to know it must reload them.
    Filled by ``factbot claims embed``; an empty table is a base without embeddings."""
    _run(
        db,
        """
        CREATE TABLE claim_vectors (
            claim_id TEXT NOT NULL REFERENCES claims (id),
            model TEXT NOT NULL,
            text_hash TEXT NOT NULL,
            vector BLOB NOT NULL,
            scale REAL NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (claim_id, model)
        );
        CREATE TABLE claim_vectors_state (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            version INTEGER NOT NULL
        );
        INSERT INTO claim_vectors_state (id, version) VALUES (1, 0);
        CREATE TRIGGER claim_vectors_ai AFTER INSERT ON claim_vectors BEGIN
            UPDATE claim_vectors_state SET version = version + 1 WHERE id = 1;
        END;
        CREATE TRIGGER claim_vectors_au AFTER UPDATE ON claim_vectors BEGIN
            UPDATE claim_vectors_state SET version = version + 1 WHERE id = 1;
        END;
        CREATE TRIGGER claim_vectors_ad AFTER DELETE ON claim_vectors BEGIN
            UPDATE claim_vectors_state SET version = version + 1 WHERE id = 1;
        END;
        CREATE TRIGGER claims_vectors_status AFTER UPDATE OF status ON claims
            WHEN old.status IS NOT new.status BEGIN
            UPDATE claim_vectors_state SET version = version + 1 WHERE id = 1;
        END;
        CREATE TRIGGER claims_vectors_ad AFTER DELETE ON claims BEGIN
            DELETE FROM claim_vectors WHERE claim_id = old.id;
        END
        """,
    )


@step
def m007_claim_docs_log(db: sqlite_utils.Database) -> None:
    """A log of changes to the word index's documents (``claim_docs``), for the matcher's
    in-memory copy of the index (:mod:`knowledge.matching.wordindex`).

    Each added, changed or removed document appends a row (an update that changes no text, as
    when a claim's summary is edited, appends nothing): its rowid and, for a change or a
    removal, its text as it was (a process that has the old version in memory must take that
    one out); so does a change of its claim's status (with the text unchanged: a retracted
    claim stays in the index but is never a candidate). ``seq`` only grows; the newest ``seq``
    is the index's version, read before every question. Only the last 256 entries are kept:
    a process further behind loads the index afresh. Unlike ``PRAGMA data_version``, recording
    answers or queued questions moves nothing here."""
    _run(
        db,
        """
        CREATE TABLE claim_docs_log (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            doc INTEGER NOT NULL,
            claim TEXT,
            title TEXT,
            aliases TEXT
        );
        CREATE TRIGGER claim_docs_log_ai AFTER INSERT ON claim_docs BEGIN
            INSERT INTO claim_docs_log (doc) VALUES (new.rowid);
            DELETE FROM claim_docs_log
                WHERE seq <= (SELECT max(seq) FROM claim_docs_log) - 256;
        END;
        CREATE TRIGGER claim_docs_log_au AFTER UPDATE ON claim_docs
            WHEN old.claim IS NOT new.claim OR old.title IS NOT new.title
                OR old.aliases IS NOT new.aliases BEGIN
            INSERT INTO claim_docs_log (doc, claim, title, aliases)
                VALUES (old.rowid, old.claim, old.title, old.aliases);
            DELETE FROM claim_docs_log
                WHERE seq <= (SELECT max(seq) FROM claim_docs_log) - 256;
        END;
        CREATE TRIGGER claim_docs_log_ad AFTER DELETE ON claim_docs BEGIN
            INSERT INTO claim_docs_log (doc, claim, title, aliases)
                VALUES (old.rowid, old.claim, old.title, old.aliases);
            DELETE FROM claim_docs_log
                WHERE seq <= (SELECT max(seq) FROM claim_docs_log) - 256;
        END;
        CREATE TRIGGER claims_docs_log_status AFTER UPDATE OF status ON claims
            WHEN old.status IS NOT new.status BEGIN
            INSERT INTO claim_docs_log (doc, claim, title, aliases)
                SELECT rowid, claim, title, aliases FROM claim_docs WHERE claim_id = new.id;
            DELETE FROM claim_docs_log
                WHERE seq <= (SELECT max(seq) FROM claim_docs_log) - 256;
        END
        """,
    )


@step
def m008_conversation_state(db: sqlite_utils.Database) -> None:
    """Per-conversation state that every worker on the base shares (:mod:`knowledge.state`):
    a guided dialogue under way, the last answer and question that /yes, /no and /notify refer
    to, which answers and queued questions are a person's own, watch-mode cooldowns. Each value
    is JSON and expires at ``expires_at`` (seconds since the epoch); expired rows are ignored
    and pruned now and then. ``user_id`` is '' for a whole chat's state, ``chat_id`` '' for
    a person's state across chats."""
    _run(
        db,
        """
        CREATE TABLE conversation_state (
            platform TEXT NOT NULL,
            chat_id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            name TEXT NOT NULL,
            value TEXT NOT NULL,
            expires_at REAL NOT NULL,
            PRIMARY KEY (platform, chat_id, user_id, name)
        ) WITHOUT ROWID;
        CREATE INDEX conversation_state_expires ON conversation_state (expires_at)
        """,
    )


@step
def m009_claim_translations(db: sqlite_utils.Database) -> None:
    """A fact-check in other languages: the claim, the summary, the verdict's words and the
    sources' notes, one row per claim and language (:class:`knowledge.models.Translation`).
    ``source_notes`` is a JSON list in the order of the claim's sources (null where a note is
    not translated). ``machine_drafted`` is 1 until a person who reads the language has
    written or reviewed it."""
    _run(
        db,
        """
        CREATE TABLE claim_translations (
            id INTEGER PRIMARY KEY,
            claim_id TEXT NOT NULL REFERENCES claims (id),
            language TEXT NOT NULL,
            claim TEXT NOT NULL,
            summary TEXT NOT NULL DEFAULT '',
            rating TEXT,
            source_notes TEXT,
            machine_drafted INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (claim_id, language)
        );
        CREATE INDEX claim_translations_claim ON claim_translations (claim_id)
        """,
    )


# Numbered 10: main's m009 (claim translations, from the language branch) comes first.
@step
def m010_claim_images(db: sqlite_utils.Database) -> None:
    """Images a moderator attached to a fact-check (``/image``, or an image on import): the
    perceptual hash of each (imagehash's 64-bit DCT hash, 16 hex digits), so a re-share of the
    same picture is answered with that fact-check. The image itself is not kept."""
    _run(
        db,
        """
        CREATE TABLE claim_images (
            id INTEGER PRIMARY KEY,
            claim_id TEXT NOT NULL REFERENCES claims (id),
            phash TEXT NOT NULL,
            ref TEXT,
            created_at TEXT NOT NULL,
            UNIQUE (claim_id, phash)
        );
        CREATE INDEX claim_images_claim_id ON claim_images (claim_id)
        """,
    )


@step
def m011_alias_vectors(db: sqlite_utils.Database) -> None:
    """A vector for each alias too (the optional embeddings layer): moderators write aliases as
    people ask, often in another language than the claim, and an alias's own vector is closer to
    a question in its language than the claim's vector, which reads every alias at once. As in
    ``claim_vectors``: int8 BLOB, scale, hash of the text embedded; a change bumps
    ``claim_vectors_state``, and an alias's vector goes with it."""
    _run(
        db,
        """
        CREATE TABLE alias_vectors (
            alias_id INTEGER NOT NULL REFERENCES aliases (id),
            model TEXT NOT NULL,
            text_hash TEXT NOT NULL,
            vector BLOB NOT NULL,
            scale REAL NOT NULL,
            updated_at TEXT NOT NULL,
            PRIMARY KEY (alias_id, model)
        );
        CREATE TRIGGER alias_vectors_ai AFTER INSERT ON alias_vectors BEGIN
            UPDATE claim_vectors_state SET version = version + 1 WHERE id = 1;
        END;
        CREATE TRIGGER alias_vectors_au AFTER UPDATE ON alias_vectors BEGIN
            UPDATE claim_vectors_state SET version = version + 1 WHERE id = 1;
        END;
        CREATE TRIGGER alias_vectors_ad AFTER DELETE ON alias_vectors BEGIN
            UPDATE claim_vectors_state SET version = version + 1 WHERE id = 1;
        END;
        CREATE TRIGGER aliases_vectors_ad AFTER DELETE ON aliases BEGIN
            DELETE FROM alias_vectors WHERE alias_id = old.id;
        END
        """,
    )


@step
def m012_claims_state(db: sqlite_utils.Database) -> None:
    """``claims_state.version`` changes with every change to what the matcher reads: a claim
    (its text, title, status, context, verdict), an alias, a translation, a vector. A process
    that keeps the results of questions asked before checks that one row to know they still
    hold (``knowledge.matching.matcher``); the answers log, the queue and the conversations,
    written at every question, leave it alone."""
    tables = ("claims", "aliases", "claim_translations", "claim_vectors", "alias_vectors")
    triggers = "".join(
        f"""
        CREATE TRIGGER {table}_state_{suffix} AFTER {event} ON {table} BEGIN
            UPDATE claims_state SET version = version + 1 WHERE id = 1;
        END;"""
        for table in tables
        for event, suffix in (("INSERT", "ai"), ("UPDATE", "au"), ("DELETE", "ad"))
    )
    _run(
        db,
        f"""
        CREATE TABLE claims_state (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            version INTEGER NOT NULL
        );
        INSERT INTO claims_state (id, version) VALUES (1, 0);
        {triggers}
        """,
    )


@step
def m013_claim_vectors_log(db: sqlite_utils.Database) -> None:
    """A log of what moves ``claim_vectors_state``, for the matcher's in-memory vectors
    (:class:`knowledge.matching.embeddings.VectorIndex`): the rowid of each claim whose vector
    was added, changed or removed, or whose status changed, or that was deleted; no claim for
    a change to an alias's vector. A process holding the vectors reads only those claims' rows
    again, where it read every vector (four seconds at a million claims). As
    ``claim_docs_log``: ``seq`` only grows, and only the last 256 entries are kept (a process
    further behind reads every vector afresh)."""
    trim = (
        "DELETE FROM claim_vectors_log WHERE seq <= (SELECT max(seq) FROM claim_vectors_log) - 256;"
    )
    log = "INSERT INTO claim_vectors_log (claim)"
    _run(
        db,
        f"""
        CREATE TABLE claim_vectors_log (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            claim INTEGER
        );
        CREATE TRIGGER claim_vectors_log_ai AFTER INSERT ON claim_vectors BEGIN
            {log} SELECT rowid FROM claims WHERE id = new.claim_id;
            {trim}
        END;
        CREATE TRIGGER claim_vectors_log_au AFTER UPDATE ON claim_vectors BEGIN
            {log} SELECT rowid FROM claims WHERE id IN (old.claim_id, new.claim_id);
            {trim}
        END;
        CREATE TRIGGER claim_vectors_log_ad AFTER DELETE ON claim_vectors BEGIN
            {log} SELECT rowid FROM claims WHERE id = old.claim_id;
            {trim}
        END;
        CREATE TRIGGER claims_vectors_log_status AFTER UPDATE OF status ON claims
            WHEN old.status IS NOT new.status BEGIN
            {log} VALUES (new.rowid);
            {trim}
        END;
        CREATE TRIGGER claims_vectors_log_ad AFTER DELETE ON claims BEGIN
            {log} VALUES (old.rowid);
            {trim}
        END;
        CREATE TRIGGER alias_vectors_log_ai AFTER INSERT ON alias_vectors BEGIN
            {log} VALUES (NULL);
            {trim}
        END;
        CREATE TRIGGER alias_vectors_log_au AFTER UPDATE ON alias_vectors BEGIN
            {log} VALUES (NULL);
            {trim}
        END;
        CREATE TRIGGER alias_vectors_log_ad AFTER DELETE ON alias_vectors BEGIN
            {log} VALUES (NULL);
            {trim}
        END
        """,
    )


@step
def m014_translation_claimant(db: sqlite_utils.Database) -> None:
    """Who made the claim and where, in a translation's language (the claimant's name as the
    language writes it: "敏昂莱", "မင်းအောင်လှိုင်"): shown in a reply in that language, and
    read by the matcher as naming who made the claim. Null where not translated."""
    _run(
        db,
        """
        ALTER TABLE claim_translations ADD COLUMN claimant TEXT;
        ALTER TABLE claim_translations ADD COLUMN appearance TEXT
        """,
    )


# The full-text indexes (m001, m005): every phrasing by words and by trigrams, one document a
# claim.
FTS_INDEXES = ("search_fts", "search_tri", "claim_fts")
# The largest base whose full-text indexes m015 merges (about 1.5 s at 100,000 claims); a larger
# one is merged at its next large import (store.ClaimBase.optimize_after), so that opening it
# never holds the write lock for long.
OPTIMIZE_UP_TO = 100_000


def merge_fts(db: sqlite_utils.Database | sqlite3.Connection) -> None:
    """Each full-text index merged into one segment (FTS5's ``optimize``): the same rows and
    ranking, looked up in one b-tree (store.ClaimBase.optimize_indexes)."""
    for name in FTS_INDEXES:
        db.execute(f"INSERT INTO {name}({name}) VALUES('optimize')")


@step
def m015_fts_optimized(db: sqlite_utils.Database) -> None:
    """The full-text indexes merged into one segment each (FTS5's ``optimize``): a base seeded
    or imported before seeding and imports did so (store.ClaimBase.optimize_indexes) is many
    segments, and every query looks in each. The same rows and ranking."""
    (claims,) = db.execute("SELECT count(*) FROM claims").fetchone()
    if claims <= OPTIMIZE_UP_TO:
        merge_fts(db)


@step
def m016_claimant_role(db: sqlite_utils.Database) -> None:
    """What the claimant is, or was when the claim was made ("Myanmar junta leader";
    ClaimReview: the author's ``jobTitle``), on the claim and in each translation's language:
    shown beside the name in a reply, and read by the matcher as naming who made the claim
    ("the junta leader says…"). Null where not known."""
    _run(
        db,
        """
        ALTER TABLE claims ADD COLUMN claimant_role TEXT;
        ALTER TABLE claim_translations ADD COLUMN claimant_role TEXT
        """,
    )


@step
def m017_seeds(db: sqlite_utils.Database) -> None:
    """The built-in seed files the base has taken in, each by the digest of its text: a start
    whose seed files are as they were then passes them by (store.ClaimBase.seed), where it
    read, parsed and compared every seeded claim under the write lock at each start."""
    _run(
        db,
        "CREATE TABLE seeds (name TEXT PRIMARY KEY, digest TEXT NOT NULL, seeded_at TEXT NOT NULL)",
    )
