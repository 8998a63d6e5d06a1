"""The console adapter: plain-text rendering, ``factbot chat`` and ``factbot ask``.

The person at the console is the operator and has the admin role. Imports no chat library.
"""

from __future__ import annotations

import json
import os
import re
import sys
import textwrap
import unicodedata
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from bot import present
from bot.core import Core
from bot.i18n import N_, _, use_language
from bot.media import Fetch, respond_now
from bot.messages import ClaimView, ImageReading, Incoming, Platform, Reply, ReplyKind
from bot.texts import EXAMPLE_QUESTION

if TYPE_CHECKING:
    from bot.pages import Page

WIDTH = 88


def incoming(text: str, image: ImageReading | None = None, language: str | None = None) -> Incoming:
    """A console message; ``language`` (``--lang``) is the answer's language."""
    return Incoming(
        platform=Platform.CONSOLE,
        chat_id="console",
        user_id=os.environ.get("USER") or "operator",
        text=text,
        is_direct=True,
        image=image,
        language_hint=language,
    )


def _fetch() -> Fetch:
    """The page reader, imported when first needed (aiohttp: the console starts without it)."""

    async def fetch(url: str, **limits: Any) -> Page:
        from adapters.fetch import fetch_page

        return await fetch_page(url, **limits)

    return fetch


def read_image_file(core: Core, path: Path) -> ImageReading:
    """An image file's text and hashes (``factbot ask --image``), within the limits."""
    from bot.images import read_image

    ref = f"console:{path.name}"
    try:
        if path.stat().st_size > core.settings.image_max_bytes:
            return ImageReading(ref, problem="the image is too large")
        data = path.read_bytes()
    except OSError as error:
        return ImageReading(ref, problem=error.strerror or "it cannot be read")
    return read_image(data, ref, core.settings)


# -- rendering --------------------------------------------------------------------------


def _wrap(text: str, indent: str = "") -> str:
    return "\n".join(
        _fill(p, initial_indent=indent, subsequent_indent=indent) if p else ""
        for p in text.splitlines()
    )


def _fill(text: str, initial_indent: str = "", subsequent_indent: str = "") -> str:
    # Never break at a hyphen: "mostly-false" is one word, a verdict a moderator types.
    return textwrap.fill(
        text,
        WIDTH,
        initial_indent=initial_indent,
        subsequent_indent=subsequent_indent,
        break_on_hyphens=False,
        break_long_words=False,
    )


def render_claim(view: ClaimView, *, heading: bool = True) -> str:
    lines = []
    if heading:
        lines.append(present.verdict_label(view))
        note = present.rating_note(view)
        if note:
            lines.append(note)
    lines.append(_wrap(_("Claim: “{claim}”").format(claim=view.claim)))
    lines.append(_wrap(_("Said by: {who}").format(who=present.attribution(view))))
    if view.summary:
        lines.append("")
        lines.append(_wrap(view.summary))
    if view.sources:
        lines.append("")
        lines.append(_("Sources:"))
        for source in view.sources:
            line = present.source_line(source.publisher, source.title, source.date)
            lines.append(_fill(f"- {line}", subsequent_indent="  "))
            if source.supports:
                lines.append(_wrap(source.supports, indent="    "))
            if source.url:
                lines.append(f"    {source.url}")
    review = []
    if view.publisher:
        review.append(_("Fact-check by {publisher}").format(publisher=view.publisher))
    if view.review_date:
        review.append(present.human_date(view.review_date) or view.review_date)
    if view.review_url:
        review.append(view.review_url)
    if review:
        lines.append("")
        lines.append(" · ".join(review))
    if view.matched:
        match = _("Match: {closeness}").format(closeness=present.confidence(view))
        lines.append(f"{match} · id {view.id}")
    else:
        lines.append(f"id {view.id}")
    return "\n".join(lines)


def terminal_safe(text: str, keep: str = "\n") -> str:
    """No control characters but those in ``keep``: a claim stored with ESC or CR in it (from
    an import, say) must not drive the terminal."""
    return "".join(c for c in text if c in keep or unicodedata.category(c) not in ("Cc", "Cs"))


def render(reply: Reply, *, one_shot: bool = False) -> str:
    """A reply as plain text for a terminal. ``one_shot`` (``factbot ask``): no conversation
    follows, so nothing invites a /yes, /no or /notify that could not reach this answer."""
    with use_language(reply.language):
        return terminal_safe(_render(reply, one_shot=one_shot))


ONE_SHOT_NONE = N_(
    "I found no fact-check for that yet; it is in the fact-checkers' queue. Try the claim's key "
    "names and words, or ask again later."
)


def _render(reply: Reply, *, one_shot: bool = False) -> str:
    if one_shot and reply.kind == ReplyKind.NONE and reply.decision is not None:
        reply = replace(reply, text=_(ONE_SHOT_NONE))
    parts: list[str] = []
    if reply.kind == ReplyKind.ANSWER and reply.matches:
        parts.append(render_claim(reply.matches[0]))
    elif reply.kind == ReplyKind.SUGGEST:
        parts.append(_wrap(reply.text))
        # One-shot: no conversation to send /show in; the command line shows a claim.
        show = "factbot claims show" if one_shot else "/show"
        for number, view in enumerate(reply.matches, 1):
            parts.append(
                f"{number}. {present.verdict_label(view)} — “{view.claim}”\n"
                f"   {present.confidence(view)} · {show} {view.id}"
            )
    else:
        parts.append(_wrap(reply.text))
    if reply.notes:
        parts.append("\n".join(_wrap(_("Note: {note}").format(note=n)) for n in reply.notes))
    if one_shot:
        pass
    elif reply.answer_id is not None and reply.kind == ReplyKind.ANSWER:
        parts.append(_("Did this answer your question? /yes or /no"))
    elif reply.answer_id is not None and reply.kind == ReplyKind.SUGGEST:
        parts.append(_("None of these? Send /no and a fact-checker will look."))
    return "\n\n".join(parts)


