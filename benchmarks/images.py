"""Photos and screenshots: how often the text read from an image is answered, and rightly; how
long a reading takes; how well perceptual hashes recognise a re-shared picture.

    .venv/bin/python -m benchmarks.images [--variants 2] [--unrelated 3000] [--quick]
        [--languages eng+mya,chi_sim+rus+eng,chi_tra+eng] [--data benchmarks/data/near_misses.tsv]

Needs ``factbot[images]``, Tesseract with eng, mya, chi_sim, chi_tra and rus, and the Noto
fonts (Debian: fonts-noto-core, fonts-noto-cjk). Everything is generated here, with a fixed seed:

- **OCR**: screenshots of the built-in claims (as checked) and of the held-out questions of
  ``benchmarks/data/near_misses.tsv`` (or ``--data``) — paraphrases and typos in English,
  Burmese, Chinese and Russian (to be answered with their claim) and near misses about other
  places, people and years (never to be answered) — each drawn ``--variants`` times: a
  random font and size, a light, dark or tinted background, with or without a
  phone-screenshot frame, as PNG or recompressed JPEG.
  Each image goes through the bot as a photo with no caption (``Incoming.image``). Reported per
  kind: answer rate, precision (answers with the right claim), and per image the time to read
  it (median, p99).
- **Hashes**: pictures without text and screenshots, each attached to a claim; their
  re-shares (resized, recompressed, lightly cropped, a caption bar) must be recognised; a few
  thousand unrelated generated images must not be (false-match rate), at several distances.

Prints Markdown tables and writes them to ``benchmarks/results/images.md``.
"""

from __future__ import annotations

import argparse
import csv
import random
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from bot.config import Settings
from bot.core import Core
from bot.images import engine, image_hashes, known_hashes, read_image
from bot.messages import Decision, Incoming
from knowledge.images import distance
from knowledge.matching import MatchSettings
from knowledge.store import ClaimBase

RESULTS = Path(__file__).resolve().parent / "results"
DATA = Path(__file__).resolve().parent / "data" / "near_misses.tsv"
BACKGROUNDS = {
    "light": ((255, 255, 255), (20, 20, 20)),
    "dark": ((24, 25, 28), (235, 235, 235)),
    "tinted": ((232, 240, 254), (30, 40, 90)),
}
FONTS = {
    "en": ("sans", "serif", "mono", "noto"),
    "my": ("myanmar",),
    "zh": ("cjk",),
    "ru": ("sans", "serif", "noto"),
}


def questions(data: Path = DATA) -> list[tuple[str, str, str, str | None]]:
    """(kind, language, text, the claim it must be answered with or None): the claims as
    checked, and the questions of a near-miss set (``data``; a rewording is to be answered
    with its claim, the rest never)."""
    from knowledge.claimreview import parse

    found: list[tuple[str, str, str, str | None]] = []
    seed = Path(__file__).resolve().parents[1] / "knowledge" / "data" / "seed_myanmar_2021.json"
    import json

    claims, _ = parse(json.loads(seed.read_text("utf-8")))
    for claim in claims:
        found.append(("claim as checked", "en", claim.claim, claim.id))
    with data.open(encoding="utf-8") as stream:
        for row in csv.DictReader(stream, delimiter="\t"):
            if row["lang"] not in FONTS:
                continue
            kind = row["kind"]
            if row["group"] == "a":
                found.append((f"{kind} ({row['lang']})", row["lang"], row["text"], row["claim"]))
            else:
                found.append((f"near miss ({row['lang']})", row["lang"], row["text"], None))
    return found


def render(text: str, language: str, rng: random.Random) -> tuple[bytes, str]:
    from tests import imagegen

    kind = rng.choice(FONTS[language])
    size = rng.choice((22, 28, 36))
    name, (background, color) = rng.choice(list(BACKGROUNDS.items()))
    picture = imagegen.screenshot(
        text, kind=kind, size=size, background=background, color=color, header="Shared · 3 h"
    )
    framed = rng.random() < 0.5
    if framed:
        picture = imagegen.phone_frame(picture)
    as_jpeg = rng.random() < 0.5
    data = imagegen.jpeg(picture, quality=35) if as_jpeg else imagegen.png(picture)
    label = f"{kind} {size}px {name}{' phone' if framed else ''}{' jpeg35' if as_jpeg else ''}"
    return data, label


