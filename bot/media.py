"""Links and images as questions.

A message that is only a link is matched by the link (:mod:`knowledge.links`): the review URL
of a fact-check, or where its claim appeared. An unknown link may be read (``fetch_links``):
the core answers with ``Reply.fetch`` set, :func:`respond` reads the page off the core (with
the adapter's ``fetch``, ``adapters/fetch.py``), and :func:`page_reply` matches what the page
says. A photo or image file arrives as ``Incoming.image`` (read by the adapter through
:func:`read_image`, off the event loop): a picture a moderator attached to a fact-check is
answered at once, else the text read from it is checked with the caption. Any other file (a
voice message, a video, a document) arrives as ``Incoming.attachment``: it is not read; its
caption is checked, and the person told plainly (:func:`attachment_reply`).

Every sentence people see from here is in :data:`TEXTS`, one place, for translation.
"""

from __future__ import annotations

import re
import time
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from dataclasses import replace
from typing import TYPE_CHECKING, Protocol, TypeVar

from rapidfuzz import fuzz

from bot.access import Role
from bot.claimform import parse_url
from bot.commands import Command, CommandRegistry, Turn, text_reply
from bot.config import Settings, default_threads
from bot.i18n import N_, _
from bot.language import by_script
from bot.messages import ImageReading, Incoming, Reply, ReplyKind
from bot.texts import clipped
from bot.views import claim_view
from knowledge import links as linklib
from knowledge.images import claims_for_image
from knowledge.matching import Matcher, MatchResult
from knowledge.matching import text as textlib
from knowledge.models import Decision
from knowledge.store import ClaimBase
from knowledge.urls import address_words, with_scheme, without_links

if TYPE_CHECKING:
    # Imported where an event loop runs, and where a page is read: `factbot ask` answers a
    # question that names no link without either (asyncio is some 30-60 ms of its start, the
    # page reader's HTML parser and address checks 10).
    import asyncio

    from bot.pages import Page

T = TypeVar("T")

