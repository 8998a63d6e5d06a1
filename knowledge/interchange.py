"""Import and export of whole claim bases: ClaimReview JSON-LD, CSV, and CLEF/PolitiFact TSV.

``import_file`` picks the format from the file name (``.json``/``.jsonld``, ``.csv``, ``.tsv``).
A claim already in the base — same review URL, else same identifier, else same claim text — is
skipped when nothing changed and updated when something did (the update is recorded in the
audit log); it is never added twice. A bad record is reported and skipped; the rest imports.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from knowledge import archive, audit, claimreview, verdicts
from knowledge.archive import ImportSummary
from knowledge.limits import MAX_CSV_FIELD, MAX_IMPORT_BYTES, claim_problem
from knowledge.models import Alias, Claim, Source, Translation
from knowledge.rows import translation_row
from knowledge.store import ClaimBase

CSV_COLUMNS = (
    "id",
    "claim",
    "verdict",
    "rating",
    "claimant",
    "claimant_role",
    "claim_date",
    "appearance",
    "summary",
    "review_url",
    "review_date",
    "publisher",
    "language",
    "title",
    "sources",
    "aliases",
    "translations",
)
# Fields compared to decide whether a re-imported claim changed: the claim's own columns.
_COMPARED = tuple(c for c in CSV_COLUMNS if c not in ("id", "sources", "aliases", "translations"))

Progress = Callable[[int], None]


class FormatError(ValueError):
    """The file cannot be read in the format its name says."""


def import_file(
    base: ClaimBase,
    path: str | Path,
    *,
    actor: str = "cli:import",
    progress: Progress | None = None,
) -> ImportSummary:
    path = Path(path)
    suffix = path.suffix.casefold()
    size = path.stat().st_size
    if suffix != ".tsv" and size > MAX_IMPORT_BYTES:
        raise FormatError(
            f"the file is {size:,} bytes, over the import limit of {MAX_IMPORT_BYTES:,} "
            "(split it, or use the streamed .tsv archive format)"
        )
    if suffix == ".tsv":
        try:
            return archive.import_tsv(base, path, actor=actor, progress=progress)
        except archive.ArchiveError as error:
            raise FormatError(str(error)) from None
    text = path.read_text("utf-8-sig")
    if suffix in (".json", ".jsonld"):
        try:
            document = json.loads(text)
        except json.JSONDecodeError as error:
            raise FormatError(f"not valid JSON: {error}") from None
        except RecursionError:
            raise FormatError("the JSON is nested too deeply to be ClaimReview") from None
        records = _claimreview_records(document)
    elif suffix == ".csv":
        records = _csv_records(io.StringIO(text))
    else:
        raise FormatError(f"unknown format {suffix or '(none)'}: use .json, .jsonld, .csv or .tsv")
    return import_claims(base, records, actor=actor, progress=progress)


def _claimreview_records(document: Any) -> Iterator[Claim | tuple[int, str]]:
    found = False
    for index, review in enumerate(claimreview.iter_reviews(document), 1):
        found = True
        try:
            claim = claimreview.review_to_claim(review)
        except claimreview.ClaimReviewError as error:
            yield (index, str(error))
            continue
        problem = claim_problem(claim)
        yield (index, problem) if problem else claim
    if not found:
        raise FormatError("no ClaimReview objects found (one object, a list, or an @graph)")


def _csv_records(stream: TextIO) -> Iterator[Claim | tuple[int, str]]:
    # Read fields of any size (the file's size is limited), then reject the rows with one over
    # MAX_CSV_FIELD: csv's own limit would stop the whole import half-way instead.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_IMPORT_BYTES))
    reader = csv.DictReader(stream)
    if not reader.fieldnames or not {"claim", "verdict"} <= set(reader.fieldnames):
        raise FormatError("a CSV needs a header with at least the columns claim and verdict")
    for row in reader:
        line = reader.line_num
        oversized = next(
            (name for name, value in row.items() if value and len(value) > MAX_CSV_FIELD), None
        )
        if oversized is not None:
            yield (line, f"the {oversized} field is over {MAX_CSV_FIELD:,} characters")
            continue
        try:
            claim = _claim_from_csv(row)
        except ValueError as error:
            yield (line, str(error))
            continue
        problem = claim_problem(claim)
        yield (line, problem) if problem else claim


# A cell starting with one of these is a formula to a spreadsheet (CSV injection): the export
# puts a ' before it, as spreadsheet-safe CSV does, and the import takes that ' away again.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _needs_quote(value: str) -> bool:
    return value.startswith(FORMULA_START) or (value.startswith("'") and _needs_quote(value[1:]))


def spreadsheet_safe(value: str) -> str:
    """A cell a spreadsheet shows as text: ``=1+1`` → ``'=1+1`` (and ``'=x`` → ``''=x``, so
    that :func:`from_spreadsheet_safe` gives back exactly what was exported)."""
    return "'" + value if _needs_quote(value) else value


def from_spreadsheet_safe(value: str) -> str:
    return value[1:] if value.startswith("'") and _needs_quote(value[1:]) else value


def _claim_from_csv(row: dict[str, str | None]) -> Claim:
    def get(name: str) -> str | None:
        value = from_spreadsheet_safe(row.get(name) or "").strip()
        return value or None

    text = get("claim")
    if not text:
        raise ValueError("claim is empty")
    rating = get("rating") or get("verdict")
    if not rating:
        raise ValueError("verdict is empty")
    key = verdicts.normalise_rating(get("verdict") or rating) or verdicts.normalise_rating(rating)
    if key is None:
        allowed = ", ".join(v.key for v in verdicts.SCALE)
        raise ValueError(f"unknown verdict {get('verdict')!r} (allowed: {allowed})")
    return Claim(
        id=claimreview.make_id(get("id"), get("review_url"), text),
        claim=text,
        verdict=key,
        rating=rating,
        summary=get("summary") or "",
        title=get("title"),
        claimant=get("claimant"),
        claimant_role=get("claimant_role"),
        claim_date=get("claim_date"),
        appearance=get("appearance"),
        review_url=get("review_url"),
        review_date=get("review_date"),
        publisher=get("publisher"),
        language=get("language"),
        sources=_csv_sources(get("sources")),
        aliases=_csv_aliases(get("aliases")),
        translations=_csv_translations(get("translations")),
    )


def _csv_translations(value: str | None) -> tuple[Translation, ...]:
    """The ``translations`` cell: a JSON list of ClaimReview-shaped translations (the same
    entries as ``factbot:translations`` in the JSON export)."""
    if not value:
        return ()
    try:
        items = json.loads(value)
    except json.JSONDecodeError:
        raise ValueError("translations must be a JSON list of objects") from None
    if not isinstance(items, list):
        raise ValueError("translations must be a JSON list of objects")
    found = claimreview.parse(
        {
            "@type": "ClaimReview",
            "claimReviewed": "-",
            "reviewRating": {"alternateName": "other"},
            claimreview.TRANSLATIONS_KEY: items,
        }
    )
    claims, problems = found
    if problems or not claims:
        raise ValueError("translations: every entry needs inLanguage and claimReviewed")
    return claims[0].translations


def _csv_sources(value: str | None) -> tuple[Source, ...]:
    if not value:
        return ()
    try:
        items = json.loads(value)
    except json.JSONDecodeError:
        raise ValueError("sources must be a JSON list of objects") from None
    if not isinstance(items, list):
        raise ValueError("sources must be a JSON list of objects")
    sources = []
    for item in items:
        if not isinstance(item, dict) or not item.get("publisher"):
            raise ValueError("every source needs a publisher")
        sources.append(
            Source(
                publisher=str(item["publisher"]),
                title=item.get("title"),
                url=item.get("url"),
                date=item.get("date"),
                supports=item.get("supports"),
            )
        )
    return tuple(sources)


def _csv_aliases(value: str | None) -> tuple[Alias, ...]:
    if not value:
        return ()
    try:
        items = json.loads(value)
    except json.JSONDecodeError:
        raise ValueError("aliases must be a JSON list") from None
    if not isinstance(items, list):
        raise ValueError("aliases must be a JSON list")
    aliases = []
    for item in items:
        if isinstance(item, dict):
            text, language = str(item.get("text") or ""), item.get("language")
        else:
            text, language = str(item), None
        if text.strip():
            aliases.append(Alias(text.strip(), str(language) if language else None))
    return tuple(aliases)


def _existing_id(base: ClaimBase, claim: Claim) -> str | None:
    """The claim already in the base that this one is: same review URL, id, or text."""
    if claim.review_url:
        row = base.conn.execute(
            "SELECT id FROM claims WHERE review_url = ? LIMIT 1", [claim.review_url]
        ).fetchone()
        if row:
            return str(row[0])
    if base.exists(claim.id):
        return claim.id
    row = base.conn.execute(
        "SELECT id FROM claims WHERE claim = ? LIMIT 1", [claim.claim]
    ).fetchone()
    return str(row[0]) if row else None


def import_claims(
    base: ClaimBase,
    records: Iterable[Claim | tuple[int, str]],
    *,
    actor: str = "cli:import",
    progress: Progress | None = None,
) -> ImportSummary:
    summary = ImportSummary()
    platform = actor.split(":", 1)[0]
    for count, record in enumerate(records, 1):
        if progress is not None and count % 100 == 0:
            progress(count)
        if isinstance(record, tuple):
            summary.rejected.append(record)
            continue
        existing_id = _existing_id(base, record)
        summary.claim_ids.add(existing_id or record.id)
        if existing_id is None:
            base.add_claim(record, origin=f"import:{actor}")
            summary.added += 1
            continue
        current = base.get(existing_id)
        assert current is not None
        changes = {
            name: getattr(record, name)
            for name in _COMPARED
            if getattr(record, name) != getattr(current, name)
            and not (name == "review_url" and record.review_url is None)
        }
        new_aliases = {a.text for a in record.aliases} - {a.text for a in current.aliases}
        translated = [t for t in record.translations if current.translation(t.language) != t]
        if not changes and not new_aliases and not translated:
            summary.skipped += 1
            continue
        with audit.change(
            base, action="import", actor=actor, platform=platform, claim_id=existing_id
        ) as change:
            if changes:
                change.update("claims", {"id": existing_id}, changes)
            for alias in record.aliases:
                if alias.text in new_aliases:
                    change.insert(
                        "aliases",
                        {
                            "claim_id": existing_id,
                            "text": alias.text,
                            "language": alias.language,
                            "created_at": change.at,
                        },
                    )
            for translation in translated:
                write_translation(change, existing_id, translation)
        summary.updated += 1
    # A transaction a claim wrote the full-text indexes in a segment a claim.
    base.optimize_after(summary.added + summary.updated)
    return summary


def write_translation(change: audit.Change, claim_id: str, translation: Translation) -> bool:
    """Add a claim's translation, or replace the one in that language, as part of a recorded
    change (undo restores what was there). False when it is already exactly that."""
    row = translation_row(claim_id, translation, change.at)
    found = change.db.execute(
        "SELECT id FROM claim_translations WHERE claim_id = ? AND language = ?",
        [claim_id, translation.language],
    ).fetchone()
    if found is None:
        change.insert("claim_translations", row)
        return True
    del row["created_at"]
    return change.update("claim_translations", {"id": found[0]}, row)


def retract_others(base: ClaimBase, keep: set[str], *, actor: str, reason: str) -> list[str]:
    """``import --replace``: retract every published claim not in ``keep`` (hidden from answers,
    kept in the base, audited and undoable like a moderator's retraction). The built-in seed is
    never added again to a base where its claims exist, retracted or not. Returns the ids."""
    if not keep:
        raise FormatError("the file holds no claim: --replace would leave the base empty")
    platform = actor.split(":", 1)[0]
    retracted = []
    for claim in base.list_claims():
        if claim.id in keep:
            continue
        with audit.change(
            base,
            action="retract",
            actor=actor,
            platform=platform,
            claim_id=claim.id,
            reason=reason,
        ) as change:
            change.update("claims", {"id": claim.id}, {"status": "retracted"})
        retracted.append(claim.id)
    return retracted


# -- export ---------------------------------------------------------------------------


def export_claimreview(claims: Iterable[Claim]) -> dict[str, Any]:
    """A JSON-LD document that :func:`import_file` reads back into the same claims."""
    return {
        "@context": "https://schema.org",
        "@graph": [claimreview.to_claimreview(c) for c in claims],
    }


def export_csv(claims: Iterable[Claim], out: TextIO) -> None:
    """The claims as CSV, one a row; a cell that a spreadsheet would take as a formula is
    prefixed with ``'`` (see :func:`spreadsheet_safe`); :func:`import_file` reads it back."""
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for claim in claims:
        _write_row(writer, claim)


def _write_row(writer: csv.DictWriter[str], claim: Claim) -> None:
    cells = {
        "id": claim.id,
        "claim": claim.claim,
        "verdict": claim.verdict,
        "rating": claim.rating,
        "claimant": claim.claimant or "",
        "claimant_role": claim.claimant_role or "",
        "claim_date": claim.claim_date or "",
        "appearance": claim.appearance or "",
        "summary": claim.summary,
        "review_url": claim.review_url or "",
        "review_date": claim.review_date or "",
        "publisher": claim.publisher or "",
        "language": claim.language or "",
        "title": claim.title or "",
        "sources": json.dumps(
            [
                {
                    "publisher": s.publisher,
                    "title": s.title,
                    "url": s.url,
                    "date": s.date,
                    "supports": s.supports,
                }
                for s in claim.sources
            ],
            ensure_ascii=False,
        ),
        "aliases": json.dumps(
            [{"text": a.text, "language": a.language} for a in claim.aliases],
            ensure_ascii=False,
        ),
        "translations": json.dumps(
            [claimreview.translation_to_claimreview(t) for t in claim.translations],
            ensure_ascii=False,
        )
        if claim.translations
        else "",
    }
    writer.writerow({name: spreadsheet_safe(value) for name, value in cells.items()})