def ocr_benchmark(
    variants: int,
    quick: bool,
    page_mode: int,
    embeddings: str = "auto",
    languages: str = Settings().ocr_languages,
    near_misses: Path = DATA,
) -> str:
    settings = Settings(
        ocr_page_mode=page_mode,
        ocr_languages=languages,
        matching=MatchSettings(embeddings=embeddings),
    )
    rng = random.Random(14)
    items = questions(near_misses)
    if quick:
        items = items[::4]
    by_kind: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    typed: dict[str, list[bool]] = defaultdict(list)
    seconds: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        bot = Core(ClaimBase.open(Path(folder) / "bench.db"), settings)
        for kind, language, text, expected in items:
            said = bot.handle(Incoming("console", "typed", "typed", text))
            typed[kind].append(said is not None and said.decision == Decision.ANSWER)
            for variant in range(variants):
                data, _ = render(text, language, rng)
                started = time.perf_counter()
                reading = read_image(data, f"bench:{variant}", settings)
                seconds.append(time.perf_counter() - started)
                msg = Incoming("console", "bench", "bench", "", image=reading)
                reply = bot.handle(msg)
                answered = reply is not None and reply.decision == Decision.ANSWER
                right = answered and reply is not None and reply.matches[0].id == expected
                by_kind[kind].append((answered, right))
        bot.base.close()
    lines = [
        "| kind | images | answered | right when answered | wrong answers | typed: answered |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for kind in sorted(by_kind):
        results = by_kind[kind]
        answers = sum(a for a, _ in results)
        rights = sum(r for _, r in results)
        precision = f"{rights / answers:.0%}" if answers else "–"
        lines.append(
            f"| {kind} | {len(results)} | {answers / len(results):.0%} | {precision} | "
            f"{answers - rights} | {sum(typed[kind]) / len(typed[kind]):.0%} |"
        )
    ordered = sorted(seconds)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    lines.append("")
    lines.append(
        f"Time to read one image (decode, hashes, OCR passes; one core, OMP_THREAD_LIMIT=1): "
        f"median {statistics.median(seconds) * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms, "
        f"over {len(seconds)} images."
    )
    return "\n".join(lines)


def distortions(picture: Any) -> dict[str, Any]:
    from tests import imagegen

    return {
        "resized to 50%": imagegen.resized(picture, 0.5),
        "resized to 30%": imagegen.resized(picture, 0.3),
        "JPEG quality 25": _reload(imagegen.jpeg(picture, quality=25)),
        "cropped 3% a side": imagegen.cropped(picture, 0.03),
        "cropped 6% a side": imagegen.cropped(picture, 0.06),
        "cropped 10% a side": imagegen.cropped(picture, 0.10),
        "cropped 7% off top and left": _corner(picture, 0.07),
        "caption bar added": imagegen.caption_bar(picture),
        "caption bar + JPEG 40 + 70%": _reload(
            imagegen.jpeg(imagegen.resized(imagegen.caption_bar(picture), 0.7), quality=40)
        ),
    }


def _corner(picture: Any, share: float) -> Any:
    width, height = picture.size
    return picture.crop((int(width * share), int(height * share), width, height))


def _reload(data: bytes) -> Any:
    import io

    from PIL import Image

    return Image.open(io.BytesIO(data)).convert("RGB")


def hash_benchmark(originals: int, unrelated: int) -> str:
    from tests import imagegen

    thresholds = (6, 8, 10, 12)
    known: list[tuple[str, ...]] = []
    pictures = []
    for index in range(originals):
        if index % 2:
            picture = imagegen.scene(10_000 + index)
        else:
            text = f"Breaking: officials confirm report number {index} on the flooding downtown"
            picture = imagegen.screenshot(text, size=30).resize((800, 240))
        pictures.append(picture)
        known.append(known_hashes(picture))
    recall: dict[str, dict[int, int]] = defaultdict(lambda: {t: 0 for t in thresholds})
    for index, picture in enumerate(pictures):
        for name, distorted in distortions(picture).items():
            near = min(distance(k, h) for k in known[index] for h in image_hashes(distorted))
            for limit in thresholds:
                recall[name][limit] += int(near <= limit)
    false: dict[int, int] = dict.fromkeys(thresholds, 0)
    started = time.perf_counter()
    for index in range(unrelated):
        if index % 3 == 2:
            text = f"Weather update {index}: light rain expected in the hills this weekend"
            other = imagegen.screenshot(text, size=26)
        else:
            other = imagegen.scene(50_000 + index, size=(480 + index % 5 * 40, 360))
        hashes = image_hashes(other)
        near = min(distance(k, h) for ks in known for k in ks for h in hashes)
        for limit in thresholds:
            false[limit] += int(near <= limit)
    per_image = (time.perf_counter() - started) / max(1, unrelated)
    head = " | ".join(f"≤ {t} bits" for t in thresholds)
    lines = [f"| distortion | {head} |", "|---|" + "---:|" * len(thresholds)]
    for name, hits in recall.items():
        cells = " | ".join(f"{hits[t] / originals:.0%}" for t in thresholds)
        lines.append(f"| {name} | {cells} |")
    cells = " | ".join(f"{false[t] / unrelated:.2%}" for t in thresholds)
    lines.append(f"| **false matches** ({unrelated} unrelated images) | {cells} |")
    lines.append("")
    lines.append(
        f"{originals} known pictures (half scenes without text, half screenshots), each kept "
        f"as 3 hashes (whole, and 4% and 8% cut from each side); the hashes of an incoming "
        f"picture (whole, and without 12/20/30% at its top or bottom) take "
        f"{per_image * 1000:.1f} ms to compute and compare."
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--variants", type=int, default=2, help="renderings of each text")
    parser.add_argument("--originals", type=int, default=100, help="known pictures")
    parser.add_argument("--unrelated", type=int, default=3000, help="unrelated pictures")
    parser.add_argument("--quick", action="store_true", help="a quarter of the texts")
    parser.add_argument("--skip-ocr", action="store_true", help="only the hashes")
    parser.add_argument("--psm", type=int, default=Settings().ocr_page_mode, help="--psm")
    parser.add_argument("--skip-hashes", action="store_true", help="only the OCR")
    parser.add_argument(
        "--embeddings", default="auto", help="the matcher's embeddings: auto (default), on, off"
    )
    parser.add_argument(
        "--languages", default=Settings().ocr_languages, help="Tesseract's passes (ocr_languages)"
    )
    parser.add_argument("--data", type=Path, default=DATA, help="a near-miss set to draw")
    args = parser.parse_args(argv)
    found = engine()
    if not found.hashing or (not found.ocr and not args.skip_ocr):
        print(f"benchmarks.images: {found.missing or 'imagehash is missing'}", file=sys.stderr)
        return 2
    sections = []
    if not args.skip_ocr:
        found_ocr = ocr_benchmark(
            args.variants, args.quick, args.psm, args.embeddings, args.languages, args.data
        )
        heading = (
            f"--psm {args.psm}, embeddings {args.embeddings}, --languages {args.languages}, "
            f"{args.data.name}"
        )
        sections.append(f"### Reading screenshots ({heading})\n\n{found_ocr}")
        print(sections[-1], flush=True)
    if not args.skip_hashes:
        found_hashes = hash_benchmark(args.originals, args.unrelated)
        sections.append(f"### Recognising a known picture\n\n{found_hashes}")
        print(sections[-1])
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "images.md").write_text("\n\n".join(sections) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
