"""Burmese as people type it, read as Unicode Burmese before anything else looks at a text.

Two things differ from the stored words though they look the same: Zawgyi encoding, and the
order in which a consonant's marks were typed.

Zawgyi is a font encoding that reuses the Myanmar Unicode block with other meanings; much
Burmese typed on phones and forwarded is still Zawgyi, and it matches nothing written in
Unicode. Google's ``myanmartools`` detector says how likely a text is Zawgyi; above
:data:`THRESHOLD` it is converted with ``python-myanmar``'s converter (pure Python; ICU's
``Zawgyi-my`` transliterator would need PyICU, which has no wheel here). Texts without a
Myanmar-block character are returned untouched at the cost of one scan.
"""

from __future__ import annotations

import re
import warnings
from functools import lru_cache

from myanmartools import ZawgyiDetector

__all__ = ["THRESHOLD", "is_zawgyi", "reorder_marks", "to_unicode"]

# myanmartools gives ~1.0 for Zawgyi and ~1e-15 for Unicode on whole questions; 0.95 is the
# cut its authors suggest for acting on a single text.
THRESHOLD = 0.95
_MYANMAR = re.compile("[\u1000-\u109f\uaa60-\uaa7f\ua9e0-\ua9ff]")


@lru_cache(maxsize=1)
def _detector() -> ZawgyiDetector:
    # myanmartools 1.2 loads its model with importlib.resources.open_binary, deprecated since
    # Python 3.11: a warning we cannot act on (and the tests turn warnings into errors).
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return ZawgyiDetector()


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
