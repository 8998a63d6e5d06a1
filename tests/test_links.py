"""Links as questions: normalising, the fact-checks that know a link, reading a page safely.

Pages are served by a local HTTP server on 127.0.0.1; the bot is the real Telegram (and Slack)
adapter against the fakes. Reading a private address is allowed only where a test says so
(``FACTBOT_FETCH_ALLOW_PRIVATE=1``), as an operator would for an intranet.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest
from aiohttp import web
from telegram import Message

from adapters.fetch import FetchError, fetch_page
from adapters.telegram_events import with_hidden_links
from bot import media
from bot.config import Settings
from bot.core import Core
from bot.messages import Decision, ReplyKind
from bot.pages import forbidden_address, parse_page
from knowledge.desk import Actor
from knowledge.links import claims_for_link, normalise_url
from knowledge.models import Claim
from knowledge.store import ClaimBase
from knowledge.urls import address_words, find_links, site_names
from tests.fakes.telegram_api import group_chat, message_update
from tests.helpers import dm, group
from tests.test_telegram_app import Harness, telegram_harness

PAID_QUESTION = "Were the Myanmar protesters paid terrorists?"
PAID_ID = "mm-protesters-paid"
MOD = Actor("console", "operator")
REVIEW = "https://factcheck.example.org/2021/06/hot-water-covid"
POST = "https://www.facebook.com/someone/posts/12345"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("http://example.com/a/b/", "https://www.example.com/a/b"),
        ("https://m.facebook.com/x/posts/1?fbclid=IwAR0", "https://www.facebook.com/x/posts/1"),
        ("https://mobile.twitter.com/u/status/9?s=20&t=abc", "https://twitter.com/u/status/9"),
        ("https://example.com/p?utm_source=wa&utm_medium=x&id=7", "https://example.com/p?id=7"),
        ("https://example.com/p?b=2&a=1&gclid=z", "https://example.com/p?a=1&b=2"),
        ("https://example.com/news/story/amp/", "https://example.com/news/story"),
        ("https://amp.example.com/news/story.amp", "https://example.com/news/story"),
        (
            "https://www-example-com.cdn.ampproject.org/c/s/www.example.com/news/story",
            "https://example.com/news/story",
        ),
        ("https://EXAMPLE.com:443/A#section", "https://example.com/A"),
        ("www.example.com/a", "https://example.com/a"),
        ("facebook.com/x/posts/1", "https://www.facebook.com/x/posts/1"),
        ("https://example.com/caf%C3%A9", "https://example.com/café"),
    ],
)
def test_spellings_of_one_page_normalise_the_same(a: str, b: str) -> None:
    assert normalise_url(a) == normalise_url(b) is not None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("https://example.com/a", "https://example.com/b"),
        ("https://example.com/p?id=7", "https://example.com/p?id=8"),
        ("https://example.com/A", "https://example.com/a"),  # paths are case-sensitive
        ("https://youtube.com/watch?v=abc", "https://youtube.com/watch?v=abd"),
        ("https://example.com:8080/a", "https://example.com/a"),
    ],
)
def test_different_pages_stay_different(a: str, b: str) -> None:
    assert normalise_url(a) != normalise_url(b)


@pytest.mark.parametrize(
    "text", ["file:///etc/passwd", "javascript:alert(1)", "not a link", "hello", "1.5/2"]
)
def test_what_is_not_a_web_address_has_no_normal_form(text: str) -> None:
    assert normalise_url(text) is None


def test_links_are_found_without_trailing_punctuation() -> None:
    assert find_links("see (https://example.com/a), and www.x.org/b.") == [
        "https://example.com/a",
        "www.x.org/b",
    ]


@pytest.mark.parametrize(
    ("text", "links"),
    [
        ("facebook.com/share/p/1A2b3C", ["facebook.com/share/p/1A2b3C"]),
        ("check this t.me/somechannel/123.", ["t.me/somechannel/123"]),
        ("fb.watch/abc! youtu.be/xyz?si=1", ["fb.watch/abc", "youtu.be/xyz?si=1"]),
        ("（来源：weibo.com/123456）", ["weibo.com/123456"]),
        ("moi.gov.mm/news/1", ["moi.gov.mm/news/1"]),
        ("a tweet https://t.co/abc…", ["https://t.co/abc"]),
        # No host with a public suffix, or no path: words, not links.
        ("the vote was rigged.It was", []),
        ("the U.S./China talks, 1.5/2 of votes, km/h and/or", []),
        ("protesters.they/them", []),
        ("write to a@example.com/x", []),
    ],
)
def test_links_typed_without_a_scheme_are_links(text: str, links: list[str]) -> None:
    assert find_links(text) == links


def test_a_links_site_is_named_by_its_registrable_domain() -> None:
    text = (
        "https://www.irrawaddy.com/news/burma/x.html, rfa.org/burmese/1 and m.weibo.cn/status/1;"
        " https://www.bbc.co.uk/news/1 (http://[::1/x is none)"
    )
    assert site_names(text) == {"irrawaddy", "rfa", "weibo", "bbc"}
    assert site_names("no link here") == set()


def add_claim(bot: Core, **fields: Any) -> Claim:
    claim = Claim(
        id=fields.pop("id", "test-hot-water"),
        claim=fields.pop("claim", "Drinking hot water cures the coronavirus"),
        verdict="false",
        rating="False",
        **fields,
    )
    return bot.desk.claims.add(claim, MOD)


def test_a_fact_check_is_found_by_its_review_url_and_where_the_claim_appeared(bot: Core) -> None:
    add_claim(bot, review_url=REVIEW, appearance=f"A Facebook post; {POST}")
    assert claims_for_link(bot.base, "http://factcheck.example.org/2021/06/hot-water-covid/") == [
        ("test-hot-water", "review")
    ]
    assert claims_for_link(bot.base, "https://m.facebook.com/someone/posts/12345?fbclid=x") == [
        ("test-hot-water", "appearance")
    ]
    assert claims_for_link(bot.base, "https://www.facebook.com/someone/posts/123456") == []
    bot.desk.claims.set_status("test-hot-water", "retracted", MOD, "test")  # type: ignore[arg-type]
    assert claims_for_link(bot.base, REVIEW) == []


def test_appeared_records_a_link_audited_and_undone(bot: Core) -> None:
    admin = dm(
        "/appeared mm-protesters-paid https://www.facebook.com/x/posts/99", platform="console"
    )
    reply = bot.handle(admin)
    assert reply is not None and reply.kind == ReplyKind.TEXT and "/undo" in reply.text
    claim = bot.base.get(PAID_ID)
    assert claim is not None and claim.appearance is not None
    assert claim.appearance.endswith("; https://www.facebook.com/x/posts/99")
    asked = bot.handle(dm("https://m.facebook.com/x/posts/99/?mibextid=abc"))
    assert asked is not None and asked.kind == ReplyKind.ANSWER
    assert asked.matches[0].id == PAID_ID and asked.decision == Decision.ANSWER
    again = bot.handle(admin)
    assert again is not None and "already" in again.text
    history = bot.handle(dm(f"/history {PAID_ID}", platform="console"))
    assert history is not None and "add appearance" in history.text
    bot.handle(dm("/undo", platform="console"))
    assert claims_for_link(bot.base, "https://www.facebook.com/x/posts/99") == []
    refused = bot.handle(dm("/appeared mm-protesters-paid https://x.org/1"))
    assert refused is not None and refused.kind == ReplyKind.REFUSAL


def test_a_link_typed_without_https_is_a_link(bot: Core) -> None:
    add_claim(bot, appearance=POST)
    known = bot.handle(dm("facebook.com/someone/posts/12345"))
    assert known is not None and known.decision == Decision.ANSWER
    assert known.matches[0].id == "test-hot-water"
    unknown = bot.handle(dm("t.me/somechannel/123"))
    assert unknown is not None and unknown.fetch == "https://t.me/somechannel/123"
    asked = bot.handle(dm("is this true?? facebook.com/someone/posts/12345"))
    assert asked is not None and asked.decision == Decision.ANSWER
    assert asked.matches[0].id == "test-hot-water"
    requested = bot.handle(dm("fact check pls t.me/somechannel/125"))
    assert requested is not None and requested.fetch == "https://t.me/somechannel/125"
    worded = bot.handle(dm(f"{PAID_QUESTION} t.me/somechannel/126"))
    assert worded is not None and worded.decision == Decision.ANSWER
    assert worded.matches[0].id == PAID_ID  # the words found a claim: they are the question
    queued = bot.handle(group("t.me/somechannel/124", addressed=True))
    assert queued is not None and "don't open links here" in queued.text
    assert [entry.text for entry in bot.desk.queue.entries()] == ["t.me/somechannel/124"]


def test_a_link_in_a_group_is_not_read_but_queued_with_the_truth(bot: Core) -> None:
    link = "https://example.com/rumour/1"
    reply = bot.handle(group(link, addressed=True))
    assert reply is not None and reply.fetch is None and reply.kind == ReplyKind.NONE
    assert "don't open links here" in reply.text
    assert [entry.text for entry in bot.desk.queue.entries()] == [link]


@pytest.mark.parametrize(
    ("link", "words"),
    [
        (
            "sputniknews.com/asia/20210623/min-aung-hlaing-election-fraud",
            "min aung hlaing election fraud",
        ),
        (
            "https://www.irrawaddy.com/news/burma/protests-escalated-to-terrorism-interview.html",
            "burma protests escalated to terrorism interview",
        ),
        (  # percent-encoded Chinese, as a browser copies it
            "https://www.rfi.fr/tw/20210624-%E7%B7%AC%E7%94%B8%E6%8A%97%E8%AD%B0",
            "",  # one word left: nothing said
        ),
        ("https://www.rfi.fr/tw/亞洲/20210624-緬甸抗議", "亞洲 緬甸抗議"),
        # ids, accounts, numbers and a site's parts say nothing
        ("https://twitter.com/SputnikInt/status/1407662093810011137", ""),
        ("https://dzen.ru/a/YNQ2abcdEFG", ""),
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", ""),
        ("https://www.facebook.com/someone/posts/12345", ""),
    ],
)
def test_the_words_of_a_links_address(link: str, words: str) -> None:
    assert address_words(link) == words


def test_a_link_not_opened_is_offered_the_checks_its_address_reads_like(bot: Core) -> None:
    """In a group, where links are not opened: the words of the link's address, with the
    message's own, find checks to offer, never one to answer, with a note saying so."""
    link = "sputniknews.com/asia/20210623/myanmar-protesters-are-paid-terrorists-says-general"
    reply = bot.handle(group(f"{link} fake?", addressed=True))
    assert reply is not None and reply.kind == ReplyKind.SUGGEST
    assert reply.decision == Decision.SUGGEST and reply.matches[0].id == PAID_ID
    assert any("words of its address" in note for note in reply.notes)
    assert bot.desk.queue.entries() == []  # offered, as a typed question would be
    # An address naming nothing the base checked: queued unread, as before.
    other = "https://example.com/health/hot-water-cures-the-coronavirus"
    queued = bot.handle(group(other, addressed=True))
    assert queued is not None and "don't open links here" in queued.text
    assert [entry.text for entry in bot.desk.queue.entries()] == [other]


