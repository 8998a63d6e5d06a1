"""Reading a web page someone sent, carefully: the page's title, description and any
ClaimReview JSON-LD, never more.

The limits (each has a test in ``tests/test_links.py``):
- HTTP and HTTPS only, also after a redirect (``file://``, ``ftp://`` are refused);
- at most :data:`MAX_REDIRECTS` redirects, each checked like the first address;
- never a loopback, private, link-local, multicast, reserved or cloud-metadata address: the
  host's every resolved address is checked by the connector's resolver itself, so the
  connection goes only to an address that was checked (no second lookup to race);
  ``FACTBOT_FETCH_ALLOW_PRIVATE=1`` lifts this, for tests and intranets;
- a short time-out for the whole read (:data:`TIMEOUT_SECONDS`), and at most
  :data:`MAX_BYTES` of the body (the rest is never read).

extruct would read the same metadata, but brings 19 packages (rdflib, html5lib, requests, …),
about 38 MB and 230 ms of import for three things: :class:`_PageParser` reads them with the
standard library's HTML parser.
"""

from __future__ import annotations

import asyncio
import ipaddress
import json
import logging
import os
import socket
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin, urlsplit

import aiohttp
from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import DefaultResolver

from knowledge import claimreview

log = logging.getLogger(__name__)

TIMEOUT_SECONDS = 5.0
MAX_BYTES = 2_000_000
MAX_REDIRECTS = 5
ALLOW_PRIVATE_ENV = "FACTBOT_FETCH_ALLOW_PRIVATE"
USER_AGENT = "Factbot/0.1 (fact-check bot; reads title, description and ClaimReview)"
_METADATA_HOSTS = frozenset({"metadata.google.internal", "metadata", "instance-data"})


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


class _CheckedResolver(AbstractResolver):
    """Resolves as usual, then refuses a host with any forbidden address."""

    def __init__(self) -> None:
        self._resolver = DefaultResolver()

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        found = await self._resolver.resolve(host, port, family)
        if any(forbidden_address(entry["host"]) for entry in found):
            raise FetchError("the link points to a private or local address")
        return found

    async def close(self) -> None:
        await self._resolver.close()


def _check_url(url: str, allow_private: bool) -> None:
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
    except ValueError:
        raise FetchError("the link is not a web address") from None
    if parts.scheme not in ("http", "https"):
        raise FetchError("only http and https links are read")
    if not host:
        raise FetchError("the link has no host")
    if allow_private:
        return
    if host.casefold().rstrip(".") in _METADATA_HOSTS or host.casefold() == "localhost":
        raise FetchError("the link points to a private or local address")
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return  # a name: the resolver checks what it resolves to
    if forbidden_address(host):
        raise FetchError("the link points to a private or local address")


async def fetch_page(
    url: str,
    *,
    seconds: float = TIMEOUT_SECONDS,
    max_bytes: int = MAX_BYTES,
    allow_private: bool | None = None,
) -> Page:
    """Read the web page at ``url`` within the limits above. Raises :class:`FetchError`."""
    final, body, charset = await fetch_bytes(
        url, seconds=seconds, max_bytes=max_bytes, allow_private=allow_private, kinds=PAGE_KINDS
    )
    return parse_page(final, _decode(body, charset or "utf-8"))


PAGE_KINDS = ("text/html", "application/xhtml+xml")
IMAGE_KINDS = ("image/",)


async def fetch_bytes(
    url: str,
    *,
    seconds: float = TIMEOUT_SECONDS,
    max_bytes: int = MAX_BYTES,
    allow_private: bool | None = None,
    kinds: tuple[str, ...] = PAGE_KINDS,
) -> tuple[str, bytes, str | None]:
    """(the address it ended at, the body, its charset) of ``url``, whose type must start
    with one of ``kinds``; within the limits above. Raises :class:`FetchError`."""
    if allow_private is None:
        allow_private = private_allowed()
    if "://" not in url:
        url = f"https://{url}"
    try:
        async with asyncio.timeout(seconds):
            return await _fetch(url, max_bytes, allow_private, kinds)
    except TimeoutError:
        raise FetchError("the site took too long to answer") from None
    except aiohttp.ClientError as error:
        cause: BaseException = error
        while cause.__cause__ is not None and not isinstance(cause, FetchError):
            cause = cause.__cause__
        if isinstance(cause, FetchError):
            raise cause from None
        raise FetchError("the site could not be reached") from None


async def _fetch(
    url: str, max_bytes: int, allow_private: bool, kinds: tuple[str, ...]
) -> tuple[str, bytes, str | None]:
    connector = aiohttp.TCPConnector(
        resolver=None if allow_private else _CheckedResolver(), limit=2, force_close=True
    )
    headers = {"User-Agent": USER_AGENT, "Accept": ", ".join(k.rstrip("/") for k in kinds)}
    async with aiohttp.ClientSession(connector=connector, headers=headers) as session:
        for _ in range(MAX_REDIRECTS + 1):
            _check_url(url, allow_private)
            async with session.get(url, allow_redirects=False) as response:
                if response.status in (301, 302, 303, 307, 308):
                    location = response.headers.get("Location")
                    if not location:
                        raise FetchError("the site sent a redirect without an address")
                    url = urljoin(url, location)
                    continue
                if response.status >= 400:
                    raise FetchError(f"the site answered {response.status}")
                kind = response.headers.get("Content-Type", "").split(";", 1)[0].strip()
                if kind and not kind.startswith(kinds):
                    what = "a web page" if kinds == PAGE_KINDS else "an image"
                    raise FetchError(f"the link is not {what} ({kind})")
                declared = response.content_length
                if declared is not None and declared > max_bytes:
                    raise FetchError("the page is too large to read")
                body = bytearray()
                async for chunk in response.content.iter_chunked(65536):
                    body.extend(chunk)
                    if len(body) > max_bytes:
                        raise FetchError("the page is too large to read")
                return str(response.url), bytes(body), response.charset
        raise FetchError("the link redirects too many times")


def _decode(body: bytes, charset: str) -> str:
    try:
        return body.decode(charset, errors="replace")
    except LookupError:
        return body.decode("utf-8", errors="replace")


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
