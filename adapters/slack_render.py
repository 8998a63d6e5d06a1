"""Slack's text formats, both ways: a :class:`~bot.messages.Reply` as Block Kit, and Slack
message text (mrkdwn with mentions and links) as the plain text the core reads.

Only ``&``, ``<`` and ``>`` are control characters in mrkdwn; every string that did not come
from this module is escaped with :func:`escape` before it goes into a mrkdwn field, including
the plain ``text`` fallback (Slack parses it as mrkdwn too). ``plain_text`` fields are shown
literally by Slack and are not escaped.

Block Kit limits kept here: 50 blocks a message, 3,000 characters a section text, 150 for a
header, 75 for a button label, 2,000 for a button value, 10 elements in a context block.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import quote

from bot import present
from bot.i18n import N_, _, ngettext, use_language
from bot.messages import ClaimView, Reply, ReplyKind, SourceView, with_addresses

Block = dict[str, Any]

MAX_BLOCKS = 50
MAX_TEXT = 3000
MAX_HEADER = 150
MAX_BUTTON_TEXT = 75
MAX_BUTTON_VALUE = 2000
MAX_FALLBACK = 3000
MAX_SOURCES = 10  # more are left to the full fact-check
MAX_LINK_URL = 1500  # a longer URL is not linked: it would crowd a 3,000-character text out

SHARE_ACTION = "factcheck_share"
SHOW_ACTION_PREFIX = "factcheck_show"
FEEDBACK_ACTION_PREFIX = "factcheck_feedback"  # _1 helpful, _0 not; value "<answer id>:1|0"
NOTIFY_ACTION = "factcheck_notify"  # value: the queued question's id

APOLOGY = N_("Sorry, something went wrong while checking that. Please try again in a moment.")


@dataclass(frozen=True)
class SlackMessage:
    """A message ready for ``chat.postMessage`` or ``respond()``: fallback text and blocks."""

    text: str
    blocks: list[Block] = field(default_factory=list)

    def as_kwargs(self) -> dict[str, Any]:
        return {"text": self.text, "blocks": self.blocks}


# -- escaping ------------------------------------------------------------------------------------


def escape(text: str) -> str:
    """Escape the three mrkdwn control characters, ``&`` first."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def link(url: str | None, label: str) -> str:
    """A mrkdwn link ``<url|label>``; the bare label when there is no usable URL."""
    if not usable_url(url):
        return escape(label)
    assert url is not None
    # ``|`` ends the URL part, ``>`` the link and white space the URL: percent-encode them.
    encoded = _URL_BREAKERS.sub(lambda m: quote(m.group(), safe=""), url)
    safe_url = escape(encoded)
    return f"<{safe_url}|{escape(label.replace('|', '¦')) or safe_url}>"


_URL_BREAKERS = re.compile(r"[|<>\s]")


def usable_url(url: str | None) -> bool:
    """A web address short enough to be linked."""
    return (
        bool(url)
        and len(url or "") <= MAX_LINK_URL
        and (url or "").startswith(("http://", "https://"))
    )


def split_text(text: str, limit: int = MAX_TEXT) -> list[str]:
    """Escape ``text`` and cut it into pieces of at most ``limit`` characters each.

    The cut is made in the raw text (at a line break or space where possible) so that no
    ``&amp;`` entity is ever split in two."""
    pieces: list[str] = []
    rest = text
    while rest:
        if len(escape(rest)) <= limit:
            pieces.append(escape(rest))
            break
        end = _fit(rest, limit)
        cut = max(rest.rfind("\n", 0, end), rest.rfind(" ", 0, end))
        if cut <= end // 2:
            cut = end
        pieces.append(escape(rest[:cut].rstrip()))
        rest = rest[cut:].lstrip()
    return [p for p in pieces if p]


def _fit(text: str, limit: int) -> int:
    """How many leading characters of ``text`` fit in ``limit`` once escaped."""
    used = 0
    for i, ch in enumerate(text):
        used += len(escape(ch))
        if used > limit:
            return i
    return len(text)


def truncate(text: str, limit: int) -> str:
    """Escape and cut ``text`` to ``limit`` escaped characters, marking the cut with ``…``."""
    if len(escape(text)) <= limit:
        return escape(text)
    return escape(text[: _fit(text, limit - 1)].rstrip()) + "…"


