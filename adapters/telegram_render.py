"""Render the core's structured replies as Telegram HTML messages.

Every piece of dynamic text (the user's words, claim text, names, titles) goes through
:func:`esc`; link targets are kept only when they are http(s) URLs. Messages longer than
Telegram's limit are split at paragraph boundaries (then lines, then words), never inside a tag.
"""

from __future__ import annotations

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
from bot.messages import ClaimView, Reply, ReplyKind

MAX_MESSAGE = MessageLimit.MAX_TEXT_LENGTH  # 4096
MAX_INLINE_RESULTS = 5
MAX_CALLBACK_DATA = 64  # bytes, a Bot API limit
SHOW_PREFIX = "show:"  # callback data of a suggestion button: show:<claim id>
FEEDBACK_PREFIX = "fb:"  # fb:<answer id>:1 (helpful) or :0
NOTIFY_PREFIX = "notify:"  # notify:<queue id>
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)

_TAG = re.compile(r"<[^>]*>")


def esc(text: str) -> str:
    """Escape text for Telegram's HTML parse mode (``<``, ``>`` and ``&``)."""
    return html.escape(text, quote=False)


def link(url: str | None, label: str) -> str:
    """An ``<a>`` tag for http(s) URLs; other schemes are shown as plain text."""
    if url and url.lower().startswith(("http://", "https://")):
        return f'<a href="{html.escape(url, quote=True)}">{esc(label)}</a>'
    return esc(label)


