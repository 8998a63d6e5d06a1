"""Platform-neutral message types: what adapters hand to the core, and what it hands back.

Adapters build an :class:`Incoming` from a platform event, call ``Core.handle`` and render the
:class:`Reply` in their own format. Nothing here knows a chat library.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from knowledge.models import Decision
from knowledge.urls import find_links, holds_words

__all__ = [
    "ClaimView",
    "Decision",
    "ImageReading",
    "Incoming",
    "Platform",
    "Reply",
    "ReplyKind",
    "SourceView",
]


class Platform(StrEnum):
    CONSOLE = "console"
    TELEGRAM = "telegram"
    SLACK = "slack"


class ReplyKind(StrEnum):
    ANSWER = "answer"  # a verdict card for ``matches[0]``
    SUGGEST = "suggest"  # candidates for the user to pick from
    NONE = "none"  # no fact-check found
    TEXT = "text"  # plain informational text (help, start, command results)
    REFUSAL = "refusal"  # polite refusal: bad input, missing role, rate limit


@dataclass(frozen=True, slots=True)
class ImageReading:
    """What an adapter read from an image sent with a message (``bot.images.read_image``).

    ``ref`` says where the image is on its platform (a Telegram file id, a Slack file id, a
    console path), for the fact-checkers' queue; ``text`` is what OCR read (None: it could not
    be read); ``hashes`` the perceptual hashes of the image and of its crops; ``problem`` why
    it could not be read, in a few words for people (None when it was)."""

    ref: str
    text: str | None = None
    hashes: tuple[str, ...] = ()
    problem: str | None = None
    ocr_missing: bool = False  # no OCR engine here (factbot[images] or tesseract missing)


AttachmentKind = Literal["voice", "audio", "video", "file"]


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file sent with a message that the bot does not read: a voice message (``voice``),
    an audio file (``audio``), a video (``video``: a round video message, a GIF too) or any
    other document but an image (``file``). ``ref`` says where it is on its platform (a
    Telegram file's unique id, a Slack file id), for the fact-checkers' queue."""

    kind: AttachmentKind
    ref: str


def attachment_kind(mimetype: str) -> AttachmentKind:
    """What a file is, for a person, by its MIME type: audio, video, or a file."""
    if mimetype.startswith("audio/"):
        return "audio"
    if mimetype.startswith("video/"):
        return "video"
    return "file"


@dataclass(frozen=True, slots=True)
class Incoming:
    """One message as the core sees it.

    ``is_direct`` is a one-to-one chat with the bot (private chat, Slack DM, the console).
    In groups the adapter passes every message; ``addressed`` says whether it was meant for the
    bot. The core stays silent on unaddressed messages unless the chat has watch mode on.
    ``bare_commands`` lets a command be written without its leading slash (``queue`` for
    ``/queue``): Slack clients swallow a leading ``/``, so its adapter sets this for the
    words after the slash command and for direct messages.
    """

    platform: str
    chat_id: str
    user_id: str
    text: str
    is_direct: bool = True
    user_name: str | None = None
    bare_commands: bool = False
    addressed: bool = True  # in a group: a command, a mention of the bot or a reply to it
    forwarded: bool = False  # forwarded from elsewhere (bursts are answered once per claim)
    chat_admin: bool = False  # the platform says this user administers this group chat
    reply_to_user_id: str | None = None  # the author of the message this one replies to
    mentioned_user_ids: tuple[str, ...] = ()  # users mentioned in the text (not the core)
    image: ImageReading | None = None  # a photo or image file sent with it (or replied to)
    attachment: Attachment | None = None  # a file sent with it that the bot does not read
    # The platform's idea of the person's language (Telegram's language_code, Slack's user
    # locale, ``factbot ask --lang``): used when they have not chosen one with /language.
    language_hint: str | None = None


@dataclass(frozen=True, slots=True)
class SourceView:
    publisher: str
    title: str | None
    url: str | None
    date: str | None
    supports: str | None = None


@dataclass(frozen=True, slots=True)
class ClaimView:
    """A fact-check as shown to a user, with how closely it matched the question."""

    id: str
    claim: str
    claimant: str | None
    claim_date: str | None
    appearance: str | None
    verdict: str  # key on the project's scale, see knowledge.verdicts
    verdict_label: str  # human label for the verdict, e.g. "False"
    rating: str  # the publisher's original rating words
    summary: str
    review_url: str | None
    review_date: str | None
    publisher: str | None
    sources: tuple[SourceView, ...]
    score: float  # match confidence, 0..1
    negation_mismatch: bool = False  # question and claim differ by a negation
    by_meaning: bool = False  # offered as near in meaning, its words' score aside
    claimant_role: str | None = None  # what the claimant is: "Myanmar junta leader"
    # False when the claim was asked for by its id (/show, a button, a notification): there
    # was no question to match, so renderers say nothing about how close the match was.
    matched: bool = True
    # The fact-check's words as shown: in the asker's language (a translation), or the
    # original with ``language_note`` saying so in the asker's language.
    translated: bool = False
    machine_drafted: bool = False  # the translation shown has not been reviewed by a person
    language_note: str | None = None


@dataclass(frozen=True, slots=True)
class Reply:
    """What the core answers. ``text`` is plain, unformatted text; adapters escape it."""

    kind: ReplyKind
    text: str = ""
    query: str = ""
    decision: Decision | None = None
    matches: tuple[ClaimView, ...] = ()
    notes: tuple[str, ...] = ()
    # Set on answers and suggestions: adapters offer "did this answer your question?" (and
    # "none of these" on suggestions) with ``Core.feedback(msg, answer_id, helpful)``.
    answer_id: int | None = None
    # Set when nothing was found: adapters offer "notify me when this is checked" with
    # ``Core.subscribe(msg, queue_id)``.
    queue_id: int | None = None
    # Set when the message is a link the core does not know and may be read: the adapter
    # fetches it (``bot.media.respond``) and asks the core again with what the page says.
    fetch: str | None = None
    # The language the reply is in (core.i18n code): adapters render it in the same language.
    # Core.handle fills it in; "" (not yet known) renders as English.
    language: str = ""


MAX_RECORD_ID = 2**53  # ids the platforms and the claim base hand out stay far below this


def parse_number(text: str) -> int | None:
    """A record number typed or carried in a button (a queue number, an answer id): ASCII
    digits only (not ``²`` or ``٣``), within range; None for anything else."""
    if not 0 < len(text) <= 16 or not text.isascii() or not text.isdigit():
        return None
    number = int(text)
    return number if 0 < number < MAX_RECORD_ID else None


def with_addresses(text: str, linked: Mapping[str, str]) -> str:
    """A message's ``text`` with the addresses its words link to (``linked``: each linked
    label and its address), which the text shows only as words ("read more"). A message
    whose words are all such links is the links alone, as a pasted link is; other words are
    checked as they are, with the addresses kept beside them for the fact-checkers' queue
    (the matcher reads no link)."""
    if not linked:
        return text
    rest = text
    for label in linked:
        rest = rest.replace(label, " ", 1)
    addresses = list(dict.fromkeys(linked.values()))
    if not holds_words(rest):
        return " ".join([*find_links(rest), *addresses])
    return "\n".join([text, *(url for url in addresses if url not in text)])