def _truncate_plain(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# -- Slack text to plain text --------------------------------------------------------------------

_ANGLE = re.compile(r"<([^<>]*)>")


def plain_text(slack_text: str, *, bot_user_id: str | None = None) -> str:
    """Turn Slack message text into what a person would read: mentions of the bot dropped,
    other mentions and channels as ``@name`` / ``#name``, links as their label, entities
    decoded, spaces collapsed; line breaks kept (``/factcheck add`` takes ``name: value``
    lines)."""

    def readable(match: re.Match[str]) -> str:
        inner = match.group(1)
        target, _bar, label = inner.partition("|")
        if target.startswith("@"):
            if bot_user_id is not None and target[1:] == bot_user_id:
                return " "
            return f"@{label or target[1:]}"
        if target.startswith("#"):
            return f"#{label or target[1:]}"
        if target.startswith("!"):
            # <!here>, <!channel>, <!subteam^ID|@team>, <!date^…|fallback>
            if label:
                return label
            return "@" + target[1:].split("^", 1)[0]
        if label:
            return label
        return target.removeprefix("mailto:")

    text = _ANGLE.sub(readable, slack_text)
    text = _unescaped(text)
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _unescaped(text: str) -> str:
    """Slack's three escaped characters, as written."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def linked_labels(slack_text: str) -> dict[str, str]:
    """The words of a Slack message that link to a page they do not show, each with its
    address (``<https://…|read more>``, as :func:`plain_text` reads it: the label); a link
    whose label is its own address (a link pasted, or typed without ``https://``) is none."""
    linked: dict[str, str] = {}
    for found in _ANGLE.finditer(slack_text):
        target, _bar, label = found.group(1).partition("|")
        label = " ".join(_unescaped(label).split())
        if not label or not target.casefold().startswith(("http://", "https://")):
            continue
        if label.casefold() in (target.casefold(), target.split("://", 1)[1].casefold()):
            continue
        linked.setdefault(label, _unescaped(target))
    return linked


def message_text(slack_text: str, *, bot_user_id: str | None = None) -> str:
    """A message's :func:`plain_text`, with the addresses its words link to
    (:func:`linked_labels`, :func:`bot.messages.with_addresses`)."""
    return with_addresses(
        plain_text(slack_text, bot_user_id=bot_user_id), linked_labels(slack_text)
    )


def slack_commands(reply: Reply, names: Iterable[str], slash_command: str) -> Reply:
    """Rewrite the bot's ``/name`` commands in a reply's text as ``/factcheck name``.

    Slack takes every message that starts with ``/`` as one of its own slash commands, so
    ``/check`` typed in Slack never reaches the bot; ``/factcheck check`` does."""
    known = sorted({n for n in names if n}, key=len, reverse=True)
    if not known:
        return reply
    pattern = re.compile(rf"(?<![\w/.:@<])/({'|'.join(map(re.escape, known))})\b")

    def rewrite(text: str) -> str:
        return pattern.sub(lambda m: f"{slash_command} {m.group(1)}", text)

    return replace(reply, text=rewrite(reply.text), notes=tuple(rewrite(n) for n in reply.notes))


# -- rendering -----------------------------------------------------------------------------------


def _section(mrkdwn: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": mrkdwn}}


def _context(*mrkdwn: str) -> Block:
    """A context line; callers keep each text within the limit (the slice is a backstop)."""
    return {
        "type": "context",
        "elements": [{"type": "mrkdwn", "text": m[:MAX_TEXT]} for m in mrkdwn[:10]],
    }


def _button(label: str, action_id: str, value: str, *, primary: bool = False) -> Block:
    button: Block = {
        "type": "button",
        "text": {"type": "plain_text", "text": _truncate_plain(label, MAX_BUTTON_TEXT)},
        "action_id": action_id,
        "value": value[:MAX_BUTTON_VALUE],
    }
    if primary:
        button["style"] = "primary"
    return button


def _date(value: str | None) -> str | None:
    return present.human_date(value)


def _byline(claim: ClaimView) -> str:
    who = truncate(present.claimant(claim, _("an unknown claimant")), 800)
    claimed_by = escape(_("Claimed by"))
    parts = [f"*{claimed_by}* {who}"]
    when = _date(claim.claim_date)
    if when:
        parts.append(truncate(when, 100))
    if claim.appearance:
        if claim.appearance.startswith(("http://", "https://")):
            parts.append(link(claim.appearance, _("where it appeared")))
        else:
            parts.append(truncate(claim.appearance, 500))
    return " · ".join(parts)


def _review_line(claim: ClaimView) -> str | None:
    note = present.rating_note(claim)
    if not (note or claim.publisher or claim.review_date or claim.review_url):
        return None
    rated = truncate(note or _("Fact-checked"), 400)
    if claim.publisher:
        rated = _("{rated} by {publisher}").format(
            rated=rated, publisher=truncate(claim.publisher, 300)
        )
    when = _date(claim.review_date)
    if when:
        rated = _("{rated} on {date}").format(rated=rated, date=truncate(when, 100))
    if claim.review_url:
        rated += " · " + link(claim.review_url, _("read the full fact-check"))
    return rated


def _source_line(index: int, source: SourceView) -> str:
    label = source.title or source.publisher or source.url or _("source")
    line = f"{index}. {link(source.url, _truncate_plain(label, 300))}"
    extra = [s for s in (source.publisher if source.title else None, _date(source.date)) if s]
    if extra:
        line += " — " + truncate(", ".join(extra), 300)
    if source.supports:
        line += f" _({truncate(source.supports, 200)})_"
    return line


def _claim_blocks(claim: ClaimView) -> list[Block]:
    """The card for one fact-check, verdict first."""
    blocks: list[Block] = [
        {
            "type": "header",
            "text": {
                "type": "plain_text",
                "text": _truncate_plain(present.verdict_label(claim), MAX_HEADER),
                "emoji": True,
            },
        }
    ]
    if claim.negation_mismatch:
        blocks.append(
            _section(
                ":warning: *"
                + escape(_("Careful:"))
                + "* "
                + _(
                    "your message and this claim differ by a negation; the verdict is about "
                    "the claim as written below."
                )
            )
        )
    claim_text = " ".join(claim.claim.split()) or _("(not given)")
    label = "*" + escape(_("Claim:")) + "* "
    first, *more = split_text(claim_text, MAX_TEXT - len(label))
    blocks.append(_section(f"{label}{first}"))
    blocks.extend(_section(piece) for piece in more)
    byline = _byline(claim)
    if byline:
        blocks.append(_context(byline))
    if claim.summary.strip():
        blocks.extend(_section(piece) for piece in split_text(claim.summary.strip()))
    if claim.sources:
        blocks.extend(_sources_blocks(claim))
    review = _review_line(claim)
    if review:
        blocks.append(_context(review))
    return blocks


def _sources_blocks(claim: ClaimView) -> list[Block]:
    lines = [_source_line(i, s) for i, s in enumerate(claim.sources[:MAX_SOURCES], 1)]
    hidden = len(claim.sources) - MAX_SOURCES
    blocks: list[Block] = []
    current = "*" + escape(_("Sources")) + "*"
    for index, line in enumerate(lines, 1):
        if len(line) > MAX_TEXT - 20:  # an absurdly long URL: drop the link, keep the label
            source = claim.sources[index - 1]
            label = source.title or source.publisher or _("source")
            line = f"{index}. {truncate(label, 500)}"
        if len(current) + 1 + len(line) > MAX_TEXT:
            blocks.append(_section(current))
            current = line
        else:
            current += "\n" + line
    blocks.append(_section(current))
    if hidden > 0:
        more = ngettext("and {count} more source", "and {count} more sources", hidden).format(
            count=hidden
        )
        if claim.review_url:
            more = _("{more} in the {link}").format(
                more=more, link=link(claim.review_url, _("full fact-check"))
            )
        blocks.append(_context(f"_{more}_"))
    return blocks


def _confidence_line(claim: ClaimView) -> str:
    return _(
        "Match confidence: {confidence} · how closely your message matches this fact-checked claim"
    ).format(confidence=f"*{escape(present.confidence(claim))}*")


def _fit_blocks(body: list[Block], tail: list[Block], review_url: str | None) -> list[Block]:
    """Keep ``tail`` (confidence, buttons) and trim ``body`` to stay within 50 blocks."""
    if len(body) + len(tail) <= MAX_BLOCKS:
        return body + tail
    keep = MAX_BLOCKS - len(tail) - 1
    more = "_" + _("Trimmed to fit in Slack.") + "_"
    if review_url:
        more += " " + link(review_url, _("Read the full fact-check"))
    return [*body[:keep], _section(more), *tail]


def _fallback_for_claim(claim: ClaimView) -> str:
    text = f"{present.verdict_label(claim)}: “{' '.join(claim.claim.split())}”"
    if claim.publisher:
        text += f" ({claim.publisher})"
    if claim.summary:
        text += f" {claim.summary}"
    text = _truncate_plain(text, MAX_FALLBACK)
    if usable_url(claim.review_url):
        text += f" {claim.review_url}"
    return escape(text)


def render_reply(
    reply: Reply,
    *,
    share_value: str | None = None,
    shared_by: str | None = None,
) -> SlackMessage:
    """Render ``reply`` as Block Kit with its plain fallback text.

    ``share_value`` adds a "Share in channel" button (on an answer seen by the asker only);
    ``shared_by`` (a Slack user id) notes who shared an answer posted for everyone. In the
    reply's language."""
    with use_language(reply.language):
        return _render(reply, share_value=share_value, shared_by=shared_by)


def _render(reply: Reply, *, share_value: str | None, shared_by: str | None) -> SlackMessage:
    if reply.kind is ReplyKind.ANSWER and reply.matches:
        return _render_answer(reply, share_value=share_value, shared_by=shared_by)
    if reply.kind is ReplyKind.SUGGEST and reply.matches:
        return _render_suggest(reply)
    return _render_text(reply)


def _reply_buttons(reply: Reply) -> list[Block]:
    """Feedback on an answer or a list of suggestions, and "tell me when it's checked".

    The core sets ``answer_id`` only on answers to someone's question (not on notifications),
    and ``queue_id`` when the question was passed to the fact-checkers."""
    buttons: list[Block] = []
    if reply.answer_id is not None and reply.matches:
        if reply.kind is ReplyKind.ANSWER:
            buttons.append(
                _button(
                    _("👍 That answers it"), f"{FEEDBACK_ACTION_PREFIX}_1", f"{reply.answer_id}:1"
                )
            )
            buttons.append(
                _button(
                    _("👎 Not what I asked"), f"{FEEDBACK_ACTION_PREFIX}_0", f"{reply.answer_id}:0"
                )
            )
        elif reply.kind is ReplyKind.SUGGEST:
            buttons.append(
                _button(_("None of these"), f"{FEEDBACK_ACTION_PREFIX}_0", f"{reply.answer_id}:0")
            )
    if reply.queue_id is not None:
        notify = _("🔔 Tell me when it's checked")
        buttons.append(_button(notify, NOTIFY_ACTION, str(reply.queue_id)))
    return buttons


def _actions(buttons: list[Block]) -> list[Block]:
    return [{"type": "actions", "elements": buttons}] if buttons else []


def _notes_block(reply: Reply) -> list[Block]:
    if not reply.notes:
        return []
    return [_context(*(f":information_source: {truncate(n, MAX_TEXT - 30)}" for n in reply.notes))]


def _render_answer(reply: Reply, *, share_value: str | None, shared_by: str | None) -> SlackMessage:
    claim = reply.matches[0]
    body: list[Block] = []
    if reply.text.strip():
        body.extend(_section(p) for p in split_text(reply.text.strip()))
    body.extend(_claim_blocks(claim))
    tail: list[Block] = [*_notes_block(reply)]
    context = [_confidence_line(claim)] if claim.matched else []
    if shared_by:
        asked = _("Shared by {user}").format(user=f"<@{escape(shared_by)}>")
        if reply.query:
            asked += " · " + _("asked: “{question}”").format(question=truncate(reply.query, 500))
        context.append(asked)
    if context:
        tail.append(_context(*context))
    buttons = []
    if share_value is not None:
        buttons.append(_button(_("Share in channel"), SHARE_ACTION, share_value, primary=True))
    if not shared_by:
        buttons.extend(_reply_buttons(reply))
    if buttons:
        tail.append({"type": "actions", "elements": buttons})
    blocks = _fit_blocks(body, tail, claim.review_url)
    return SlackMessage(_fallback_for_claim(claim), blocks)


def _render_suggest(reply: Reply) -> SlackMessage:
    intro = reply.text.strip() or _("I found fact-checks that may match. Which one do you mean?")
    body: list[Block] = [_section(p) for p in split_text(intro)]
    lines = [intro]
    for i, claim in enumerate(reply.matches):
        label = present.verdict_label(claim)
        head = f"*{escape(label)}* · {escape(present.confidence(claim))}"
        text = f"{truncate(' '.join(claim.claim.split()), MAX_TEXT - len(head) - 20)}\n{head}"
        block = _section(text)
        show = _("Show #{number}").format(number=i + 1)
        block["accessory"] = _button(show, f"{SHOW_ACTION_PREFIX}_{i}", claim.id)
        body.append(block)
        lines.append(f"{i + 1}. {label}: {claim.claim}")
    tail = [*_notes_block(reply), *_actions(_reply_buttons(reply))]
    blocks = _fit_blocks(body, tail, None)
    fallback = escape(_truncate_plain("\n".join(lines), MAX_FALLBACK))
    return SlackMessage(fallback, blocks)


def _render_text(reply: Reply) -> SlackMessage:
    text = reply.text.strip()
    if not text:
        text = (
            _("I couldn't find a fact-check for that.")
            if reply.kind is ReplyKind.NONE
            else _("Nothing to show.")
        )
    prefix = ":no_entry: " if reply.kind is ReplyKind.REFUSAL else ""
    pieces = split_text(text, MAX_TEXT - len(prefix))
    body = [_section(prefix + pieces[0]), *(_section(p) for p in pieces[1:])]
    tail = [*_notes_block(reply), *_actions(_reply_buttons(reply))]
    blocks = _fit_blocks(body, tail, None)
    return SlackMessage(escape(_truncate_plain(text, MAX_FALLBACK)), blocks)


def apology() -> SlackMessage:
    return SlackMessage(_(APOLOGY), [_section(f":sweat_smile: {_(APOLOGY)}")])


def notice(text: str) -> SlackMessage:
    """A short plain message (escaped)."""
    return SlackMessage(escape(text), [_section(escape(text))])