def test_an_unknown_link_in_a_direct_chat_asks_to_be_read(bot: Core) -> None:
    reply = bot.handle(dm("(https://example.com/rumour/2)."))
    assert reply is not None and reply.fetch == "https://example.com/rumour/2"
    assert reply.decision is None and bot.desk.queue.entries() == []


async def test_a_flood_of_links_is_read_a_few_pages_at_a_time(bot: Core) -> None:
    # Each page may hold fetch_max_bytes in memory until it is read: only PAGES_IN_HAND are
    # fetched at once (Telegram hands the bot 512 updates at once), the rest wait their turn,
    # and every link is answered in the end.
    readable, full = asyncio.Event(), asyncio.Event()
    fetching: list[str] = []

    async def slow_fetch(url: str, **limits: Any) -> Any:
        fetching.append(url)
        if len(fetching) == media.PAGES_IN_HAND:
            full.set()
        await readable.wait()
        raise FetchError("the page could not be read")

    links = 3 * media.PAGES_IN_HAND
    asked = [dm(f"https://example.com/rumour/{i}", user=str(1000 + i)) for i in range(links)]
    runner = media.Inline(bot)
    replies = asyncio.gather(*(media.respond(runner, m, fetch=slow_fetch) for m in asked))
    await asyncio.wait_for(full.wait(), 10)
    for _ in range(20):  # time enough for the others, were they let in
        await asyncio.sleep(0)
    assert len(fetching) == media.PAGES_IN_HAND
    readable.set()
    answered = await replies
    assert len(fetching) == links and all(reply is not None for reply in answered)