def shorten(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters at a word boundary, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.") + "…"


def card_paragraphs(view: ClaimView) -> list[str]:
    """A verdict card: verdict first, then the claim, who said it and when, summary, sources."""
    head = f"<b>{esc(present.verdict_label(view))}</b>"
    rated = present.rating_note(view)
    if rated:
        head += " · " + esc(f"{rated} by {view.publisher}" if view.publisher else rated)
    claim_lines = [head, f"<b>Claim:</b> <i>{esc(view.claim)}</i>"]
    said = present.attribution(view)
    if said:
        claim_lines.append(f"— {esc(said)}")
    paragraphs = ["\n".join(claim_lines)]
    paragraphs.extend(esc(p) for p in _plain_paragraphs(view.summary))

    source_lines = []
    for source in view.sources:
        line = "• " + link(source.url, source.title or source.publisher)
        extra = [source.publisher] if source.title else []
        if when := present.human_date(source.date):
            extra.append(when)
        if extra:
            line += esc(" — " + ", ".join(extra))
        source_lines.append(line)
    if view.review_url or view.publisher:
        review = "Fact-check: " + link(view.review_url, view.publisher or "full article")
        if when := present.human_date(view.review_date):
            review += esc(f", {when}")
        source_lines.append(review)
    if source_lines:
        paragraphs.append("<b>Sources</b>\n" + "\n".join(source_lines))
    return paragraphs


def render_card(view: ClaimView) -> list[str]:
    """One claim's verdict card as Telegram messages (usually one)."""
    return split_message(card_paragraphs(view))


# -- replies -----------------------------------------------------------------------------------


def render_reply(reply: Reply) -> list[str]:
    """The messages to send for ``reply``, each at most 4,096 characters of HTML."""
    paragraphs: list[str] = []
    if reply.kind is ReplyKind.ANSWER and reply.matches:
        best = reply.matches[0]
        paragraphs.extend(card_paragraphs(best))
        paragraphs.extend(esc(p) for p in _plain_paragraphs(reply.text))
        paragraphs.append(f"<i>{esc('Match: ' + present.confidence(best.score))}</i>")
    elif reply.kind is ReplyKind.SUGGEST and reply.matches:
        intro = reply.text or "These fact-checks may be what you mean. Tap one to see it in full."
        paragraphs.extend(esc(p) for p in _plain_paragraphs(intro))
        paragraphs.append(
            "\n".join(
                f"{n}. <b>{esc(present.verdict_label(view))}</b>: {esc(view.claim)}"
                for n, view in enumerate(reply.matches, 1)
            )
        )
    else:
        paragraphs.extend(esc(p) for p in _plain_paragraphs(reply.text))
    paragraphs.extend(f"<i>{esc(note)}</i>" for note in reply.notes if note.strip())
    return split_message(paragraphs)


def reply_keyboard(reply: Reply) -> InlineKeyboardMarkup | None:
    """The buttons under a reply.

    - ``suggest``: one button per candidate (``show:<claim id>``), and "None of these";
    - ``answer``: "did this answer your question?" (``fb:<answer id>:1`` / ``:0``);
    - a reply with a queued question: "Tell me when it's checked" (``notify:<queue id>``).

    The core sets ``answer_id`` only on answers to someone's question (not on watch-mode
    corrections or notifications), so only those ask for feedback.
    """
    rows: list[list[InlineKeyboardButton]] = []
    if reply.kind is ReplyKind.SUGGEST:
        for n, view in enumerate(reply.matches, 1):
            data = SHOW_PREFIX + view.id
            if len(data.encode()) > MAX_CALLBACK_DATA:
                continue  # cannot be addressed by a button; the list in the text still shows it
            label = shorten(f"{n}. {present.verdict_label(view)}: {view.claim}", 60)
            rows.append([InlineKeyboardButton(label, callback_data=data)])
        if reply.answer_id is not None and rows:
            rows.append([_button("None of these", f"{FEEDBACK_PREFIX}{reply.answer_id}:0")])
    elif reply.kind is ReplyKind.ANSWER and reply.answer_id is not None:
        rows.append(
            [
                _button("👍 That answers it", f"{FEEDBACK_PREFIX}{reply.answer_id}:1"),
                _button("👎 Not what I asked", f"{FEEDBACK_PREFIX}{reply.answer_id}:0"),
            ]
        )
    if reply.queue_id is not None:
        rows.append([_button("🔔 Tell me when it's checked", f"{NOTIFY_PREFIX}{reply.queue_id}")])
    return InlineKeyboardMarkup(rows) if rows else None


def _button(label: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(label, callback_data=data)


def inline_results(views: Iterable[ClaimView]) -> list[InlineQueryResultArticle]:
    """Inline-mode results: picking one sends that claim's verdict card."""
    results = []
    for view in list(views)[:MAX_INLINE_RESULTS]:
        results.append(
            InlineQueryResultArticle(
                id=view.id.encode()[:64].decode(errors="ignore"),
                title=shorten(f"{present.verdict_label(view)}: {view.claim}", 100),
                description=shorten(view.summary, 150),
                input_message_content=InputTextMessageContent(
                    render_card(view)[0],
                    parse_mode=ParseMode.HTML,
                    link_preview_options=NO_PREVIEW,
                ),
            )
        )
    return results


# -- splitting ---------------------------------------------------------------------------------


def _plain_paragraphs(text: str) -> list[str]:
    return [p.strip("\n") for p in re.split(r"\n\s*\n", text) if p.strip()]


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
        for line in paragraph.split("\n") if len(paragraph) > limit else [paragraph]:
            pieces = [line] if len(line) <= limit else _split_line(line, limit)
            for piece in pieces:
                units.append((separator, piece))
                separator = "\n"
    messages: list[str] = []
    current = ""
    for separator, piece in units:
        if current and len(current) + len(separator) + len(piece) <= limit:
            current += separator + piece
        else:
            if current:
                messages.append(current)
            current = piece
    if current:
        messages.append(current)
    return messages


def _split_line(line: str, limit: int) -> list[str]:
    """Split one over-long HTML line into escaped plain-text pieces of at most ``limit``."""
    text = html.unescape(_TAG.sub("", line))
    pieces: list[str] = []
    current = ""
    for word in re.findall(r"\S+\s*", text):
        while len(esc(word)) > limit:  # a single enormous word: cut it
            head = word[: limit // 5]  # escaping grows a character at most fivefold
            word = word[len(head) :]
            if current:
                pieces.append(current)
                current = ""
            pieces.append(head)
        if len(esc(current + word)) > limit:
            pieces.append(current)
            current = word
        else:
            current += word
    if current:
        pieces.append(current)
    return [esc(piece.strip()) for piece in pieces if piece.strip()]
