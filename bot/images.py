"""Reading an image: the text in it (Tesseract OCR) and its perceptual hashes.

Optional: ``pip install 'factbot[images]'`` (Pillow, imagehash, pytesseract) and Debian's
``tesseract-ocr`` with the ``eng``, ``mya`` and ``chi-sim`` language data. Without them
:func:`read_image` says so (``ocr_missing``) and the core queues the image unread.

Limits, all before the work that they bound:
- the file's size (``image_max_bytes``) before it is opened;
- the pixel count (``image_max_pixels``) from the header, before any pixel is decoded
  (Pillow's own decompression-bomb check is set to the same limit); an animation is read
  from its first frame only;
- a time limit per OCR pass (``ocr_timeout_seconds``): Tesseract runs as a child process
  (pytesseract), which is killed when it is over, and never on the event loop
  (:func:`bot.media.respond` calls this in a worker thread).

pytesseract over tesserocr: measured in docs/benchmarks.md ("Images"); tesserocr's wheel
bundles its own Tesseract (5.5), read Burmese worse with Debian's language data, and cannot
be stopped mid-page, while a child process can.
"""

from __future__ import annotations

import functools
import io
import logging
import os
import shutil
import threading
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bot.messages import ImageReading

if TYPE_CHECKING:
    from PIL.Image import Image

    from bot.config import Settings

log = logging.getLogger(__name__)

# Tesseract's OpenMP threads fight each other (and the other bots) on a small machine.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

MAX_OCR_SIDE = 2400  # larger images are scaled down before OCR (text stays legible)
MIN_OCR_WIDTH = 1000  # smaller ones are scaled up: Tesseract wants ~30 px capitals
CROPS = (0.12, 0.2, 0.3)  # caption bars: hashes of the picture without its top or bottom
KEPT_CROPS = (0.04, 0.08)  # light crops: a known picture is kept with these margins cut too
_warned: set[str] = set()


@dataclass(frozen=True, slots=True)
class Engine:
    """What this installation can do with an image."""

    pillow: bool
    hashing: bool
    ocr: bool

    @property
    def missing(self) -> str | None:
        if not self.pillow:
            return "Pillow is not installed (pip install 'factbot[images]')"
        if not self.ocr:
            return "Tesseract OCR is not installed (pytesseract and the tesseract program)"
        return None


def engine() -> Engine:
    """Which of the optional pieces are installed."""
    import importlib.util

    pillow = importlib.util.find_spec("PIL") is not None
    hashing = pillow and importlib.util.find_spec("imagehash") is not None
    ocr = (
        pillow
        and importlib.util.find_spec("pytesseract") is not None
        and shutil.which("tesseract") is not None
    )
    return Engine(pillow, hashing, ocr)


def warn_once(what: str) -> None:
    if what not in _warned:
        _warned.add(what)
        log.warning("images cannot be read: %s; they are queued for the fact-checkers", what)


def read_image(data: bytes, ref: str, settings: Settings, *, ocr: bool = True) -> ImageReading:
    """The text and hashes of one image, within the limits. Never raises for a bad image:
    the reading says what the problem was."""
    if len(data) > settings.image_max_bytes:
        return ImageReading(ref, problem="the image is too large")
    found = engine()
    if not found.pillow:
        warn_once(found.missing or "")
        return ImageReading(ref, problem="images cannot be read here yet", ocr_missing=True)
    try:
        picture = _open(data, settings.image_max_pixels)
    except _Refused as refused:
        return ImageReading(ref, problem=str(refused))
    if not ocr:  # a moderator's picture (/image): the hashes it is kept as
        return ImageReading(ref, hashes=known_hashes(picture) if found.hashing else ())
    hashes = image_hashes(picture) if found.hashing else ()
    if not found.ocr:
        warn_once(found.missing or "")
        return ImageReading(ref, hashes=hashes, ocr_missing=True)
    try:
        text = ocr_text(
            picture, settings.ocr_languages, settings.ocr_timeout_seconds, settings.ocr_page_mode
        )
    except _Refused as refused:
        return ImageReading(ref, hashes=hashes, problem=str(refused))
    return ImageReading(ref, text=text, hashes=hashes)


class _Refused(Exception):
    pass


_PILLOW_LIMIT = threading.Lock()  # around raising Pillow's process-wide pixel limit


