"""Zawgyi-encoded Burmese read as Unicode Burmese, before anything else looks at a text.

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

from myanmar import converter
from myanmartools import ZawgyiDetector

__all__ = ["THRESHOLD", "is_zawgyi", "to_unicode"]

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
    """``text`` with Zawgyi Burmese converted to Unicode; anything else as it was."""
    if not is_zawgyi(text):
        return text
    return str(converter.convert(text, "zawgyi", "unicode"))