TEXTS = {
    "link_review": N_("This link is the fact-check itself."),
    "link_appearance": N_("This link is a place where the claim was found by the fact-checkers."),
    "page_review": N_("The page you sent is a fact-check of this claim."),
    "page_read": N_("I read the page's title and description: “{quote}”"),
    "link_unread": N_(
        "I couldn't read that link ({problem}), so I've passed it to the fact-checkers. "
        "Send /notify to be told when it's checked — or send me, in words, what the page "
        "claims, and I'll look it up now."
    ),
    "link_not_fetched": N_(
        "I don't know that link, and I don't open links here, so I've passed it to the "
        "fact-checkers. Send /notify to be told when it's checked — or send me, in words, "
        "what the page claims."
    ),
    "link_address": N_(
        "I don't open links here, so I read only the words of its address: “{quote}”. A page "
        "may say more, or something else, than its address: compare before you rely on one."
    ),
    "link_unread_address": N_(
        "I couldn't read that link ({problem}), so I read only the words of its address: "
        "“{quote}”. A page may say more, or something else, than its address: compare before "
        "you rely on one."
    ),
    "page_none": N_(
        "I read the page (“{quote}”) but found no fact-check for it, so I've passed the link "
        "to the fact-checkers. Send /notify to be told when it's checked."
    ),
    "image_known": N_(
        "I have seen this picture before: the fact-checkers attached it to this check."
    ),
    "image_read": N_("I read this text in the image: “{quote}”"),
    "image_none": N_(
        "I read the text in the image but found no fact-check for it, so I've passed the "
        "image to the fact-checkers. Send /notify to be told when it's checked."
    ),
    "image_empty": N_(
        "I found no text in the image that I could read, so I've passed it to the "
        "fact-checkers. Send /notify to be told when it's checked — or send me, in words, "
        "what it claims."
    ),
    "image_unreadable": N_(
        "I couldn't read that image ({problem}), so I've passed it to the fact-checkers. "
        "Send /notify to be told when it's checked — or send me, in words, what it claims."
    ),
    "image_missing": N_(
        "I can't read images yet, so I've passed this one to the fact-checkers. Send /notify "
        "to be told when it's checked — or send me, in words, what it claims."
    ),
    "caption_only": N_("I can't read the text in images yet: I checked the caption only."),
    "voice_unread": N_(
        "I can't listen to voice messages yet, so I've passed this one to the fact-checkers. "
        "Send /notify to be told when it's checked — or type what it claims, and I'll look "
        "it up now."
    ),
    "audio_unread": N_(
        "I can't listen to audio yet, so I've passed this file to the fact-checkers. Send "
        "/notify to be told when it's checked — or type what it claims, and I'll look it up "
        "now."
    ),
    "video_unread": N_(
        "I can't watch videos yet, so I've passed this one to the fact-checkers. Send /notify "
        "to be told when it's checked — or type what it claims, or send a screenshot of it, "
        "and I'll look it up now."
    ),
    "file_unread": N_(
        "I can't read this kind of file yet (photos and screenshots I can), so I've passed it "
        "to the fact-checkers. Send /notify to be told when it's checked — or paste what it "
        "claims, and I'll look it up now."
    ),
    "attachment_caption": N_("I didn't open the file you sent: I checked the words with it."),
    "image_usage": N_(
        "Reply to a photo with /image <id>, or send the photo with /image <id> as its caption."
    ),
    "image_added": N_(
        "Image attached to {claim_id}: a re-share of it will be answered with this "
        "fact-check. /undo reverts it."
    ),
    "image_damaged": N_("I couldn't read that image ({problem})."),
    "image_had": N_("{claim_id} already has that image."),
    "image_no_hash": N_("I can't keep images here: install factbot[images]."),
    "appeared_usage": N_("Use /appeared <id> <URL where the claim appeared>."),
    "appeared_added": N_(
        "{claim_id}: the link is recorded as a place the claim appeared. /undo reverts it."
    ),
    "appeared_had": N_("{claim_id} already knows that link."),
}
MAX_LINKS = 3
MAX_QUOTE = 300


class Answering(Protocol):
    """The core as links and images use it (:class:`bot.core.Core` is one)."""

    @property
    def base(self) -> ClaimBase: ...

    @property
    def settings(self) -> Settings: ...

    @property
    def matcher(self) -> Matcher: ...

    def handle(self, msg: Incoming) -> Reply | None:
        """The reply to a message (``bot.core``)."""
        ...

    def decided_by_words(self, msg: Incoming) -> bool:
        """Whether the message is a question whose check reads no embedding model."""
        ...

    def reply_for(self, result: MatchResult) -> Reply:
        """The reply to a question, from what matching decided."""
        ...

    def record(self, msg: Incoming, reply: Reply, started: float | None = None) -> Reply:
        """Log the answer and queue what had none; a check's time told to the metrics."""
        ...


# -- links ------------------------------------------------------------------------------------


def may_fetch(settings: Settings, msg: Incoming) -> bool:
    return settings.fetch_links == "always" or (settings.fetch_links == "private" and msg.is_direct)


def link_reply(core: Answering, msg: Incoming, text: str, links: list[str]) -> Reply:
    """A message that is only links, or whose words find nothing beside them (``links``, as
    :func:`knowledge.urls.find_links` reads them): a fact-check that knows one, else ask the
    adapter to read the first (``Reply.fetch``), else queue the links unread."""
    _begin()
    for link in links[:MAX_LINKS]:
        reply = _known_link(core, msg, link, text)
        if reply is not None:
            return reply
    if may_fetch(core.settings, msg):
        return Reply(ReplyKind.NONE, query=text, fetch=with_scheme(links[0]) or links[0])
    offered = _address_reply(core, msg, text, links[0], None)
    if offered is not None:
        return offered
    return _queued(core, msg, text, _(TEXTS["link_not_fetched"]))


