"""Import a fact-check archive in the CLEF CheckThat! ``vclaims.tsv`` format into a ClaimBase.

The file is tab-separated UTF-8 with a header naming at least ``vclaim_id`` and ``vclaim``;
``title``, ``url``, ``verdict``, ``date`` and ``extra`` (``key=value`` pairs such as
``speaker=…``) are used when present. Usage::

    summary = import_tsv(base, "vclaims.tsv")
    print(summary.added, summary.updated, summary.skipped, summary.rejected)

Importing is idempotent: a row is the same claim as one already in the base when it has the same
review URL or, without a URL, the same id. An unchanged claim is skipped, a changed one updated
in place (the claim keeps its id, status and aliases; the update is recorded in the audit log,
before and after, and can be undone like a moderator's change). A row that cannot be imported
(no claim text, no id and no URL, wrong number of fields) is rejected with its line number and a
reason; the rest of the file still imports. Rows are written in batches, one transaction per
batch, with bulk inserts, so an archive of a million claims imports in minutes.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from knowledge import audit, verdicts
from knowledge.claimreview import make_id
from knowledge.limits import MAX_ARCHIVE_BYTES, MAX_CHARS, MAX_CSV_FIELD, too_long
from knowledge.store import ClaimBase, now_iso

REQUIRED_COLUMNS = ("vclaim_id", "vclaim")
BATCH_SIZE = 5_000

# The columns an import writes, in this order; the rest take their defaults.
_COLUMNS = (
    "id",
    "claim",
    "title",
    "claimant",
    "claim_date",
    "appearance",
    "verdict",
    "rating",
    "review_url",
    "publisher",
)
# The columns that decide whether a re-imported row changed the claim.
_COMPARED = ("claim", "title", "claimant", "claim_date", "verdict", "rating", "review_url")
# The columns a re-imported, changed row updates.
_UPDATED = (*_COMPARED, "publisher")


class ArchiveError(ValueError):
    """The file cannot be read as an archive at all (missing or malformed header)."""


@dataclass(slots=True)
class ImportSummary:
    """What an import did. ``rejected`` holds (line number, reason) for each refused row."""

    added: int = 0
    updated: int = 0
    skipped: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)
    # The ids of the claims the file holds, whether added, updated or skipped.
    claim_ids: set[str] = field(default_factory=set)

    @property
    def rows(self) -> int:
        return self.added + self.updated + self.skipped + len(self.rejected)


@dataclass(frozen=True, slots=True)
class ArchiveRow:
    """One row of the archive, ready to store."""

    line: int
    id: str
    claim: str
    title: str | None
    claimant: str | None
    claim_date: str | None
    verdict: str
    rating: str
    review_url: str | None
    publisher: str | None

    def values(self) -> tuple[str | None, ...]:
        return (
            self.id,
            self.claim,
            self.title,
            self.claimant,
            self.claim_date,
            None,
            self.verdict,
            self.rating,
            self.review_url,
            self.publisher,
        )


Progress = Callable[[int], None]


def read_tsv(path: str | Path) -> Iterator[ArchiveRow | tuple[int, str]]:
    """The rows of an archive file: an :class:`ArchiveRow`, or (line, reason) for a bad row.

    Raises :class:`ArchiveError` when the header lacks a required column.
    """
    size = Path(path).stat().st_size
    if size > MAX_ARCHIVE_BYTES:
        raise ArchiveError(
            f"{path}: the file is {size:,} bytes, over the limit of {MAX_ARCHIVE_BYTES:,}"
        )
    # Fields of any size are read, then a row with one over MAX_CSV_FIELD is rejected: csv's
    # own limit would stop the whole import half-way instead.
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        if header is None:
            raise ArchiveError(f"{path}: the file is empty")
        names = [h.strip().lstrip("\ufeff") for h in header]
        missing = [c for c in REQUIRED_COLUMNS if c not in names]
        if missing:
            raise ArchiveError(f"{path}: the header lacks {', '.join(missing)}")
        where = {name: i for i, name in enumerate(names)}
        for fields in reader:
            line = reader.line_num
            if not any(f.strip() for f in fields):
                continue
            if len(fields) != len(names):
                yield line, f"expected {len(names)} tab-separated fields, found {len(fields)}"
                continue
            oversized = next(
                (n for n, f in zip(names, fields, strict=True) if len(f) > MAX_CSV_FIELD), None
            )
            if oversized is not None:
                yield line, f"the {oversized} field is over {MAX_CSV_FIELD:,} characters"
                continue
            yield _parse(line, fields, where)


def _parse(line: int, fields: list[str], where: dict[str, int]) -> ArchiveRow | tuple[int, str]:
    def get(name: str) -> str | None:
        i = where.get(name)
        value = fields[i].strip() if i is not None else ""
        return value or None

    text = get("vclaim")
    if text is None:
        return line, "no claim text (vclaim is empty)"
    for name, column in (("claim", "vclaim"), ("id", "vclaim_id"), ("title", "title")):
        problem = too_long(name, get(column), MAX_CHARS[name])
        if problem:
            return line, problem
    url = get("url")
    identifier = get("vclaim_id")
    if identifier is None and url is None:
        return line, "neither an id nor a review URL"
    claim_id = identifier if identifier is not None else make_id(None, url, text)
    rating = get("verdict") or ""
    verdict = verdicts.normalise_rating(rating) if rating else None
    extra = _extra(get("extra") or "")
    return ArchiveRow(
        line=line,
        id=claim_id,
        claim=text,
        title=get("title"),
        claimant=extra.get("speaker"),
        claim_date=get("date"),
        verdict=verdict or "other",
        rating=rating,
        review_url=url,
        publisher=_host(url) if url else None,
    )


def _extra(text: str) -> dict[str, str]:
    """``key=value`` pairs, separated by ``;`` or ``|`` (a value may hold spaces)."""
    pairs: dict[str, str] = {}
    for part in text.replace("|", ";").split(";"):
        key, sep, value = part.partition("=")
        if sep and key.strip() and value.strip():
            pairs[key.strip().lower()] = value.strip()
    return pairs


def _host(url: str) -> str:
    rest = url.split("://", 1)[-1]
    host = rest.split("/", 1)[0].lower()
    return host.removeprefix("www.")


def import_tsv(
    base: ClaimBase,
    path: str | Path,
    *,
    actor: str = "cli:import",
    progress: Progress | None = None,
    batch_size: int = BATCH_SIZE,
) -> ImportSummary:
    """Import an archive file into ``base``; see the module docstring. ``progress`` is called
    after each batch with the number of rows read so far; updates are recorded in the audit
    log as ``actor``'s."""
    summary = ImportSummary()
    origin = f"import:{Path(path).name}"
    batch: list[ArchiveRow] = []
    read = 0
    for item in read_tsv(path):
        read += 1
        if isinstance(item, tuple):
            summary.rejected.append(item)
            continue
        batch.append(item)
        if len(batch) >= batch_size:
            _write_batch(base, batch, origin, actor, summary)
            batch = []
            if progress is not None:
                progress(read)
    if batch:
        _write_batch(base, batch, origin, actor, summary)
    # The batches wrote the full-text indexes in many segments.
    base.optimize_after(summary.added + summary.updated)
    if progress is not None:
        progress(read)
    return summary