def test_reading_links_everywhere_or_nowhere(base: ClaimBase) -> None:
    always = Core(base, Settings(fetch_links="always"))
    reply = always.handle(group("https://example.com/r", addressed=True))
    assert reply is not None and reply.fetch == "https://example.com/r"
    never = Core(base, Settings(fetch_links="off"))
    reply = never.handle(dm("https://example.com/r"))
    assert reply is not None and reply.fetch is None and reply.queue_id is not None


# -- reading pages -----------------------------------------------------------------------------


def page(title: str = "", description: str = "", extra: str = "") -> str:
    return (
        f"<html><head><title>{title}</title>"
        f'<meta property="og:description" content="{description}">{extra}</head>'
        "<body><p>text</p></body></html>"
    )


Route = Callable[[web.Request], Awaitable[web.StreamResponse]]


@pytest.fixture
async def site() -> AsyncIterator[tuple[str, dict[str, Route]]]:
    """A local web site: tests put handlers in the dict, by path."""
    routes: dict[str, Route] = {}

    async def serve(request: web.Request) -> web.StreamResponse:
        handler = routes.get(request.path)
        if handler is None:
            return web.Response(status=404)
        return await handler(request)

    app = web.Application()
    app.router.add_get("/{tail:.*}", serve)
    runner = web.AppRunner(app, shutdown_timeout=0.1)
    await runner.setup()
    server = web.TCPSite(runner, "127.0.0.1", 0)
    await server.start()
    port = runner.addresses[0][1]
    yield f"http://127.0.0.1:{port}", routes
    await runner.cleanup()