def _address_reply(
    core: Answering, msg: Incoming, text: str, link: str, problem: str | None
) -> Reply | None:
    """A link not opened (``link``, the first in ``text``), or that could not be read (why:
    ``problem``): the words its address writes (:func:`knowledge.urls.address_words`,
    "…/min-aung-hlaing-election-fraud"), with the message's own beside it, may find checks to
    offer, never one to answer: an address is no page. None where they find nothing."""
    words = address_words(link)
    if not words:
        return None
    result = core.matcher.match(f"{without_links(text).strip()} {words}".strip())
    if result.decision == Decision.NONE or not result.matches:
        return None
    if result.decision == Decision.ANSWER:
        result = replace(result, decision=Decision.SUGGEST)
    quote = clipped(words, MAX_QUOTE)
    if problem is None:
        note = _(TEXTS["link_address"]).format(quote=quote)
    else:
        note = _(TEXTS["link_unread_address"]).format(problem=problem, quote=quote)
    reply = core.reply_for(result)
    return _record(core, msg, replace(reply, query=text[:1000], notes=(note, *reply.notes)))


def _known_link(core: Answering, msg: Incoming, link: str, query: str) -> Reply | None:
    found = linklib.claims_for_link(core.base, link)
    if not found:
        return None
    claim_id, kind = found[0]
    claim = core.base.get(claim_id)
    if claim is None:
        return None
    note = _(TEXTS["link_review"]) if kind == "review" else _(TEXTS["link_appearance"])
    reply = Reply(
        ReplyKind.ANSWER,
        query=query,
        decision=Decision.ANSWER,
        matches=(claim_view(claim, None),),
        notes=(note,),
    )
    return _record(core, msg, reply)


_started: ContextVar[float] = ContextVar("media_check_started", default=0.0)


def _begin() -> None:
    """A link or image check starts: for the check's time in the metrics."""
    _started.set(time.perf_counter())


def _record(core: Answering, msg: Incoming, reply: Reply) -> Reply:
    """Logged (answers log, queue), and the check told to the metrics like a typed one."""
    return core.record(msg, reply, _started.get() or time.perf_counter())


def _queued(core: Answering, msg: Incoming, query: str, text: str) -> Reply:
    reply = Reply(ReplyKind.NONE, text, query=query[:1000], decision=Decision.NONE)
    return _record(core, msg, reply)


def page_reply(
    core: Answering, msg: Incoming, link: str, page: Page | None, problem: str | None
) -> Reply:
    """The answer for a link once read (``page``), or could not be read (``problem``)."""
    _begin()
    if page is None:
        problem = problem or "unknown"
        offered = _address_reply(core, msg, link, link, problem)
        if offered is not None:
            return offered
        return _queued(core, msg, link, _(TEXTS["link_unread"]).format(problem=problem))
    addresses = [page.url, page.canonical, *(_review_url(r) for r in page.reviews)]
    for address in addresses:
        if address and address != link:
            known = _known_link(core, msg, address, link)
            if known is not None:
                return replace(known, notes=(_(TEXTS["page_review"]),))
    for review in page.reviews:
        claimed = review.get("claimReviewed")
        if isinstance(claimed, str) and claimed.strip():
            result = core.matcher.match(claimed[:2000])
            if result.decision == Decision.ANSWER:
                reply = core.reply_for(result)
                reply = replace(reply, query=link, notes=(_(TEXTS["page_review"]), *reply.notes))
                return _record(core, msg, reply)
    said = " — ".join(p for p in (page.title, page.description) if p)
    if not said:
        return _queued(core, msg, link, _(TEXTS["link_unread"]).format(problem="it has no title"))
    quote = clipped(said, MAX_QUOTE)
    result = core.matcher.match(said[:2000])
    if result.decision == Decision.NONE:
        none = _(TEXTS["page_none"]).format(quote=quote)
        return _queued(core, msg, f"{link} {page.title or ''}", none)
    reply = core.reply_for(result)
    note = _(TEXTS["page_read"]).format(quote=quote)
    reply = replace(reply, query=link, notes=(note, *reply.notes))
    return _record(core, msg, reply)


