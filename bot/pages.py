"""A web page as the core reads it: its title, description, canonical address and any
ClaimReview JSON-LD (``parse_page``), and which addresses are never read
(``forbidden_address``). The reading itself, over the network, is the adapters' (aiohttp,
``adapters/fetch.py``): the core knows no network library.

extruct would read the same metadata, but brings 19 packages (rdflib, html5lib, requests, …),
about 38 MB and 230 ms of import for three things: :class:`_PageParser` reads them with the
standard library's HTML parser.
"""

from __future__ import annotations

import ipaddress
import json
import os
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin

from knowledge import claimreview

TIMEOUT_SECONDS = 5.0
MAX_BYTES = 2_000_000
ALLOW_PRIVATE_ENV = "FACTBOT_FETCH_ALLOW_PRIVATE"
PAGE_KINDS = ("text/html", "application/xhtml+xml")
IMAGE_KINDS = ("image/",)


class FetchError(Exception):
    """The page could not be read; the message says why, in a few words for people."""


@dataclass(frozen=True, slots=True)
class Page:
    """What was read from a page."""

    url: str  # where it ended up, after redirects
    title: str | None = None
    description: str | None = None
    canonical: str | None = None  # og:url or <link rel=canonical>
    reviews: tuple[dict[str, Any], ...] = field(default=())  # ClaimReview objects


def private_allowed() -> bool:
    return os.environ.get(ALLOW_PRIVATE_ENV, "") == "1"


def forbidden_address(address: str) -> bool:
    """Loopback, private, link-local (169.254.169.254 is the cloud metadata service),
    multicast, reserved or unspecified: never fetched from."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return True
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast or ip.is_reserved or ip.is_unspecified


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title = ""
        self.canonical: str | None = None
        self.scripts: list[str] = []
        self._in: str | None = None
        self._buffer: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k.casefold(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (found.get("property") or found.get("name") or "").casefold()
            if key and "content" in found:
                self.meta.setdefault(key, found["content"])
        elif tag == "link" and "canonical" in found.get("rel", "").casefold().split():
            self.canonical = self.canonical or found.get("href")
        elif tag == "title" and not self.title:
            self._in, self._buffer = "title", []
        elif tag == "script" and found.get("type", "").casefold() == "application/ld+json":
            self._in, self._buffer = "script", []

    def handle_data(self, data: str) -> None:
        if self._in is not None:
            self._buffer.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._in == tag:
            text = "".join(self._buffer)
            if tag == "title":
                self.title = " ".join(text.split())
            else:
                self.scripts.append(text)
            self._in = None


def parse_page(url: str, html: str) -> Page:
    """Title, description, canonical address and ClaimReview objects of an HTML page."""
    parser = _PageParser()
    try:
        parser.feed(html)
        parser.close()
    except AssertionError:  # the standard parser gives up on some broken markup
        pass
    meta = parser.meta
    reviews: list[dict[str, Any]] = []
    for script in parser.scripts[:20]:
        try:
            document = json.loads(script)
        except ValueError:
            continue
        reviews.extend(claimreview.iter_reviews(document))
    canonical = meta.get("og:url") or parser.canonical
    return Page(
        url=url,
        title=_clean(meta.get("og:title") or meta.get("twitter:title") or parser.title),
        description=_clean(
            meta.get("og:description") or meta.get("description") or meta.get("twitter:description")
        ),
        canonical=urljoin(url, canonical) if canonical else None,
        reviews=tuple(reviews[:10]),
    )


def _clean(text: str | None) -> str | None:
    text = " ".join((text or "").split())[:1000]
    return text or None
