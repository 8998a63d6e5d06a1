"""``factbot claims import``: a ClaimReview, CSV or TSV file into the claim base, with a
progress bar, the rejected records named, ``--replace``, the images a ClaimReview names
attached, and the new claims embedded."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from adapters.cli.progress import semantic_with_progress
from bot.config import Settings
from knowledge import interchange
from knowledge.store import ClaimBase

EXIT_USAGE = 2


def import_file(base: ClaimBase, path: Path, settings: Settings, *, replace: bool = False) -> int:
    """Import ``path`` into ``base`` and say what happened; the exit status."""
    if not path.is_file():
        print(f"factbot: no such file: {path}", file=sys.stderr)
        return EXIT_USAGE
    from tqdm import tqdm

    with tqdm(desc=f"importing {path.name}", unit=" rows", disable=None, file=sys.stderr) as bar:

        def progress(done: int) -> None:
            bar.update(done - bar.n)

        try:
            summary = interchange.import_file(base, path, progress=progress)
        except (interchange.FormatError, UnicodeDecodeError) as error:
            print(f"factbot: cannot import {path.name}: {error}", file=sys.stderr)
            return EXIT_USAGE
    print(
        f"{path.name}: {summary.added} added, {summary.updated} updated, "
        f"{summary.skipped} skipped, {len(summary.rejected)} rejected"
    )
    for line, reason in summary.rejected[:20]:
        print(f"  rejected record {line}: {reason}")
    if len(summary.rejected) > 20:
        print(f"  … and {len(summary.rejected) - 20} more")
    if replace:
        try:
            retracted = interchange.retract_others(
                base, summary.claim_ids, actor="cli:import", reason=f"import --replace {path.name}"
            )
        except interchange.FormatError as error:
            print(f"factbot: not replacing: {error}", file=sys.stderr)
            return EXIT_USAGE
        print(
            f"--replace: {len(retracted)} claims not in {path.name} retracted (hidden from "
            "answers, kept; factbot claims list marks them)"
        )
    if path.suffix.casefold() in (".json", ".jsonld"):
        _import_images(base, path)
    if summary.added or summary.updated:
        _embed_imported(base, settings)
    return 0


def review_images(review: dict[str, Any]) -> list[str]:
    """The images a ClaimReview names for its claim: its ``image`` and the claim's, and
    every ``ImageObject`` where the claim appeared (a URL, or a file beside the import)."""
    found: list[Any] = []
    item = review.get("itemReviewed")
    item = item if isinstance(item, dict) else {}
    for value in (review.get("image"), item.get("image")):
        found.extend(value if isinstance(value, list) else [value])
    appearances = item.get("appearance")
    for value in appearances if isinstance(appearances, list) else [appearances]:
        if isinstance(value, dict) and value.get("@type") == "ImageObject":
            found.append(value)
    places: list[str] = []
    for value in found:
        if isinstance(value, dict):
            value = value.get("contentUrl") or value.get("url")
        if isinstance(value, str) and value.strip():
            places.append(value.strip())
    return list(dict.fromkeys(places))


def _import_images(base: ClaimBase, path: Path) -> None:
    """Attach the images an imported file names to their claims (by perceptual hash,
    audited as the import's; files beside the import file, or http(s) URLs read within the
    same limits as links people send)."""
    from knowledge import claimreview
    from knowledge.desk import Actor, Desk, DeskError

    try:
        reviews = list(claimreview.iter_reviews(json.loads(path.read_text("utf-8-sig"))))
    except (ValueError, RecursionError):
        return
    wanted = [(review, place) for review in reviews for place in review_images(review)]
    if not wanted:
        return
    from bot.images import engine, read_image

    if not engine().hashing:
        print(f"{path.name}: images not kept (install factbot[images])", file=sys.stderr)
        return
    settings = Settings()
    desk = Desk(base, None)  # type: ignore[arg-type]  # no matching: images only
    by = Actor("cli", "import")
    kept = failed = 0
    for review, place in wanted:
        try:
            claim = claimreview.review_to_claim(review)
        except claimreview.ClaimReviewError:
            continue
        claim_id = interchange._existing_id(base, claim) or claim.id
        data, problem = _image_bytes(path.parent, place, settings.image_max_bytes)
        reading = read_image(data, place, settings, ocr=False) if data is not None else None
        problem = problem or (reading.problem if reading else None)
        if reading is None or not reading.hashes:
            print(f"  image {place}: {problem or 'not read'}", file=sys.stderr)
            failed += 1
            continue
        try:
            kept += desk.claims.add_image(claim_id, reading.hashes, by, ref=place)
        except DeskError as error:
            print(f"  image {place}: {error}", file=sys.stderr)
            failed += 1
    print(f"{path.name}: {kept} images attached, {failed} could not be read")


def _image_bytes(folder: Path, place: str, max_bytes: int) -> tuple[bytes | None, str | None]:
    import asyncio

    from adapters.fetch import IMAGE_KINDS, FetchError, fetch_bytes

    if place.startswith(("http://", "https://")):
        try:
            _, data, _ = asyncio.run(fetch_bytes(place, max_bytes=max_bytes, kinds=IMAGE_KINDS))
        except FetchError as error:
            return None, str(error)
        return data, None
    if "://" in place:
        return None, "only files and http(s) addresses are read"
    file = folder / place
    try:
        if file.stat().st_size > max_bytes:
            return None, "the image is too large"
        return file.read_bytes(), None
    except OSError as error:
        return None, error.strerror or "it cannot be read"


def _embed_imported(base: ClaimBase, settings: Settings) -> None:
    """With the embeddings extra installed (and ``embeddings`` not off): vectors for the new and
    changed claims now, so the bot keeps matching by meaning (it matches by words alone while
    many claims lack one)."""
    if settings.matching.embeddings == "off":
        return
    index, embedded = semantic_with_progress(base, settings.matching)
    if index is not None and embedded:
        print(f"embedded {embedded:,} claims for semantic matching")