def _review_url(review: object) -> str | None:
    url = review.get("url") if isinstance(review, dict) else None
    return url if isinstance(url, str) else None


# -- images ------------------------------------------------------------------------------------


def image_reply(core: Answering, msg: Incoming, caption: str) -> Reply:
    """A photo or image file, with its caption (maybe empty)."""
    _begin()

    image = msg.image
    assert image is not None
    caption = caption.strip()
    queued_as = f"[image {image.ref}] {caption}".strip()
    known = claims_for_image(core.base, image.hashes, core.settings.image_hash_distance)
    if known:
        claim = core.base.get(known[0][0])
        if claim is not None:
            reply = Reply(
                ReplyKind.ANSWER,
                query=queued_as,
                decision=Decision.ANSWER,
                matches=(claim_view(claim, None),),
                notes=(_(TEXTS["image_known"]),),
            )
            return _record(core, msg, reply)
    text = (image.text or "").strip()
    if not text:
        note = _(TEXTS["caption_only"]) if image.ocr_missing else None
        captioned = _caption_reply(core, msg, caption, note)
        if captioned is not None:
            return captioned
        if image.ocr_missing:
            return _queued(core, msg, queued_as, _(TEXTS["image_missing"]))
        if image.problem:
            message = _(TEXTS["image_unreadable"]).format(problem=image.problem)
            return _queued(core, msg, queued_as, message)
        return _queued(core, msg, queued_as, _(TEXTS["image_empty"]))
    question = f"{caption}\n{text}" if caption else text
    result = core.matcher.match(question[:4000])
    if result.decision == Decision.ANSWER and not caption:
        result = _confirmed(core, [p for p in text.split("\n\n") if p.strip()], result)
    if result.decision != Decision.ANSWER:
        better = _best_window(core, text)  # a part, which is no more than it says
        if better is not None:
            result = better
    if result.decision == Decision.NONE:
        return _queued(core, msg, f"{queued_as} {text[:600]}", _(TEXTS["image_none"]))
    reply = core.reply_for(result)
    quote = _quote(core, text, reply)
    note = _(TEXTS["image_read"]).format(quote=quote)
    return _record(core, msg, replace(reply, query=question[:1000], notes=(note, *reply.notes)))


def attachment_reply(core: Answering, msg: Incoming, caption: str) -> Reply:
    """A voice message, audio, a video or another file but an image, which the bot does not
    read: the words sent with it are checked as a question (the reply says the file was not
    opened); where there are none, or they find no fact-check, the person is told so plainly,
    and the file is queued for the fact-checkers with those words."""
    _begin()
    attachment = msg.attachment
    assert attachment is not None
    caption = caption.strip()
    captioned = _caption_reply(core, msg, caption, _(TEXTS["attachment_caption"]))
    if captioned is not None:
        return captioned
    queued_as = f"[{attachment.kind} {attachment.ref}] {caption}".strip()
    return _queued(core, msg, queued_as, _(TEXTS[f"{attachment.kind}_unread"]))


def _caption_reply(core: Answering, msg: Incoming, caption: str, note: str | None) -> Reply | None:
    """The reply to the words sent with a file whose content is not checked (an image with
    no text read, a voice message, a video), with ``note`` saying so; None where they find
    no fact-check, or there are none."""
    if not caption:
        return None
    result = core.matcher.match(caption[:4000])
    if result.decision == Decision.NONE:
        return None
    reply = core.reply_for(result)
    if note is not None:
        reply = replace(reply, notes=(*reply.notes, note))
    return _record(core, msg, reply)