def _write_batch(
    base: ClaimBase, batch: list[ArchiveRow], origin: str, actor: str, summary: ImportSummary
) -> None:
    stamp = now_iso()
    with base.transaction():
        by_id, by_url = _existing(base, batch)
        # identity → (row, the stored claim it updates or None); a later repeat of the same
        # claim in the file wins, as it would on a second import.
        pending: dict[str, tuple[ArchiveRow, dict[str, str | None] | None]] = {}
        owner: dict[str, str] = {}  # claim id → identity, within this batch
        for row in batch:
            identity = row.review_url or f"id:{row.id}"
            if identity in pending:
                earlier, current = pending[identity]
                if _row_values(earlier) == _row_values(row):
                    summary.skipped += 1
                else:
                    summary.updated += 1
                    pending[identity] = (row, current)
                continue
            current = by_url.get(row.review_url) if row.review_url else None
            if current is None:
                current = by_id.get(row.id)
                if current is not None and row.review_url and current["review_url"]:
                    # The id is taken by a claim reviewed at another URL: not the same claim.
                    summary.rejected.append(
                        (row.line, f"id {row.id} already belongs to {current['review_url']}")
                    )
                    continue
            claim_id = str(current["id"]) if current is not None else row.id
            if owner.setdefault(claim_id, identity) != identity:
                summary.rejected.append((row.line, f"id {row.id} is used by another row"))
                continue
            summary.claim_ids.add(claim_id)
            if current is not None and tuple(current[c] for c in _COMPARED) == _row_values(row):
                summary.skipped += 1
                continue
            pending[identity] = (row, current)
        inserts = [
            (*row.values(), origin, stamp, stamp)
            for row, current in pending.values()
            if current is None
        ]
        if inserts:
            columns = ", ".join((*_COLUMNS, "origin", "created_at", "updated_at"))
            marks = ", ".join("?" * (len(_COLUMNS) + 3))
            base.conn.executemany(f"INSERT INTO claims ({columns}) VALUES ({marks})", inserts)
        summary.added += len(inserts)
        # A changed claim is a change like a moderator's: recorded, with the row before and
        # after, and undoable (in the batch's transaction).
        platform = actor.split(":", 1)[0]
        for row, current in pending.values():
            if current is None:
                continue
            claim_id = str(current["id"])
            with audit.change(
                base, action="import", actor=actor, platform=platform, claim_id=claim_id
            ) as change:
                values = {c: getattr(row, c) for c in _UPDATED}
                change.update("claims", {"id": claim_id}, {**values, "updated_at": stamp})
            summary.updated += 1


def _row_values(row: ArchiveRow) -> tuple[str | None, ...]:
    return tuple(getattr(row, c) for c in _COMPARED)


def _existing(
    base: ClaimBase, batch: list[ArchiveRow]
) -> tuple[dict[str, dict[str, str | None]], dict[str, dict[str, str | None]]]:
    """The claims already stored under the batch's ids and review URLs."""
    columns = ", ".join(("id", *_COMPARED))
    by_id: dict[str, dict[str, str | None]] = {}
    by_url: dict[str, dict[str, str | None]] = {}
    ids = list({r.id for r in batch})
    urls = list({r.review_url for r in batch if r.review_url})
    for key, values, target in (("id", ids, by_id), ("review_url", urls, by_url)):
        for start in range(0, len(values), 500):
            chunk = values[start : start + 500]
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT {columns} FROM claims WHERE {key} IN ({marks})"
            for record in base.query(sql, chunk):
                target[str(record[key])] = record
    return by_id, by_url
