"""PTB's requests to the Bot API over aiohttp, for the bot's answers.

python-telegram-bot talks HTTP through a :class:`telegram.request.BaseRequest`; the one it ships,
``HTTPXRequest``, costs the bot about a third of its time under load: for every request, httpcore
walks its whole connection pool, checking each connection for expiry (docs/benchmarks.md, "Load
and soak benchmarks"). :class:`AiohttpRequest` is the same contract over aiohttp (already the
Slack bot's and the health server's HTTP library), whose connector keeps idle connections in a
queue per host. Measured (``benchmarks/telegram_transport.py``, 32 answers in flight): about 2 ms
a request with httpx, 0.4 ms with aiohttp.

Only the bot's requests use it (answers, edits, file downloads); long polling keeps PTB's own
``HTTPXRequest``, one connection that waits on ``getUpdates``. As with httpx, TLS is checked
against certifi's authorities, and the proxy settings of the environment (``HTTPS_PROXY``,
``NO_PROXY``…) and ``~/.netrc`` are followed, read once per host: aiohttp's own ``trust_env``
reads them again for every request, in two trips to a worker thread: 0.6 ms a request, more
than the 0.4 ms the request itself takes. PTB's error contract is kept: a timeout raises
:class:`telegram.error.TimedOut`, any other failure to reach the server
:class:`telegram.error.NetworkError`; what the server answers (429s, errors) PTB reads itself.
"""

from __future__ import annotations

import asyncio
import functools
import ssl
from dataclasses import dataclass
from typing import Any

import aiohttp
import certifi
from aiohttp.helpers import basicauth_from_netrc, get_env_proxy_for_url, netrc_from_env
from telegram._utils.defaultvalue import DefaultValue
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData
from yarl import URL


class AiohttpRequest(BaseRequest):
    """A :class:`~telegram.request.BaseRequest` on an :class:`aiohttp.ClientSession`.

    The timeouts are ``HTTPXRequest``'s, with the same defaults: ``connect_timeout`` to connect,
    ``pool_timeout`` more to wait for a free connection (at most ``connection_pool_size`` are
    open), ``read_timeout`` between reads of the answer; ``write_timeout`` (``media_write_timeout``
    for an upload) bounds the whole request with the others added, as aiohttp has no timeout
    for writing alone."""

    def __init__(
        self,
        connection_pool_size: int = 1,
        *,
        read_timeout: float | None = 5.0,
        write_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        pool_timeout: float | None = 1.0,
        media_write_timeout: float | None = 20.0,
    ) -> None:
        self._pool_size = max(1, connection_pool_size)
        self._read = read_timeout
        self._write = write_timeout
        self._connect = connect_timeout
        self._pool = pool_timeout
        self._media_write = media_write_timeout
        self._session: aiohttp.ClientSession | None = None
        self._routes: dict[tuple[str, str], _Route] = {}

    @property
    def read_timeout(self) -> float | None:
        return self._read

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self._pool_size, ssl=_certificates()),
                headers={"User-Agent": self.USER_AGENT},
            )

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        session = self._session
        if session is None or session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        files = request_data.multipart_data if request_data else None
        fields = request_data.json_parameters if request_data else None
        read = _given(read_timeout, self._read)
        connect = _given(connect_timeout, self._connect)
        pool = _given(pool_timeout, self._pool)
        write = _given(write_timeout, self._media_write if files else self._write)
        timeout = aiohttp.ClientTimeout(
            total=_sum(connect, pool, write, read),
            connect=_sum(connect, pool),
            sock_connect=connect,
            sock_read=read,
        )
        body: Any = fields
        if files:
            form = aiohttp.FormData()
            for name, value in (fields or {}).items():
                form.add_field(name, value)
            for name, (filename, content, mime_type) in files.items():
                form.add_field(name, content, filename=filename, content_type=mime_type)
            body = form
        try:
            route = await self._route(url)
            async with session.request(
                method,
                url,
                data=body,
                timeout=timeout,
                headers=route.headers,
                proxy=route.proxy,
                proxy_headers=route.proxy_headers,
            ) as answer:
                return answer.status, await answer.read()
        except TimeoutError as error:  # aiohttp's timeouts are asyncio's (TimeoutError)
            raise TimedOut from error
        except aiohttp.ClientError as error:
            raise NetworkError(f"aiohttp.{error.__class__.__name__}: {error}") from error

    async def _route(self, url: str) -> _Route:
        """How requests to ``url``'s host go (:func:`_route_to`), read in a worker thread the
        first time the host is asked for."""
        target = URL(url)
        key = (target.scheme, target.host or "")
        route = self._routes.get(key)
        if route is None:
            route = self._routes[key] = await asyncio.to_thread(_route_to, target)
        return route


@dataclass(frozen=True, slots=True)
class _Route:
    """The proxy a host's requests go through, and the headers with their credentials."""

    proxy: URL | None = None
    proxy_headers: dict[str, str] | None = None  # the CONNECT tunnel's, for an https host
    headers: dict[str, str] | None = None  # Authorization (and Proxy-Authorization for http)


def _route_to(url: URL) -> _Route:
    """What aiohttp's ``trust_env`` gives a request to ``url``, as httpx's does: the proxy
    of the environment for its scheme unless ``NO_PROXY`` exempts its host, and the host's
    credentials in ``~/.netrc`` (or ``$NETRC``)."""
    try:
        proxy, proxy_auth = get_env_proxy_for_url(url)
    except LookupError:
        proxy, proxy_auth = None, None
    auth = None
    netrc = netrc_from_env()
    if netrc is not None and url.host:
        try:
            auth = basicauth_from_netrc(netrc, url.host)
        except LookupError:
            auth = None
    headers = {"Authorization": auth.encode()} if auth else {}
    tunnel: dict[str, str] = {}
    if proxy_auth is not None:
        # An https request goes through a CONNECT tunnel, which carries the proxy's
        # credentials; a plain http request carries them itself (as aiohttp sends them).
        (tunnel if url.scheme == "https" else headers)["Proxy-Authorization"] = proxy_auth.encode()
    return _Route(proxy, tunnel or None, headers or None)


@functools.cache
def _certificates() -> ssl.SSLContext:
    """TLS checked against certifi's authorities, as httpx (PTB's own transport) checks it: a
    host whose system store lacks them still reaches api.telegram.org. Made once a process."""
    return ssl.create_default_context(cafile=certifi.where())


def _given(value: Any, default: float | None) -> float | None:
    """A timeout passed to a bot method, or this request's default where none was."""
    return default if isinstance(value, DefaultValue) else value


def _sum(*parts: float | None) -> float | None:
    """Timeouts added up; none (wait for ever) if any of them is none."""
    return None if any(part is None for part in parts) else sum(part or 0.0 for part in parts)