# What ends a sentence, in the scripts the bot reads: a full stop, or a question or
# statement's last particle where Burmese and Chinese often put none (လား, လဲ, တယ်, ဘူး; 吗, 呢,
# 吧): grammar, as the stop words are.
_SENTENCE_END = re.compile(r"(?:[.!?…。！？။]|လား|လဲ|နည်း|တယ်|သည်|ဘူး|မယ်|ပြီ|ပါ|吗|呢|吧)['\"’”»)\]]*$")


def _other_script(line: str, after: str) -> bool:
    """Whether the line ``after`` is written in another script than ``line`` (each in one
    script: :func:`bot.language.by_script`)."""
    ours, theirs = by_script(line), by_script(after)
    return ours is not None and theirs is not None and ours != theirs


def _open(line: str) -> bool:
    """Whether a line ends on a word no sentence ends on (a preposition, article or
    conjunction: "…elections in", "…на выборах в"): the next line goes on with it, even where
    it starts with a capital, as a name does ("Беларуси?")."""
    words = textlib.normalise(line).split()
    return bool(words) and words[-1] in textlib.NOT_CONTENT


def _windows(text: str, most: int = 12) -> list[str]:
    """A screenshot's parts: runs of one to three of its pieces, where a piece is a line, or
    the lines of a paragraph a sentence runs over: a line that ends no sentence goes with the
    next, unless that one starts with a capital (a new sentence, or a post under its
    author's name) or is in another script (a header over Burmese text), and the line does
    not end on a preposition, article or conjunction (:func:`_open`). A part never starts
    or ends inside a wrapped sentence: "…says the Bangladesh / protests only started because
    the election was rigged" is one piece, never its second line alone. Pieces of three
    characters or fewer ("eC", a stray mark) are none."""
    return [" ".join(run) for run in _part_runs(text, most)]


def _part_runs(text: str, most: int = 12) -> list[list[str]]:
    """The pieces of each of :func:`_windows`'s parts, in its order."""
    runs = {" ".join(run): run for run in _runs(_pieces(text))}
    return list(runs.values())[:most]


def _pieces(text: str) -> list[str]:
    """A screenshot's pieces (:func:`_windows`): its lines, or a paragraph's lines a sentence
    runs over, in order."""
    pieces: list[str] = []
    for paragraph in text.split("\n\n"):
        lines = [line.strip() for line in paragraph.splitlines() if line.strip()]
        run: list[str] = []
        for line, after in zip(lines, [*lines[1:], ""], strict=True):
            run.append(line)
            if (
                not after
                or _SENTENCE_END.search(line)
                or ((after[0].isupper() or _other_script(line, after)) and not _open(line))
            ):
                pieces.append(" ".join(run))
                run = []
    pieces = [piece for piece in pieces if len(piece) > 3]
    return pieces


def _runs(pieces: list[str]) -> list[list[str]]:
    """Runs of three, two and one of the ``pieces``, in that order."""
    return [
        pieces[start : start + size]
        for size in (3, 2, 1)
        for start in range(len(pieces) - size + 1)
    ]


def _best_window(core: Answering, text: str) -> MatchResult | None:
    """A part of the text that is answered where the whole is not (other posts in the same
    screenshot drown the claim), and stands without the pieces around it that share nothing
    with the claim (:func:`_confirmed`)."""
    best = None
    for run in _part_runs(text):
        result = core.matcher.match(" ".join(run))
        if result.decision == Decision.ANSWER and (
            best is None or result.matches[0].score > best.matches[0].score
        ):
            result = _confirmed(core, run, result)
            if result.decision == Decision.ANSWER:
                best = result
    return best


def _confirmed(core: Answering, parts: list[str], answer: MatchResult) -> MatchResult:
    """An answer to a screenshot's ``parts`` (its paragraphs, or a run of its pieces), kept
    where what says the claim, the parts that share something with the answering wording
    (its content words, or in Chinese and Burmese its characters), is answered with the same
    claim alone; else that text's decision. What surrounds a post in a screenshot (the
    phone's status bar, "Posts", "Shared · 3 h") makes its text long, and a long post's names
    beside the claim's place decide nothing: "Putin told Sputnik that Myanmar's protests
    escalated…" under such a header was answered, typed alone it is offered."""
    best = answer.matches[0]
    wanted = _units(best.matched_text)
    kept = [part for part in parts if wanted & _units(part)]
    if not kept or len(kept) == len(parts):
        return answer
    alone = core.matcher.match("\n\n".join(kept))
    if alone.decision == Decision.ANSWER and alone.matches[0].claim_id == best.claim_id:
        return answer
    return alone