def _open(data: bytes, max_pixels: int) -> Image:
    from PIL import Image as PILImage
    from PIL import UnidentifiedImageError

    with _PILLOW_LIMIT:
        # Pillow's own limit is a process-wide backstop, raised to the setting where that is
        # higher and never lowered: a smaller setting is enforced below, per image, and a
        # lowered global would refuse the pictures other readers (and other code in the same
        # process) open meanwhile.
        ceiling = PILImage.MAX_IMAGE_PIXELS
        if ceiling is not None and max_pixels > ceiling:
            PILImage.MAX_IMAGE_PIXELS = max_pixels
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            picture = PILImage.open(io.BytesIO(data))  # reads the header only
            width, height = picture.size
            if width * height > max_pixels or width > 30_000 or height > 30_000:
                raise _Refused("the image has too many pixels")
            picture.seek(0)  # an animation: its first frame only
            picture.load()
            return picture.convert("RGB")
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
        raise _Refused("the image has too many pixels") from None
    except UnidentifiedImageError:
        raise _Refused("the file is not an image I can read") from None
    except (OSError, ValueError, SyntaxError, EOFError):
        raise _Refused("the image is damaged or cut short") from None


def image_hashes(picture: Image) -> tuple[str, ...]:
    """The DCT hash of the picture, and of the picture without a band at its top or bottom
    (where a re-share adds a caption bar)."""
    import imagehash

    width, height = picture.size
    hashes = [str(imagehash.phash(picture))]
    for share in CROPS:
        cut = int(height * share)
        if height - cut < 16:
            continue
        hashes.append(str(imagehash.phash(picture.crop((0, cut, width, height)))))
        hashes.append(str(imagehash.phash(picture.crop((0, 0, width, height - cut)))))
    return tuple(dict.fromkeys(hashes))


def known_hashes(picture: Image) -> tuple[str, ...]:
    """The hashes a moderator's picture is kept as: the whole, and the picture with a thin
    margin cut from each side (re-shares are often cropped a little)."""
    import imagehash

    width, height = picture.size
    hashes = [str(imagehash.phash(picture))]
    for share in KEPT_CROPS:
        dx, dy = int(width * share), int(height * share)
        if width - 2 * dx >= 16 and height - 2 * dy >= 16:
            hashes.append(str(imagehash.phash(picture.crop((dx, dy, width - dx, height - dy)))))
    return tuple(dict.fromkeys(hashes))


def ocr_text(picture: Image, languages: str, timeout: float, page_mode: int = 11) -> str:
    """The text Tesseract reads, from the pass (a "+"-joined language list, in the order
    given) it reads with the most confidence; a confident pass ends the reading. Languages
    whose data is not installed are left out (the operator told once)."""
    prepared = _prepare(picture)
    best: tuple[float, str] = (-1.0, "")
    for langs in installed_passes(languages):
        score, text = _ocr_pass(prepared, langs, timeout, page_mode)
        if score > best[0]:
            best = (score, text)
        if _confident(score, text):
            break
    return best[1]


def installed_passes(languages: str) -> list[str]:
    """The passes of ``languages`` ("eng+mya,chi_sim+rus+eng"), each without the languages
    Tesseract has no data for here; a pass left with none is dropped. Where Tesseract cannot
    say which it has, the passes as given."""
    have = _installed_languages()
    passes = []
    for wanted in (p.strip() for p in languages.split(",") if p.strip()):
        kept = [lang for lang in wanted.split("+") if have is None or lang in have]
        for lang in sorted(set(wanted.split("+")) - set(kept) - _warned):
            _warned.add(lang)
            log.warning(
                "Tesseract has no %s data (Debian: tesseract-ocr-%s): images are read without it",
                lang,
                lang.replace("_", "-"),
            )
        if kept:
            passes.append("+".join(kept))
    return passes


@functools.cache
def _installed_languages() -> frozenset[str] | None:
    """The languages Tesseract has data for (asked once: it runs the program)."""
    import pytesseract

    try:
        return frozenset(pytesseract.get_languages(config=""))
    except (pytesseract.TesseractError, OSError, RuntimeError):
        return None


def _prepare(picture: Image) -> Image:
    from PIL import Image as PILImage
    from PIL import ImageOps

    gray = ImageOps.grayscale(picture)
    width, height = gray.size
    scale = 1.0
    if width < MIN_OCR_WIDTH:
        scale = min(3.0, MIN_OCR_WIDTH / width)
    if max(width, height) * scale > MAX_OCR_SIDE:
        scale = MAX_OCR_SIDE / max(width, height)
    if scale != 1.0:
        size = (max(1, int(width * scale)), max(1, int(height * scale)))
        gray = gray.resize(size, PILImage.Resampling.LANCZOS)
    return gray