def html(body: str) -> Route:
    async def handler(request: web.Request) -> web.StreamResponse:
        return web.Response(text=body, content_type="text/html")

    return handler


def redirect(location: str) -> Route:
    async def handler(request: web.Request) -> web.StreamResponse:
        return web.Response(status=302, headers={"Location": location})

    return handler


@pytest.fixture
def allow_private(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTBOT_FETCH_ALLOW_PRIVATE", "1")


def test_the_page_parser_reads_title_description_canonical_and_claim_reviews() -> None:
    review = {"@context": "https://schema.org", "@type": "ClaimReview", "url": REVIEW}
    found = parse_page(
        "https://x.org/a",
        page(
            "Fallback title",
            "What it says",
            '<meta property="og:title" content="The real title">'
            '<link rel="canonical" href="/canonical">'
            f'<script type="application/ld+json">{json.dumps({"@graph": [review]})}</script>'
            '<script type="application/ld+json">{broken</script>',
        ),
    )
    assert found.title == "The real title" and found.description == "What it says"
    assert found.canonical == "https://x.org/canonical"
    assert [r["url"] for r in found.reviews] == [REVIEW]


@pytest.mark.parametrize(
    ("address", "forbidden"),
    [("127.0.0.1", True), ("10.1.2.3", True), ("192.168.0.1", True), ("169.254.169.254", True),
     ("::1", True), ("fe80::1", True), ("::ffff:127.0.0.1", True), ("0.0.0.0", True),
     ("224.0.0.1", True), ("100.64.0.1", True), ("8.8.8.8", False), ("2606:4700::1111", False)],
)  # fmt: skip
def test_private_and_local_addresses_are_forbidden(address: str, forbidden: bool) -> None:
    assert forbidden_address(address) is forbidden


async def test_a_page_on_a_local_address_is_refused_without_the_setting(
    site: tuple[str, dict[str, Route]],
) -> None:
    root, routes = site
    routes["/a"] = html(page("Hello"))
    with pytest.raises(FetchError, match="private or local"):
        await fetch_page(f"{root}/a")
    with pytest.raises(FetchError, match="private or local"):
        await fetch_page(f"http://localhost:{root.rsplit(':', 1)[1]}/a")


async def test_a_redirect_to_a_local_address_is_refused(
    site: tuple[str, dict[str, Route]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A site on 127.0.0.2 stands for a public one (the check is told so); its redirects to
    127.0.0.1, to localhost and to the metadata address are each checked again, and refused."""
    root, routes = site
    port = root.rsplit(":", 1)[1]
    routes["/secret"] = html(page("internal"))
    public = web.Application()
    targets = {
        "/ip": f"http://127.0.0.1:{port}/secret",
        "/name": f"http://localhost:{port}/secret",
        "/meta": "http://169.254.169.254/latest/meta-data/",
    }

    async def bounce(request: web.Request) -> web.StreamResponse:
        return web.Response(status=302, headers={"Location": targets[request.path]})

    public.router.add_get("/{tail:.*}", bounce)
    runner = web.AppRunner(public, shutdown_timeout=0.1)
    await runner.setup()
    server = web.TCPSite(runner, "127.0.0.2", 0)
    await server.start()
    public_port = runner.addresses[0][1]
    from adapters import fetch

    real = fetch.forbidden_address
    monkeypatch.setattr(fetch, "forbidden_address", lambda a: a != "127.0.0.2" and real(a))
    try:
        for path in targets:
            with pytest.raises(FetchError, match="private or local"):
                await fetch_page(f"http://127.0.0.2:{public_port}{path}", allow_private=False)
    finally:
        await runner.cleanup()


async def test_a_redirect_to_another_scheme_is_refused(
    site: tuple[str, dict[str, Route]], allow_private: None
) -> None:
    root, routes = site
    routes["/file"] = redirect("file:///etc/passwd")
    routes["/ftp"] = redirect("ftp://example.com/x")
    for path in ("/file", "/ftp"):
        with pytest.raises(FetchError, match="only http and https"):
            await fetch_page(f"{root}{path}")


async def test_endless_redirects_stop(
    site: tuple[str, dict[str, Route]], allow_private: None
) -> None:
    root, routes = site
    routes["/loop"] = redirect("/loop")
    with pytest.raises(FetchError, match="too many"):
        await fetch_page(f"{root}/loop")


async def test_a_page_of_50_mb_is_not_read_past_the_cap(
    site: tuple[str, dict[str, Route]], allow_private: None
) -> None:
    root, routes = site
    sent = 0

    async def huge(request: web.Request) -> web.StreamResponse:
        nonlocal sent
        response = web.StreamResponse(headers={"Content-Type": "text/html"})
        await response.prepare(request)
        chunk = b"<p>" + b"x" * 65_533
        try:
            while sent < 50_000_000:
                await response.write(chunk)
                sent += len(chunk)
        except (ConnectionError, RuntimeError):
            pass
        return response

    async def declared(request: web.Request) -> web.StreamResponse:
        return web.Response(
            body=b"x" * 10, headers={"Content-Length": "10"}, content_type="text/html"
        )

    routes["/huge"] = huge
    with pytest.raises(FetchError, match="too large"):
        await fetch_page(f"{root}/huge", max_bytes=2_000_000)
    assert sent < 10_000_000  # the reader hung up long before the end
    routes["/small"] = declared
    with pytest.raises(FetchError, match="too large"):
        await fetch_page(f"{root}/small", max_bytes=5)


async def test_a_server_that_never_answers_times_out(
    site: tuple[str, dict[str, Route]], allow_private: None
) -> None:
    root, routes = site

    async def never(request: web.Request) -> web.StreamResponse:
        await asyncio.sleep(30)
        return web.Response(text="late")

    routes["/never"] = never
    started = asyncio.get_running_loop().time()
    with pytest.raises(FetchError, match="too long"):
        await fetch_page(f"{root}/never", seconds=0.3)
    assert asyncio.get_running_loop().time() - started < 2


async def test_not_a_page_and_errors_are_refused(
    site: tuple[str, dict[str, Route]], allow_private: None
) -> None:
    root, routes = site

    async def image(request: web.Request) -> web.StreamResponse:
        return web.Response(body=b"\x89PNG", content_type="image/png")

    routes["/img"] = image
    with pytest.raises(FetchError, match="not a web page"):
        await fetch_page(f"{root}/img")
    with pytest.raises(FetchError, match="404"):
        await fetch_page(f"{root}/missing")


# -- through the Telegram adapter ----------------------------------------------------------------


@pytest.fixture
async def harness(bot: Core) -> AsyncIterator[Harness]:
    async with telegram_harness(bot) as h:
        yield h


async def test_telegram_a_known_link_is_answered_at_once(harness: Harness) -> None:
    add_claim(harness.core, review_url=REVIEW, appearance=POST)
    [sent] = await harness.feed(message_update(f"{POST}?fbclid=IwAR123"))
    assert sent["text"].startswith("<b>❌ FALSE</b>")
    assert "Drinking hot water cures the coronavirus" in sent["text"]
    assert "where the claim was found" in sent["text"]
    [sent] = await harness.feed(message_update(REVIEW + "/"))
    assert "the fact-check itself" in sent["text"]


async def test_telegram_words_that_link_to_a_page_are_that_link(harness: Harness) -> None:
    """A forwarded post's "read more" links somewhere the text does not show: the link is
    what was shared. Words beside it are checked, the address kept for the fact-checkers."""
    add_claim(harness.core, appearance=POST)
    linked = {"type": "text_link", "offset": 0, "length": 9, "url": POST}
    [sent] = await harness.feed(message_update("Read more", entities=[linked]))
    assert "Drinking hot water cures the coronavirus" in sent["text"]
    assert "where the claim was found" in sent["text"]
    person = {"type": "text_link", "offset": 0, "length": 4, "url": "tg://user?id=42"}
    message = Message.de_json(message_update("John says hi", entities=[person])["message"], None)
    assert with_hidden_links(message, "John says hi") == "John says hi"  # a person, no page
    worded = {"type": "text_link", "offset": 0, "length": 4, "url": "https://example.com/a/1"}
    [sent] = await harness.feed(message_update(PAID_QUESTION, entities=[worded]))
    assert sent["text"].startswith("<b>❌ FALSE</b>")  # the words are the question
    chat = group_chat(-100901)
    linked = {"type": "text_link", "offset": 7, "length": 6, "url": "https://example.com/a/2"}
    [sent] = await harness.feed(
        message_update(
            "/check Source: the moon",
            chat=chat,
            entities=[{"type": "bot_command", "offset": 0, "length": 6}, linked],
        )
    )
    assert "don't open links here" in sent["text"]
    [entry] = harness.core.desk.queue.entries()
    assert entry.text == "Source: the moon\nhttps://example.com/a/2"


async def test_telegram_an_unknown_link_is_read_and_matched_by_its_title(
    harness: Harness, site: tuple[str, dict[str, Route]], allow_private: None
) -> None:
    root, routes = site
    routes["/story"] = html(page(PAID_QUESTION, "A news story"))
    [sent] = await harness.feed(message_update(f"{root}/story"))
    assert sent["text"].startswith("<b>❌ FALSE</b>")
    assert "I read the page" in sent["text"] and PAID_QUESTION in sent["text"]
    assert harness.core.desk.queue.entries() == []


async def test_telegram_a_page_that_is_a_fact_check_is_matched_by_its_review_url(
    harness: Harness, site: tuple[str, dict[str, Route]], allow_private: None
) -> None:
    add_claim(harness.core, review_url=REVIEW)
    root, routes = site
    review = {"@context": "https://schema.org", "@type": "ClaimReview", "url": REVIEW}
    script = f'<script type="application/ld+json">{json.dumps(review)}</script>'
    routes["/copy"] = html(page("Some other title entirely", "", script))
    [sent] = await harness.feed(message_update(f"{root}/copy"))
    assert "Drinking hot water cures the coronavirus" in sent["text"]
    assert "is a fact-check of this claim" in sent["text"]


async def test_telegram_a_link_that_cannot_be_read_is_told_and_queued(
    harness: Harness, site: tuple[str, dict[str, Route]]
) -> None:
    root, routes = site  # no allow setting: the local address is refused
    routes["/x"] = html(page(PAID_QUESTION))
    [sent] = await harness.feed(message_update(f"{root}/x"))
    assert "couldn't read that link" in sent["text"]
    assert "private or local address" in sent["text"]
    [entry] = harness.core.desk.queue.entries()
    assert entry.text == f"{root}/x"


async def test_telegram_a_link_that_cannot_be_read_is_offered_what_its_address_reads(
    harness: Harness, site: tuple[str, dict[str, Route]]
) -> None:
    root, routes = site  # no allow setting: the local address is refused
    routes["/2021/myanmar-protesters-are-paid-terrorists"] = html(page(PAID_QUESTION))
    [sent] = await harness.feed(
        message_update(f"{root}/2021/myanmar-protesters-are-paid-terrorists")
    )
    assert "couldn't read that link" in sent["text"] and "words of its address" in sent["text"]
    assert "myanmar protesters are paid terrorists" in sent["text"]
    assert "not sure which claim you mean" in sent["text"]  # offered, not answered
    assert "directly carry out terrorists attacks work for money" in sent["text"]
    assert harness.core.desk.queue.entries() == []


async def test_telegram_a_page_with_nothing_known_is_queued_with_its_link(
    harness: Harness, site: tuple[str, dict[str, Route]], allow_private: None
) -> None:
    root, routes = site
    routes["/cats"] = html(page("Cats can see in the dark", "Pet facts"))
    [sent] = await harness.feed(message_update(f"{root}/cats"))
    assert "found no fact-check" in sent["text"] and "Cats can see in the dark" in sent["text"]
    [entry] = harness.core.desk.queue.entries()
    assert entry.text.startswith(f"{root}/cats")


async def test_telegram_a_link_in_a_group_is_not_read(
    harness: Harness, site: tuple[str, dict[str, Route]], allow_private: None
) -> None:
    root, routes = site
    hits: list[str] = []

    async def counted(request: web.Request) -> web.StreamResponse:
        hits.append(request.path)
        return web.Response(text=page(PAID_QUESTION), content_type="text/html")

    routes["/g"] = counted
    chat = group_chat(-100900)
    [sent] = await harness.feed(message_update(f"/check {root}/g", chat=chat))
    assert "don't open links here" in sent["text"] and hits == []


def test_add_carries_where_the_claim_appeared_and_export_import_keep_it(
    bot: Core, tmp_path: Any
) -> None:
    from knowledge import claimreview, interchange

    added = bot.handle(
        dm(
            "/add\nclaim: Drinking hot water cures the coronavirus\nverdict: false\n"
            "claimant: A viral post\ndate: 2020-03-14\nsummary: It does not.\n"
            "source: WHO | Myth busters\n"
            f"appearance: A viral post; {POST}\nreview_url: {REVIEW}",
            platform="console",
        )
    )
    assert added is not None and added.kind == ReplyKind.TEXT, added
    [found] = claims_for_link(bot.base, "https://m.facebook.com/someone/posts/12345/")
    claim = bot.base.get(found[0])
    assert claim is not None
    exported = interchange.export_claimreview([claim])
    [review] = list(claimreview.iter_reviews(exported))
    appearances = review["itemReviewed"]["appearance"]
    assert {"@type": "CreativeWork", "url": POST} in appearances
    assert claimreview.review_to_claim(review).appearance == claim.appearance
    # a feed that names the place with its URL beside its name keeps both
    feed = {
        "@type": "ClaimReview",
        "claimReviewed": "Another claim",
        "reviewRating": {"alternateName": "False"},
        "itemReviewed": {"appearance": {"name": "A video", "url": "https://youtu.be/abc"}},
    }
    assert claimreview.review_to_claim(feed).appearance == "A video; https://youtu.be/abc"


async def test_slack_a_link_in_a_direct_message_is_read_and_answered(
    slack_fake: Any, bot: Core, site: tuple[str, dict[str, Route]], allow_private: None
) -> None:
    from tests.fakes.slack_api import message_event
    from tests.test_slack_app import make_app, send_event

    root, routes = site
    routes["/s"] = html(page(PAID_QUESTION))
    await send_event(make_app(slack_fake, bot), message_event(f"<{root}/s>"))
    [post] = slack_fake.calls_to("chat.postMessage")
    assert "FALSE" in json.dumps(post) and "I read the page" in json.dumps(post)


async def test_slack_words_that_link_to_a_page_and_links_typed_bare_are_links(
    slack_fake: Any, bot: Core
) -> None:
    """Slack sends a link typed without https:// as ``<http://host/path|host/path>``, and one
    set on words as ``<address|words>``: both are the link shared."""
    from tests.fakes.slack_api import event_body, message_event
    from tests.test_slack_app import JSON, dispatch, make_app

    add_claim(bot, appearance=POST)
    app = make_app(slack_fake, bot)
    bare = "<http://facebook.com/someone/posts/12345|facebook.com/someone/posts/12345>"
    for number, text in enumerate([bare, f"<{POST}|read this>"]):
        event = message_event(text, ts=f"17000003{number}0.000300")
        response = await dispatch(app, event_body(event, event_id=f"EvLink{number}"), JSON)
        assert response.status == 200
    posts = slack_fake.calls_to("chat.postMessage")
    assert len(posts) == 2
    assert all("Drinking hot water cures the coronavirus" in json.dumps(p) for p in posts)


async def test_console_ask_reads_a_link(
    tmp_path: Any,
    site: tuple[str, dict[str, Route]],
    allow_private: None,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from adapters.cli import main

    root, routes = site
    routes["/c"] = html(page(PAID_QUESTION))
    # the site is served by this test's event loop; factbot ask runs its own, in a thread
    args = ["ask", "--db", str(tmp_path / "c.db"), "--json", f"{root}/c"]
    assert await asyncio.to_thread(main, args) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["decision"] == "answer" and found["matches"][0]["id"] == PAID_ID


def test_link_and_image_checks_are_counted_like_typed_ones(bot: Core) -> None:
    from bot.messages import ImageReading

    seen: list[tuple[str, str]] = []

    class Observer:
        def checked(self, platform: str, decision: str, seconds: float, embedded: bool) -> None:
            assert 0 <= seconds < 5 and not embedded  # words only here
            seen.append((platform, decision))

        def limited(self, platform: str) -> None:
            raise AssertionError("not limited")

    bot.observer = Observer()
    add_claim(bot, review_url=REVIEW)
    bot.handle(dm(REVIEW))
    bot.handle(dm("", image=ImageReading("t:1", text=PAID_QUESTION)))
    bot.handle(group("https://example.com/unknown", addressed=True))
    assert seen == [("telegram", "answer"), ("telegram", "answer"), ("telegram", "none")]
