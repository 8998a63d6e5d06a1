"""Render the core's structured replies as Telegram HTML messages.

Every piece of dynamic text (the user's words, claim text, names, titles) goes through
:func:`esc`, which also drops what Telegram cannot take (control characters, lone surrogates);
text inside a tag is kept on one line, so every line is balanced HTML. Link targets are kept
only when they are http(s) URLs. Messages longer than Telegram's limit (4,096 UTF-16 code
units) are split at paragraph boundaries, then lines, then words, never inside a tag.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterable, Sequence

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    LinkPreviewOptions,
)
from telegram.constants import MessageLimit, ParseMode

from bot import present
from bot.i18n import N_, _, use_language
from bot.messages import ClaimView, Reply, ReplyKind

MAX_MESSAGE = MessageLimit.MAX_TEXT_LENGTH  # 4096
MAX_PARTS = 3  # messages per reply at most: a longer text is shortened, not a flood
SHORTENED = N_("… shortened: the rest is too long for a chat.")
MAX_INLINE_RESULTS = 5
MAX_CALLBACK_DATA = 64  # bytes, a Bot API limit
SHOW_PREFIX = "show:"  # callback data of a suggestion button: show:<claim id>
FEEDBACK_PREFIX = "fb:"  # fb:<answer id>:1 (helpful) or :0
NOTIFY_PREFIX = "notify:"  # notify:<queue id>
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)

_TAG = re.compile(r"<[^>]*>")
# C0 controls but tab and newline, DEL, C1 controls, and lone surrogates (not encodable)
_UNSENDABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_HTTP_URL = re.compile(r"https?://\S+", re.IGNORECASE)


def clean(text: str) -> str:
    """``text`` without the characters Telegram cannot take.

    Cut first to what a reply can show at most, so a huge field costs no more than that.
    """
    return _UNSENDABLE.sub("", text[: MAX_PARTS * MAX_MESSAGE])


def esc(text: str) -> str:
    """Escape text for Telegram's HTML parse mode (``<``, ``>`` and ``&``)."""
    return html.escape(clean(text), quote=False)


def one_line(text: str) -> str:
    """Escaped text on a single line, for use inside a tag."""
    return esc(" ".join(clean(text).split()))


def link(url: str | None, label: str) -> str:
    """An ``<a>`` tag for http(s) URLs; other schemes are shown as plain text."""
    if url and _HTTP_URL.fullmatch(clean(url)):
        return f'<a href="{html.escape(clean(url), quote=True)}">{one_line(label)}</a>'
    return one_line(label)