def _confident(score: float, text: str) -> bool:
    """The first pass is good enough to skip the others: many words, read surely."""
    return len(text.split()) >= 4 and score >= 80.0 * min(len(text), 400)


def _ocr_pass(picture: Image, langs: str, timeout: float, page_mode: int) -> tuple[float, str]:
    """(mean word confidence × characters read, the text line by line) for one pass."""
    import pytesseract

    try:
        data: dict[str, list[Any]] = pytesseract.image_to_data(
            picture,
            lang=langs,
            config=f"--psm {int(page_mode)}",
            timeout=timeout,
            output_type=pytesseract.Output.DICT,
        )
    except RuntimeError:  # pytesseract's time-out: the child process was killed
        raise _Refused("reading the image took too long") from None
    except pytesseract.TesseractError as error:
        log.warning("tesseract failed (%s): %s", langs, error)
        return (-1.0, "")
    lines: dict[tuple[int, int, int], _Line] = {}
    confidences: list[float] = []
    for index, word in enumerate(data.get("text", [])):
        word = (word or "").strip()
        conf = float(data["conf"][index])
        if not word or conf < 0:
            continue
        key = (data["block_num"][index], data["par_num"][index], data["line_num"][index])
        box = (data["left"][index], data["top"][index], data["height"][index])
        lines.setdefault(key, _Line()).add(word, *(int(n) for n in box))
        confidences.append(conf)
    text = _layout([lines[key] for key in sorted(lines)])
    if not confidences:
        return (0.0, "")
    mean = sum(confidences) / len(confidences)
    return (mean * min(len(text), 400), text)


_WIDE = (("\u2e80", "\u9fff"), ("\uf900", "\ufaff"), ("\uff00", "\uffef"))


def _wide(char: str) -> bool:
    """A character of a script written without spaces between words (Chinese, Japanese)."""
    return any(low <= char <= high for low, high in _WIDE)


class _Line:
    """A line Tesseract read: its words (each with where it starts) and its box's top and
    bottom."""

    __slots__ = ("bottom", "top", "words")

    def __init__(self) -> None:
        self.words: list[tuple[int, str]] = []
        self.top, self.bottom = 1 << 30, -1

    def add(self, word: str, left: int, top: int, height: int) -> None:
        self.words.append((left, word))
        self.top, self.bottom = min(self.top, top), max(self.bottom, top + height)

    @property
    def height(self) -> int:
        return max(1, self.bottom - self.top)

    def level_with(self, other: _Line) -> bool:
        """Whether the two are on one row: each one's middle within the other's height."""
        return (
            self.top <= (other.top + other.bottom) / 2 <= self.bottom
            and other.top <= (self.top + self.bottom) / 2 <= other.bottom
        )


def _layout(lines: list[_Line]) -> str:
    """The lines as text, top to bottom: the lines Tesseract reads on one row (its sparse-text
    mode parts a row at a gap: "特朗普" and "说2020年…", Trump / says…) joined left to right,
    and a blank line where a gap taller than the rows opens between them (a new paragraph,
    post or header). A sentence wrapped over lines stays one paragraph, so the parts of a
    screenshot :func:`bot.media.image_reply` tries alone do not cut it from what its first
    line names ("…says the Bangladesh / protests only started because the election was
    rigged")."""
    rows: list[tuple[_Line, list[_Line]]] = []  # each row's first line, and all of them
    for line in sorted(lines, key=lambda line: line.top):
        row = next((row for row in rows if row[0].level_with(line)), None)
        if row is None:
            rows.append((line, [line]))
        else:
            row[1].append(line)
    text = ""
    last: _Line | None = None
    for first, members in rows:
        if last is not None:
            gap = first.top - last.bottom
            text += "\n\n" if gap > max(last.height, first.height) else "\n"
        words = sorted((item for line in members for item in line.words), key=lambda i: i[0])
        text += _join([word for _, word in words])
        last = first
    return text


def _join(words: list[str]) -> str:
    """Tesseract's words of a line as text: Chinese characters without the spaces it puts
    between them."""
    out = ""
    for word in words:
        if out and not (_wide(out[-1]) and _wide(word[0])):
            out += " "
        out += word
    return out


ReadImage = Callable[[bytes, str, "Settings"], ImageReading]