def _units(text: str) -> set[str]:
    """What a text is compared by: its content words, or in a script written without spaces
    (Chinese, Burmese) its characters."""
    normalised = textlib.normalise(text)
    if textlib.has_unspaced_script(normalised):
        return set(normalised.replace(" ", ""))
    return set(textlib.content_words(normalised))


def _quote(core: Answering, text: str, reply: Reply) -> str:
    """The part of the read text closest to the fact-check that answered it."""
    if not reply.matches:
        return clipped(text, MAX_QUOTE)
    claim = core.base.get(reply.matches[0].id)
    phrasings = [reply.matches[0].claim, *((a.text for a in claim.aliases) if claim else ())]
    candidates = _windows(text, most=40) or [text]
    best = max(
        candidates,
        key=lambda window: (
            max(fuzz.token_set_ratio(window.casefold(), p.casefold()) for p in phrasings),
            -len(window),
        ),
    )
    return clipped(best, MAX_QUOTE)


# -- off the core: reading pages and images ------------------------------------------------------


class Runner(Protocol):
    """Where the core's calls run (``bot.runner.CoreRunner``)."""

    @property
    def core(self) -> Answering: ...

    def call(
        self, work: Callable[[Answering], T], quick: Callable[[Answering], bool] | None = None
    ) -> Awaitable[T]: ...


async def read_image(
    data: bytes, ref: str, settings: Settings, *, ocr: bool = True
) -> ImageReading:
    """:func:`bot.images.read_image` in a worker thread: OCR never holds the event loop, and
    at most one image per core is read at once (the rest wait their turn)."""
    import asyncio

    from bot.images import read_image as read

    async with _per_loop(_reading, default_threads()):
        return await asyncio.to_thread(read, data, ref, settings, ocr=ocr)


# Images downloaded or being read at once. Each holds up to ``image_max_bytes`` (10 MB by
# default) in memory until it is read: a flood of pictures (Telegram hands the bot 512 updates
# at once, Slack any number of events) holds at most this many; the rest wait before they are
# downloaded. Reading (OCR) is the narrower step anyway: one image per core.
IMAGES_IN_HAND = 16
# Web pages being read at once, for the same reason (up to ``fetch_max_bytes``, 2 MB, each).
PAGES_IN_HAND = 16


def images_in_hand() -> asyncio.Semaphore:
    """Held from before an image is downloaded until it has been read (:data:`IMAGES_IN_HAND`
    at once on this event loop)."""
    return _per_loop(_in_hand, IMAGES_IN_HAND)


_reading: dict[asyncio.AbstractEventLoop, asyncio.Semaphore] = {}
_in_hand: dict[asyncio.AbstractEventLoop, asyncio.Semaphore] = {}
_pages: dict[asyncio.AbstractEventLoop, asyncio.Semaphore] = {}


def _per_loop(
    slots: dict[asyncio.AbstractEventLoop, asyncio.Semaphore], size: int
) -> asyncio.Semaphore:
    """The running event loop's semaphore of ``slots`` (made with ``size`` places); those of
    closed loops are dropped."""
    import asyncio

    loop = asyncio.get_running_loop()
    if loop not in slots:
        for old in [known for known in slots if known.is_closed()]:
            del slots[old]
        slots[loop] = asyncio.Semaphore(size)
    return slots[loop]


Fetch = Callable[..., Awaitable["Page"]]


