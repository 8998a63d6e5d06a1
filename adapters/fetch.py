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

What a page says is read by ``bot.pages.parse_page``; this module only fetches.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from urllib.parse import urljoin, urlsplit

import aiohttp
from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import DefaultResolver

from bot.pages import (
    IMAGE_KINDS,
    MAX_BYTES,
    PAGE_KINDS,
    TIMEOUT_SECONDS,
    FetchError,
    Page,
    forbidden_address,
    parse_page,
    private_allowed,
)

__all__ = [
    "IMAGE_KINDS",
    "PAGE_KINDS",
    "FetchError",
    "fetch_bytes",
    "fetch_page",
    "forbidden_address",
]

MAX_REDIRECTS = 5
USER_AGENT = "Factbot/0.1 (fact-check bot; reads title, description and ClaimReview)"
_METADATA_HOSTS = frozenset({"metadata.google.internal", "metadata", "instance-data"})


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
                body = await read_at_most(response, max_bytes)
                if body is None:
                    raise FetchError("the page is too large to read")
                return str(response.url), body, response.charset
        raise FetchError("the link redirects too many times")


async def read_at_most(response: aiohttp.ClientResponse, max_bytes: int) -> bytes | None:
    """The response's body, read a chunk at a time; None as soon as it passes ``max_bytes``
    (a server may send more than it declares, or declare nothing)."""
    body = bytearray()
    async for chunk in response.content.iter_chunked(65536):
        body.extend(chunk)
        if len(body) > max_bytes:
            return None
    return bytes(body)


def _decode(body: bytes, charset: str) -> str:
    try:
        return body.decode(charset, errors="replace")
    except LookupError:
        return body.decode("utf-8", errors="replace")