def reply_json(reply: Reply, query: str) -> dict[str, Any]:
    """The ``factbot ask --json`` shape. A check has a decision (answer, suggest or none); a
    command (``/help``) or a refusal is no check: its decision is null and its ``text`` says
    what the bot said."""
    if reply.decision is None:
        return {
            "query": query,
            "decision": None,
            "kind": str(reply.kind),
            "text": reply.text,
            "language": reply.language or "en",
            "matches": [],
        }
    decision = reply.decision.value
    return {
        "query": query,
        "decision": decision,
        "language": reply.language or "en",
        "matches": [
            {
                "id": v.id,
                "claim": v.claim,
                "claimant": v.claimant,
                "claimant_role": v.claimant_role,
                "claim_date": v.claim_date,
                "verdict": v.verdict,
                "rating": v.rating,
                "summary": v.summary,
                "review_url": v.review_url,
                "score": round(min(1.0, max(0.0, v.score)), 4),
                "sources": [
                    {
                        "publisher": s.publisher,
                        "title": s.title,
                        "url": s.url,
                        "date": s.date,
                        "note": s.supports,
                    }
                    for s in v.sources
                ],
            }
            for v in reply.matches
        ],
    }


# -- ask --------------------------------------------------------------------------------


def ask(
    core: Core,
    text: str,
    *,
    as_json: bool,
    out: TextIO | None = None,
    image: ImageReading | None = None,
    language: str | None = None,
) -> int:
    out = out or sys.stdout  # looked up now: tests and callers may have replaced it
    reply = respond_now(core, incoming(text, image, language), _fetch())
    if reply is None:  # the core stays silent only in groups; never for the console
        reply = Reply(ReplyKind.NONE, "No answer.")
    if as_json:
        out.write(json.dumps(reply_json(reply, text), ensure_ascii=False) + "\n")
        if reply.kind == ReplyKind.REFUSAL:
            print(reply.text, file=sys.stderr)
    else:
        out.write(render(reply, one_shot=True) + "\n")
    return 0


# -- chat -------------------------------------------------------------------------------

BANNER = N_(
    "Factbot console — ask about a claim you saw, e.g. “{example}”\n/help lists the "
    "commands; Ctrl-D or /quit leaves.\n"
    "To add a fact-check, one field a line: /add claim: …, then verdict: … and so on; an "
    "empty line sends it."
)
_BLOCK_START = re.compile(r"^/add(?:@\S+)?\s+\S[^:]{0,19}:", flags=re.I)


def starts_block(text: str) -> bool:
    """``/add claim: …``: the first line of a fact-check written one field a line. Enter sends
    each line at a console, so the lines up to an empty one are gathered into one message.
    (``/add`` alone starts the guided dialogue instead.)"""
    return bool(_BLOCK_START.match(text))


def chat(core: Core, history_path: Path | None = None, language: str | None = None) -> int:
    """An interactive conversation: line editing and history when on a terminal.
    ``language`` (``--lang``): the language to answer in unless /language says otherwise."""
    with use_language(core.language_of(incoming("", language=language))):
        print(_(BANNER).format(example=_(EXAMPLE_QUESTION)))
    prompt = ["you> "]
    lines = iter(_lines(history_path, prompt))
    for line in lines:
        text = line.strip()
        if text in ("/quit", "/exit"):
            break
        if not text:
            continue
        if starts_block(text) and "\n" not in text:
            block = [text]
            prompt[0] = "...> "
            for more in lines:
                if not more.strip():
                    break
                block.append(more.rstrip("\r\n"))
            prompt[0] = "you> "
            text = "\n".join(block)
        reply = respond_now(core, incoming(text, language=language), _fetch())
        if reply is not None:
            print(render(reply), flush=True)
            print()
        _deliver_notifications(core)
    return 0


def _deliver_notifications(core: Core) -> None:
    """Console questions that a moderator's change has answered since: show them now."""
    for note, reply in core.pending_notifications(Platform.CONSOLE):
        print(render(reply), flush=True)
        print()
        core.notification_delivered(note.id)


def private_file(path: Path) -> Path:
    """``path``, created if need be readable by its owner only (0600), in a directory made
    for it 0700: what people asked is as private as the claim base."""
    if not path.parent.exists():
        path.parent.mkdir(mode=0o700, parents=True)
    fd = os.open(path, os.O_CREAT | os.O_APPEND | os.O_WRONLY, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)  # a history file from before, created 0644
    return path


def _lines(history_path: Path | None, prompt: list[str] | None = None) -> Any:
    if sys.stdin.isatty() and sys.stdout.isatty():
        from prompt_toolkit import PromptSession
        from prompt_toolkit.history import FileHistory, InMemoryHistory

        history: Any = InMemoryHistory()
        if history_path is not None:
            history = FileHistory(str(private_file(history_path)))
        session: PromptSession[str] = PromptSession(history=history)
        while True:
            try:
                yield session.prompt(prompt[0] if prompt else "you> ")
            except KeyboardInterrupt:
                continue
            except EOFError:
                return
    else:
        for raw in sys.stdin.buffer:
            yield raw.decode("utf-8", "replace")