async def respond(runner: Runner, msg: Incoming, *, fetch: Fetch | None = None) -> Reply | None:
    """The core's reply to a message, reading the page with ``fetch`` (the adapter's:
    ``adapters.fetch.fetch_page``) first when it asks for one. Without ``fetch`` the link
    is said to be unreadable here, and queued."""
    reply = await runner.call(
        lambda core: core.handle(msg), quick=lambda core: core.decided_by_words(msg)
    )
    if reply is None or reply.fetch is None:
        return reply
    return await _with_page(runner, msg, reply.fetch, fetch)


async def _with_page(runner: Runner, msg: Incoming, link: str, fetch: Fetch | None) -> Reply:
    """The reply to a message the core answers from the page at ``link``: read with
    ``fetch``, or said to be unreadable."""
    from bot.pages import FetchError

    settings = runner.core.settings
    page: Page | None = None
    problem: str | None = None
    async with _per_loop(_pages, PAGES_IN_HAND):  # a flood of links: a few pages at a time
        try:
            if fetch is None:
                raise FetchError("links are not read here")
            page = await fetch(
                link, seconds=settings.fetch_timeout_seconds, max_bytes=settings.fetch_max_bytes
            )
        except FetchError as error:
            problem = str(error)
        return await runner.call(lambda core: page_reply(core, msg, link, page, problem))


class Inline:
    """A :class:`Runner` that runs the core's calls here, on the caller's thread."""

    def __init__(self, core: Answering) -> None:
        self.core = core

    async def call(
        self, work: Callable[[Answering], T], quick: Callable[[Answering], bool] | None = None
    ) -> T:
        return work(self.core)


def respond_now(core: Answering, msg: Incoming, fetch: Fetch | None = None) -> Reply | None:
    """:func:`respond` for callers without an event loop (the console, ``factbot ask``): an
    event loop only where a page is read."""
    reply = core.handle(msg)
    if reply is None or reply.fetch is None:
        return reply
    import asyncio

    return asyncio.run(_with_page(Inline(core), msg, reply.fetch, fetch))


# -- moderators' commands --------------------------------------------------------------------------


def _appeared(turn: Turn, args: str) -> Reply:
    claim_id, _space, url = args.strip().partition(" ")
    if not claim_id or not url.strip():
        return Reply(ReplyKind.REFUSAL, _(TEXTS["appeared_usage"]))
    url = parse_url(url.strip())
    if not turn.desk.claims.add_appearance(claim_id, url, turn.actor):
        return text_reply(_(TEXTS["appeared_had"]).format(claim_id=claim_id))
    return text_reply(_(TEXTS["appeared_added"]).format(claim_id=claim_id))


def _image(turn: Turn, args: str) -> Reply:
    msg = turn.msg
    claim_id = args.split()[0] if args.split() else ""
    if not claim_id or msg.image is None:
        return Reply(ReplyKind.REFUSAL, _(TEXTS["image_usage"]))
    if not msg.image.hashes:
        problem = msg.image.problem
        if problem:
            return Reply(ReplyKind.REFUSAL, _(TEXTS["image_damaged"]).format(problem=problem))
        return Reply(ReplyKind.REFUSAL, _(TEXTS["image_no_hash"]))
    added = turn.desk.claims.add_image(claim_id, msg.image.hashes, turn.actor, ref=msg.image.ref)
    key = "image_added" if added else "image_had"
    return text_reply(TEXTS[key].format(claim_id=claim_id))


def register_media_commands(registry: CommandRegistry) -> None:
    registry.add(
        Command(
            "appeared",
            "/appeared <id> <URL>",
            "Record a link where a fact-checked claim appeared (a link to it is then answered).",
            _appeared,
            Role.MODERATOR,
            bare_args=r"\S+\s+\S+",
        )
    )
    registry.add(
        Command(
            "image",
            "/image <id>",
            "Reply to a photo: attach it to a fact-check (a re-share is then answered).",
            _image,
            Role.MODERATOR,
            bare_args=r"\S+",
        )
    )
