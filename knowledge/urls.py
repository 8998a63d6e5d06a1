"""Web links in running text: one finder for the bot, the queue and the matcher.

A link is written with its scheme (``https://…``), from ``www.``, or, as people type and
share them, as a bare host and a path: ``t.me/channel/123``, ``fb.watch/abc``,
``youtu.be/xyz``, ``moi.gov.mm/news/1``. A bare host counts only where its ending is a
public suffix (the Public Suffix List, through ``publicsuffixlist``, which ships the list and
reads nothing from the network) and a path follows it: without a path, ``rigged.It`` is more
likely two words run together than a link, and ``1.5/2`` or ``U.S./China`` are no hosts.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import cache
from urllib.parse import SplitResult, unquote, urlsplit

from publicsuffixlist import PublicSuffixList

_STOP = r"[^\s<>\"'“”‘’「」『』（）]"
_LABEL = r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?"  # one label of a host name
# With a scheme or from www.; or a host (two labels or more) and a path. Not inside a word,
# an e-mail address or another link.
_LINK = re.compile(
    rf"(?:https?://|www\.){_STOP}+|(?<![\w@./:-])(?P<host>{_LABEL}(?:\.{_LABEL})+)/{_STOP}*",
    re.IGNORECASE,
)
TRAILING = ".,;:!?)]}»”’'\"。，！？、…"


@cache
def _suffixes() -> PublicSuffixList:
    # Unknown endings are no suffix: "protesters.they/them" names no host.
    return PublicSuffixList(accept_unknown=False)


def _is_link(match: re.Match[str]) -> bool:
    host = match.group("host")
    return host is None or _suffixes().privatesuffix(host.casefold()) is not None


def _may_hold_link(text: str) -> bool:
    return "/" in text or "www." in text.casefold()


def find_links(text: str) -> list[str]:
    """The links written in ``text``, in order, as written, without trailing punctuation."""
    if not _may_hold_link(text):
        return []
    return [m.group().rstrip(TRAILING) for m in _LINK.finditer(text) if _is_link(m)]


def without_links(text: str) -> str:
    """``text`` with each link replaced by a space."""
    if not _may_hold_link(text):
        return text
    return _LINK.sub(lambda m: " " if _is_link(m) else m.group(), text)


def holds_words(text: str) -> bool:
    """Whether ``text`` holds a letter or a digit outside its links: words to check."""
    return any(unicodedata.category(c)[0] in "LN" for c in without_links(text))


_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)
_BARE_HOST = re.compile(rf"^{_LABEL}(?:\.{_LABEL})+(?=[/?#:]|$)", re.IGNORECASE)


def with_scheme(address: str) -> str | None:
    """An address written alone (a moderator's ``/appeared``, a stored appearance) as a
    browser opens it: as it is with a scheme, ``https://`` before ``www.`` or a host whose
    ending is a public suffix (here a path is not needed: the whole text is the address).
    None for what names no host ("hello", "1.5")."""
    if _SCHEME.match(address):
        return address
    host = _BARE_HOST.match(address)
    if host is None:
        return None
    named = host.group().casefold()
    if named.startswith("www.") or _suffixes().privatesuffix(named) is not None:
        return f"https://{address}"
    return None


def _split(link: str) -> SplitResult | None:
    """A link as found (with its scheme added where it has none), in parts; None where it
    cannot be split ("http://[::1" and its kin)."""
    try:
        return urlsplit(with_scheme(link) or link)
    except ValueError:
        return None


def site_names(text: str) -> frozenset[str]:
    """The names of the sites the links of ``text`` are on: the first label of each host's
    registrable domain, casefolded ("irrawaddy" for ``https://www.irrawaddy.com/news/…``,
    "rfa" for ``rfa.org/burmese/…``, "weibo" for ``m.weibo.cn/…``)."""
    names = set()
    for link in find_links(text):
        parts = _split(link)
        host = parts.hostname if parts else None
        domain = _suffixes().privatesuffix(host) if host else None
        if domain:
            names.add(domain.split(".", 1)[0])
    return frozenset(names)


# A path's parts that say where a page is kept, not what it says: a site's sections (its kinds
# of page, its regions and desks), formats, languages.
_PATH_WORDS = frozenset(
    """news article articles story stories status statuses post posts p a doc docs amp index
    html htm php aspx asp shtml world realtime latest video videos watch share en eng english
    ru zh tw cn my mm burmese chinese russian www m asia europe africa americas politics
    business opinion""".split()  # noqa: SIM905
)
_PATH_SPLIT = re.compile(r"[\s/\\\-_.+,;=&?#%~:]+")
ADDRESS_WORDS = 2  # fewer words than this in an address say nothing


def address_words(link: str) -> str:
    """The words a link's address writes after its host, as a page's address often carries
    its headline ("…/2021/06/min-aung-hlaing-election-fraud.html": "min aung hlaing election
    fraud"): letters only, without ids, dates and the parts that say where a page is kept
    ("news", "html", a language's code). Empty where fewer than :data:`ADDRESS_WORDS` are left."""
    parts = _split(link)
    if parts is None:
        return ""
    path = unquote(f"{parts.path} {parts.query}", errors="replace")
    words = [
        w
        for w in _PATH_SPLIT.split(path)
        if w and w.isalpha() and w.casefold() not in _PATH_WORDS and not _coded(w)
    ]
    return " ".join(words) if len(words) >= ADDRESS_WORDS else ""


def _coded(word: str) -> bool:
    """An id in letters ("YNQabcdEFG", "Xk9aB2q" without its digits): capitals after a small
    letter, as no word is written."""
    return any(a.islower() and b.isupper() for a, b in itertools.pairwise(word))
