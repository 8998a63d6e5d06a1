"""Burmese as people type it, read as Unicode Burmese before anything else looks at a text.

Two things differ from the stored words though they look the same: Zawgyi encoding, and the
order in which a consonant's marks were typed.

Zawgyi is a font encoding that reuses the Myanmar Unicode block with other meanings; much
Burmese typed on phones and forwarded is still Zawgyi, and it matches nothing written in
Unicode. Google's ``myanmartools`` detector says how likely a text is Zawgyi; above
:data:`THRESHOLD` it is converted with ``python-myanmar``'s converter (pure Python; ICU's
``Zawgyi-my`` transliterator would need PyICU, which has no wheel here). Texts without a
Myanmar-block character are returned untouched at the cost of one scan.

The detector's model is read number by number when it is made (some 18 ms, at the first
Burmese text of every start: every claim base holds some), so the table it reads is kept in the
cache folder (:mod:`knowledge.kept`) and read back whole (well under a millisecond).
"""

from __future__ import annotations

import importlib.util
import re
import struct
import sys
import warnings
from array import array
from functools import lru_cache
from pathlib import Path

from myanmartools import ZawgyiDetector

from knowledge.kept import read_or_make
from knowledge.store import cache_dir

__all__ = ["THRESHOLD", "is_zawgyi", "reorder_marks", "to_unicode"]

# myanmartools gives ~1.0 for Zawgyi and ~1e-15 for Unicode on whole questions; 0.95 is the
# cut its authors suggest for acting on a single text.
THRESHOLD = 0.95
_MYANMAR = re.compile("[\u1000-\u109f\uaa60-\uaa7f\ua9e0-\ua9ff]")


@lru_cache(maxsize=1)
def _detector() -> ZawgyiDetector:
    """The detector: from its kept table where an earlier start kept it, else made by
    myanmartools (and its table kept)."""
    try:
        kept: Path | None = cache_dir() / f"zawgyi-{_model_key()}.bin"
    except OSError:  # no model file to read: myanmartools says why when it is made
        kept = None
    return read_or_make(kept, _read_kept, _made, _kept_bytes, "zawgyi-*", (".bin",))


def _made() -> ZawgyiDetector:
    # myanmartools 1.2 loads its model with importlib.resources.open_binary, deprecated since
    # Python 3.11: a warning we cannot act on (and the tests turn warnings into errors).
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return ZawgyiDetector()


# The kept table: this mark, the length of the detector's characters (UTF-8), those, then its
# numbers as this machine stores float32. The detector's two fields are myanmartools' own
# (version 1.x, ``__slots__``); the file is named by its model file, so another install makes
# a file of its own, and one that does not read back is made again.
_KEPT_MARK = b"factbot zawgyi 1\n"


def _model_key() -> str:
    spec = importlib.util.find_spec("myanmartools")
    if spec is None or not spec.submodule_search_locations:
        raise OSError("myanmartools is not installed")
    model = (
        Path(next(iter(spec.submodule_search_locations))) / "resources" / "zawgyiUnicodeModel.dat"
    )
    stat = model.stat()
    return f"{stat.st_size:x}-{stat.st_mtime_ns:x}-{sys.byteorder}"


def _kept_bytes(detector: ZawgyiDetector) -> bytes | None:
    """The table to keep; None for a detector holding other fields (another myanmartools)."""
    try:
        chars = str(detector._chars).encode()
        params: array[float] = detector._params
    except AttributeError:
        return None
    return _KEPT_MARK + struct.pack("<I", len(chars)) + chars + params.tobytes()


def _read_kept(data: bytes) -> ZawgyiDetector:
    """Raises ValueError for anything but a whole table :func:`_kept_bytes` wrote, read by a
    myanmartools whose detector holds the same fields."""
    start = len(_KEPT_MARK) + 4
    if not data.startswith(_KEPT_MARK) or len(data) < start:
        raise ValueError("not a kept Zawgyi table")
    (size,) = struct.unpack_from("<I", data, start - 4)
    chars = data[start : start + size].decode()
    params = array("f")
    params.frombytes(data[start + size :])
    if len(params) != (len(chars) + 1) ** 2:  # a table for every pair of states
        raise ValueError("a kept Zawgyi table cut short")
    detector = ZawgyiDetector.__new__(ZawgyiDetector)
    try:
        detector._chars = chars
        detector._params = params
    except AttributeError as error:  # another myanmartools' fields
        raise ValueError(f"a Zawgyi table this myanmartools cannot take: {error}") from error
    return detector


def is_zawgyi(text: str) -> bool:
    """True when ``text`` holds Burmese that is most likely Zawgyi-encoded."""
    if _MYANMAR.search(text) is None:
        return False
    return float(_detector().get_zawgyi_probability(text)) >= THRESHOLD


def to_unicode(text: str) -> str:
    """``text`` with Zawgyi Burmese converted to Unicode and the marks on each Burmese
    consonant in one order; anything else as it was."""
    if _MYANMAR.search(text) is None:
        return text
    if is_zawgyi(text):
        # Imported here: it compiles its syllable patterns on import (some 10 ms of every
        # start), and only Zawgyi needs it.
        from myanmar import converter

        text = str(converter.convert(text, "zawgyi", "unicode"))
    return reorder_marks(text)


# The order Unicode Technical Note #11 stores a syllable's marks in: medials (ya, ra, wa, ha),
# the vowel e, upper vowels, lower vowels, aa, anusvara, dot below, asat, visarga. Keyboards
# accept them in any order and fonts draw them the same, so "ကျွ" may arrive as "ကွျ": both
# sides of a match are put in this order (a stable sort of each run of marks; the virama that
# stacks consonants ends a run, so stacks and kinzi are left alone).
_RANK = {
    "ျ": 1,
    "ြ": 2,
    "ွ": 3,
    "ှ": 4,
    "ေ": 5,
    "ိ": 6,
    "ီ": 6,
    "ဲ": 6,
    "ု": 7,
    "ူ": 7,
    "ါ": 8,
    "ာ": 8,
    "ံ": 9,
    "့": 10,
    "်": 11,
    "း": 12,
}
_MARKS = re.compile(f"[{''.join(_RANK)}]{{2,}}")


def reorder_marks(text: str) -> str:
    """Each run of Burmese dependent marks in the canonical order (see :data:`_RANK`)."""
    return _MARKS.sub(lambda m: "".join(sorted(m.group(), key=_RANK.__getitem__)), text)