def shorten(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters at a word boundary, with an ellipsis."""
    text = " ".join(clean(text).split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.") + "…"


def card_paragraphs(view: ClaimView) -> list[str]:
    """A verdict card: verdict first, then the claim, who said it and when, summary, sources."""
    head = f"<b>{one_line(present.verdict_label(view))}</b>"
    rated = present.rating_note(view)
    if rated:
        by = _("{rated} by {publisher}").format(rated=rated, publisher=view.publisher or "")
        head += " · " + one_line(by if view.publisher else rated)
    claim_label = esc(_("Claim:"))
    claim_lines = [head, f"<b>{claim_label}</b> <i>{one_line(view.claim)}</i>"]
    said = present.attribution(view)
    if said:
        claim_lines.append(f"— {one_line(said)}")
    paragraphs = ["\n".join(claim_lines)]
    paragraphs.extend(esc(p) for p in _plain_paragraphs(view.summary))

    source_lines = []
    for source in view.sources:
        line = "• " + link(source.url, source.title or source.publisher)
        extra = [source.publisher] if source.title else []
        if when := present.human_date(source.date):
            extra.append(when)
        if extra:
            line += " — " + one_line(", ".join(extra))
        source_lines.append(line)
    if view.review_url or view.publisher:
        review = esc(_("Fact-check:")) + " "
        review += link(view.review_url, view.publisher or _("full article"))
        if when := present.human_date(view.review_date):
            review += one_line(f", {when}")
        source_lines.append(review)
    if source_lines:
        paragraphs.append("<b>" + esc(_("Sources")) + "</b>\n" + "\n".join(source_lines))
    return paragraphs


def render_card(view: ClaimView, parts: int = MAX_PARTS) -> list[str]:
    """One claim's verdict card as at most ``parts`` Telegram messages (usually one)."""
    return limit_parts(split_message(card_paragraphs(view)), parts)


# -- replies -----------------------------------------------------------------------------------


def render_reply(reply: Reply) -> list[str]:
    """The messages to send for ``reply``, each at most 4,096 characters of HTML, in the
    reply's language."""
    with use_language(reply.language):
        return _render_reply(reply)


def _render_reply(reply: Reply) -> list[str]:
    paragraphs: list[str] = []
    if reply.kind is ReplyKind.ANSWER and reply.matches:
        best = reply.matches[0]
        paragraphs.extend(card_paragraphs(best))
        paragraphs.extend(esc(p) for p in _plain_paragraphs(reply.text))
        if best.matched:
            match = _("Match: {closeness}").format(closeness=present.confidence(best))
            paragraphs.append(f"<i>{one_line(match)}</i>")
    elif reply.kind is ReplyKind.SUGGEST and reply.matches:
        intro = reply.text or _(
            "These fact-checks may be what you mean. Tap one to see it in full."
        )
        paragraphs.extend(esc(p) for p in _plain_paragraphs(intro))
        paragraphs.append(
            "\n".join(
                f"{n}. <b>{one_line(present.verdict_label(view))}</b>: {one_line(view.claim)}"
                for n, view in enumerate(reply.matches, 1)
            )
        )
    else:
        paragraphs.extend(esc(p) for p in _plain_paragraphs(reply.text))
    for note in reply.notes:
        paragraphs.extend(
            "\n".join(f"<i>{one_line(line)}</i>" for line in p.splitlines() if line.strip())
            for p in _plain_paragraphs(note)
        )
    return limit_parts(split_message(paragraphs))


def limit_parts(messages: list[str], parts: int = MAX_PARTS) -> list[str]:
    """At most ``parts`` messages; the last one says the text was shortened."""
    if len(messages) <= parts:
        return messages
    shortened = f"<i>{esc(_(SHORTENED))}</i>"
    room = MAX_MESSAGE - size(shortened) - 2
    last = split_message([messages[parts - 1]], room)[0]
    return [*messages[: parts - 1], f"{last}\n\n{shortened}"]


def reply_keyboard(reply: Reply) -> InlineKeyboardMarkup | None:
    """The buttons under a reply.

    - ``suggest``: one button per candidate (``show:<claim id>``), and "None of these";
    - ``answer``: "did this answer your question?" (``fb:<answer id>:1`` / ``:0``);
    - a reply with a queued question: "Tell me when it's checked" (``notify:<queue id>``).

    The core sets ``answer_id`` only on answers to someone's question (not on watch-mode
    corrections or notifications), so only those ask for feedback. Labels are in the reply's
    language.
    """
    with use_language(reply.language):
        return _reply_keyboard(reply)


def _reply_keyboard(reply: Reply) -> InlineKeyboardMarkup | None:
    rows: list[list[InlineKeyboardButton]] = []
    if reply.kind is ReplyKind.SUGGEST:
        for n, view in enumerate(reply.matches, 1):
            data = SHOW_PREFIX + view.id
            if len(data.encode(errors="replace")) > MAX_CALLBACK_DATA or clean(data) != data:
                continue  # cannot be addressed by a button; the list in the text still shows it
            label = shorten(f"{n}. {present.verdict_label(view)}: {view.claim}", 60)
            rows.append([InlineKeyboardButton(label, callback_data=data)])
        if reply.answer_id is not None and rows:
            rows.append([_button(_("None of these"), f"{FEEDBACK_PREFIX}{reply.answer_id}:0")])
    elif reply.kind is ReplyKind.ANSWER and reply.answer_id is not None:
        rows.append(
            [
                _button(_("👍 That answers it"), f"{FEEDBACK_PREFIX}{reply.answer_id}:1"),
                _button(_("👎 Not what I asked"), f"{FEEDBACK_PREFIX}{reply.answer_id}:0"),
            ]
        )
    if reply.queue_id is not None:
        notify = _("🔔 Tell me when it's checked")
        rows.append([_button(notify, f"{NOTIFY_PREFIX}{reply.queue_id}")])
    return InlineKeyboardMarkup(rows) if rows else None


def _button(label: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(label, callback_data=data)


def inline_results(views: Iterable[ClaimView]) -> list[InlineQueryResultArticle]:
    """Inline-mode results: picking one sends that claim's verdict card."""
    results = []
    for view in list(views)[:MAX_INLINE_RESULTS]:
        results.append(
            InlineQueryResultArticle(
                id=_result_id(view.id),
                title=shorten(f"{present.verdict_label(view)}: {view.claim}", 100),
                description=shorten(view.summary, 150),
                input_message_content=InputTextMessageContent(
                    render_card(view, parts=1)[0],
                    parse_mode=ParseMode.HTML,
                    link_preview_options=NO_PREVIEW,
                ),
            )
        )
    return results


def _result_id(claim_id: str) -> str:
    """An inline result id: the claim id, or a digest of it when too long (1-64 bytes)."""
    if 0 < len(claim_id.encode(errors="replace")) <= 64 and clean(claim_id) == claim_id:
        return claim_id
    return hashlib.sha1(claim_id.encode(errors="replace")).hexdigest()


# -- splitting ---------------------------------------------------------------------------------


def _plain_paragraphs(text: str) -> list[str]:
    """Plain text in paragraphs (blank-line separated), without blank ones."""
    return [p.strip("\n") for p in re.split(r"\n\s*\n", clean(text)) if p.strip()]


def size(text: str) -> int:
    """Length as Telegram counts it: UTF-16 code units."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def split_message(paragraphs: Sequence[str], limit: int = MAX_MESSAGE) -> list[str]:
    """Pack HTML paragraphs into messages of at most ``limit`` characters.

    Each paragraph and each of its lines must be balanced HTML (tags closed on the same line),
    which is how this module builds them. Messages break between paragraphs; a paragraph too
    long for one message breaks between lines, and a line too long breaks between words
    (losing its formatting, never producing a broken tag or entity).
    """
    units: list[tuple[str, str]] = []  # (separator before, html)
    for paragraph in paragraphs:
        separator = "\n\n"
        for line in paragraph.split("\n") if size(paragraph) > limit else [paragraph]:
            if not line:
                continue
            pieces = [line] if size(line) <= limit else _split_line(line, limit)
            for piece in pieces:
                units.append((separator, piece))
                separator = "\n"
    messages: list[str] = []
    current: list[str] = []
    current_size = 0
    for separator, piece in units:
        piece_size = size(piece)
        if current and current_size + len(separator) + piece_size <= limit:
            current += [separator, piece]
            current_size += len(separator) + piece_size
        else:
            if current:
                messages.append("".join(current))
            current, current_size = [piece], piece_size
    if current:
        messages.append("".join(current))
    return messages


def _split_line(line: str, limit: int) -> list[str]:
    """Split one over-long HTML line into escaped plain-text pieces of at most ``limit``."""
    text = html.unescape(_TAG.sub("", line))
    pieces: list[str] = []
    current: list[str] = []
    current_size = 0
    for word in re.findall(r"\S+\s*", text):
        # an enormous word is cut; escaping makes a character at most 5 units ("&amp;")
        for start in range(0, len(word), limit // 5):
            chunk = esc(word[start : start + limit // 5])
            chunk_size = size(chunk)
            if current and current_size + chunk_size > limit:
                pieces.append("".join(current))
                current, current_size = [], 0
            current.append(chunk)
            current_size += chunk_size
    if current:
        pieces.append("".join(current))
    return [piece.strip() for piece in pieces if piece.strip()]
