"""``factbot claims import|export|list|show|embed``: the operator's tools for the claim base."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from adapters import console
from bot.core import claim_view
from knowledge import interchange, verdicts
from knowledge.matching import SemanticIndex, semantic_index
from knowledge.matching.vectorcache import default_path
from knowledge.store import ClaimBase

EXIT_USAGE = 2


def run(args: argparse.Namespace) -> int:
    if args.claims_command == "embed":
        return _embed(args)
    base = ClaimBase.open(args.db)
    try:
        action = args.claims_command
        if action == "import":
            return _import(
                base, Path(args.file), getattr(args, "config", None), replace=args.replace
            )
        if action == "export":
            return _export(base, args.format, args.output)
        if action == "list":
            for claim in base.list_claims(include_retracted=True):
                retracted = claim.status != "published"
                if (args.retracted and not retracted) or (args.published and retracted):
                    continue
                # Retracted claims are marked at the front, where a reader's eye starts.
                mark = "RETRACTED" if retracted else "published"
                label = verdicts.get(claim.verdict).label
                text = console.terminal_safe(claim.claim[:90], keep="")
                print(f"{claim.id}\t{mark}\t{label}\t{text}")
            return 0
        if action == "show":
            found = base.get(args.id)
            if found is None:
                print(f"factbot: no claim with id {args.id!r}", file=sys.stderr)
                return 1
            view = claim_view(found, None)
            print(console.terminal_safe(console.render_claim(view)))
            if found.aliases:
                aliases = "\n".join(f"- {a.text}" for a in found.aliases)
                print(console.terminal_safe(f"Aliases:\n{aliases}"))
            print(f"Status: {found.status}")
            return 0
        raise AssertionError(action)
    finally:
        base.close()


def _import(
    base: ClaimBase, path: Path, config: str | None = None, *, replace: bool = False
) -> int:
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
        _embed_imported(base, config)
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
    from bot.config import Settings
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


def _embed_imported(base: ClaimBase, config: str | None) -> None:
    """With the embeddings extra installed (and ``embeddings`` not off): vectors for the new and
    changed claims now, so the bot keeps matching by meaning (it matches by words alone while
    many claims lack one)."""
    from bot.config import ConfigError, load_settings

    try:
        setting = load_settings(config).matching.embeddings
    except ConfigError:
        return  # the import stands; the bot will report the configuration
    if setting == "off":
        return
    index, embedded = semantic_with_progress(base, setting)
    if index is not None and embedded:
        print(f"embedded {embedded:,} claims for semantic matching")


def semantic_with_progress(base: ClaimBase, setting: str) -> tuple[SemanticIndex | None, int]:
    """The bot's optional semantic index of ``base`` with every claim embedded first (a
    progress bar on standard error while it embeds), and how many were embedded. A claim text
    embedded before (``factbot eval`` again, an archive imported again) is read from the
    vector cache (``~/.cache/factbot/vectors.sqlite3``), not embedded again."""
    with EmbeddingProgress() as progress:
        index = semantic_index(
            base, setting, sync_limit=None, progress=progress, vector_cache=default_path()
        )
    return index, progress.done


class EmbeddingProgress:
    """A ``progress(done, total)`` callback for :meth:`VectorIndex.sync`: a progress bar on
    standard error, shown once there is something to embed. Use it as a context manager."""

    def __init__(self) -> None:
        self.done = 0
        self._bar: Any = None

    def __call__(self, done: int, total: int) -> None:
        if self._bar is None:
            from tqdm import tqdm

            self._bar = tqdm(desc="embedding claims", unit=" claims", disable=None, file=sys.stderr)
        self._bar.total = total
        self._bar.update(done - self._bar.n)
        self.done = done

    def __enter__(self) -> EmbeddingProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.close()


def _export(base: ClaimBase, fmt: str, output: str | None) -> int:
    claims = base.list_claims()
    out = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout  # noqa: SIM115
    try:
        if fmt == "csv":
            interchange.export_csv(claims, out)
        else:
            json.dump(interchange.export_claimreview(claims), out, ensure_ascii=False, indent=2)
            out.write("\n")
    finally:
        if output:
            out.close()
    if output:
        print(f"exported {len(claims)} claims to {output}", file=sys.stderr)
    return 0


def _embed(args: argparse.Namespace) -> int:
    """Vectors for the published claims that have none or a stale one (optional extra)."""
    from knowledge.matching import embeddings

    try:
        embedder = embeddings.load_embedder("on", num_threads=args.threads)
    except embeddings.EmbeddingsUnavailable as error:
        print(f"factbot: claims embed: {error}", file=sys.stderr)
        return EXIT_USAGE
    assert embedder is not None
    base = ClaimBase.open(args.db)
    try:
        index = embeddings.VectorIndex(base, embedder)
        start = time.perf_counter()
        with EmbeddingProgress() as progress:
            done = index.sync(limit=args.limit, progress=progress)
        seconds = time.perf_counter() - start
        print(
            f"embedded {done:,} claims with {embedder.name} in {seconds:.1f} s;"
            f" {len(index):,} of {base.count():,} published claims have a vector"
        )
        return 0
    finally:
        base.close()
