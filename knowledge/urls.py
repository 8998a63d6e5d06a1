"""Web links in running text: one finder for the bot, the queue and the matcher.

A link is written with its scheme (``https://…``), from ``www.``, or, as people type and
share them, as a bare host and a path: ``t.me/channel/123``, ``fb.watch/abc``,
``youtu.be/xyz``, ``moi.gov.mm/news/1``. A bare host counts only where its ending is a
public suffix (the Public Suffix List, through ``publicsuffixlist``, which ships the list and
reads nothing from the network) and a path follows it: without a path, ``rigged.It`` is more
likely two words run together than a link, and ``1.5/2`` or ``U.S./China`` are no hosts.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from urllib.parse import urlsplit

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


def site_names(text: str) -> frozenset[str]:
    """The names of the sites the links of ``text`` are on: the first label of each host's
    registrable domain, casefolded ("irrawaddy" for ``https://www.irrawaddy.com/news/…``,
    "rfa" for ``rfa.org/burmese/…``, "weibo" for ``m.weibo.cn/…``)."""
    names = set()
    for link in find_links(text):
        address = with_scheme(link) or link
        try:
            host = urlsplit(address).hostname
        except ValueError:  # "http://[::1" and its kin
            continue
        domain = _suffixes().privatesuffix(host) if host else None
        if domain:
            names.add(domain.split(".", 1)[0])
    return frozenset(names)
