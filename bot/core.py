"""The bot core: one message in, one reply (or silence) out. Platform-neutral and synchronous.

    adapter → Incoming → Core.handle → command or check → Matcher over the ClaimBase → Reply

Adapters call :meth:`Core.handle` directly: a check takes a few milliseconds. Here: routing a
message (to a command, a guided dialogue under way, a check, or silence), the abuse limits,
and the calls the adapters make besides (buttons, notices, inline search). A command's handler
gets a :class:`~bot.commands.Turn`, not the core; the commands are in ``bot.command_set``, the
replies built in ``bot.views``, each answer kept by ``bot.answer_log``.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal, Protocol

from bot.access import Access
from bot.answer_log import AnswerLog, cannot_write
from bot.chitchat import SmallTalk, only_links, picked_number, small_talk
from bot.command_set import all_commands
from bot.commands import ROLE_ONLY, Command, Continuation, Turn
from bot.config import Settings
from bot.conversation import (
    LAST_SUGGESTIONS,
    conversation_scope,
)
from bot.i18n import N_, _, supported, use_language
from bot.i18n import current as _current_language
from bot.language import Languages, detect
from bot.limits import RateLimiter
from bot.media import attachment_reply, image_reply, link_reply
from bot.messages import ClaimView, Incoming, Platform, Reply, ReplyKind
from bot.texts import EXAMPLE_QUESTION, clean_text, split_head, unusable_text
from bot.views import claim_view, language_notes, match_reply, notice_reply
from knowledge import verdicts
from knowledge.chats import ChatSettings
from knowledge.desk import Desk, DeskError, Notification
from knowledge.matching import Matcher, MatchResult, semantic_index
from knowledge.models import Decision
from knowledge.state import ConversationState, Scope
from knowledge.store import ClaimBase, vector_cache_path
from knowledge.urls import find_links

log = logging.getLogger(__name__)

SMALL_TALK = N_(
    "Hello! I'm Factbot, a fact-check bot. Send me a claim you saw — typed, pasted or "
    "forwarded — and I'll tell you whether fact-checkers have checked it: the verdict, the "
    "claim as it was checked, who made it and when, and the sources. I only answer claims "
    "my fact-checkers have checked; anything else I pass on to them.\n\n"
    "Try: {example}\n\nSend /help for everything I can do."
)
THANKS = N_("Glad to help! Send me another claim whenever you see one you doubt.")
GOODBYE = N_("Goodbye! Send me a claim whenever you want one checked.")
MAX_COMMAND_NAME = 32


class Observer(Protocol):
    """Told of every check and every refusal by the abuse limits (``bot.metrics.Metrics``)."""

    def checked(self, platform: str, decision: str, seconds: float, embedded: bool) -> None: ...

    def limited(self, platform: str) -> None: ...


@dataclass(slots=True)
class _Burst:
    last_seen: float = 0.0
    answered: set[str] = field(default_factory=set)


def small_talk_reply(said: SmallTalk) -> str:
    """The answer to small talk, in the asker's language: a greeting or a question about the
    bot is told what the bot does, with an example; thanks, that it was glad to help; a
    goodbye, goodbye."""
    if said is SmallTalk.THANKS:
        return _(THANKS)
    if said is SmallTalk.BYE:
        return _(GOODBYE)
    return _(SMALL_TALK).format(example=_(EXAMPLE_QUESTION))


class Core:
    def __init__(
        self,
        base: ClaimBase,
        settings: Settings | None = None,
        access: Access | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.base = base
        self.settings = settings or Settings()
        matching = self.settings.matching
        # Claims without a vector (a new base's built-in ones, a moderator's new claim) are
        # embedded at start, a text embedded before, in any base, read from the vector cache.
        semantic = semantic_index(
            base,
            matching.embeddings,
            engine=matching.embedding_engine,
            vector_cache=vector_cache_path(),
        )
        self.matcher = Matcher(base, matching, semantic)
        self.desk = Desk(base, self.matcher, retention_days=self.settings.answers_retention_days)
        self.access = access or Access()
        if self.access.moderators is None:
            self.access.moderators = self.desk.roles
        self.chats = ChatSettings(base)
        self.commands = all_commands()
        self.clock = clock
        self._bursts: dict[tuple[str, str], _Burst] = {}
        # Per conversation (platform, chat, user), in the claim base so that every worker
        # shares it: an /add dialogue under way, the last answer given (for /yes and /no), the
        # last unanswered question (for /notify); per person, what is theirs; per chat, the
        # watch-mode cooldowns.
        self.state = ConversationState(base, clock)
        self.languages = Languages(self.state)
        self.keep_seconds = self.settings.answers_retention_days * 86400
        self.answers = AnswerLog(base, self.desk, self.state, self.keep_seconds)
        self.user_limit = RateLimiter(self.settings.user_checks_per_minute, clock)
        self.group_limit = RateLimiter(self.settings.group_checks_per_minute, clock)
        self.request_limit = RateLimiter(self.settings.user_requests_per_minute, clock)
        self.observer: Observer | None = None

    def turn(self, msg: Incoming) -> Turn:
        """What a command's handler is given for this message."""
        return Turn(
            msg,
            self.access,
            self.desk,
            self.state,
            self.chats,
            self.languages,
            self.commands,
            self,
        )

    # -- entry points -------------------------------------------------------------------

    def language_of(self, msg: Incoming, text: str = "", shown: str = "") -> str:
        """The language to answer ``msg`` in: the person's choice, the language ``text`` is
        written in, the one they last wrote in, the platform's hint, the language of what
        they ``shown`` (a screenshot's text), or English (bot.language)."""
        if msg.platform == Platform.CONSOLE and supported(msg.language_hint):
            return supported(msg.language_hint) or "en"  # factbot ask|chat --lang: as asked
        return self.languages.for_person(msg.platform, msg.user_id, msg.language_hint, text, shown)

    def handle(self, msg: Incoming) -> Reply | None:
        """The reply to one message, or None when the bot should stay silent."""
        text = clean_text(msg.text)
        command = self._parse_command(text, msg)
        turn = self.turn(msg)
        addressed = msg.is_direct or msg.addressed
        dialogue = self.commands.dialogue(turn) if addressed else None
        # A question's words say its language; a command's arguments (a translation being
        # added, an id; with its slash or, on Slack, without) do not, except a claim after
        # /check; nor does an answer in a guided dialogue (a translation being written).
        if command is not None:
            asked = command[0].name == "check"
        else:
            asked = dialogue is None and not text.startswith("/")
        # A screenshot's text is no one's writing: it says the language only where nothing
        # else does (a first message, on a platform that gives no hint).
        shown = msg.image.text if msg.image is not None and msg.image.text else ""
        language = self.language_of(
            msg, text if addressed and asked else "", shown if addressed and asked else ""
        )
        with use_language(language):
            reply = self._handle(msg, text, command, turn, dialogue)
        if reply is None or reply.language:
            return reply  # /language has answered in the language just chosen
        return replace(reply, language=language)

    def _speaking(self, msg: Incoming, make: Callable[[], Reply]) -> Reply:
        """``make()`` in this person's language (a button, a notification request)."""
        language = self.language_of(msg)
        with use_language(language):
            reply = make()
        return replace(reply, language=language)

    def _handle(
        self,
        msg: Incoming,
        text: str,
        command: tuple[Command, str] | None,
        turn: Turn,
        dialogue: Continuation | None,
    ) -> Reply | None:
        if msg.is_direct or msg.addressed:
            limited = self.admit(msg)
            if limited is not None:
                return limited or None
        confirm = command is not None and dialogue is not None and dialogue.confirming
        if dialogue is not None and (command is None or (confirm and command[0].name == "yes")):
            try:
                return dialogue.answer(turn, text)
            except sqlite3.OperationalError as error:
                return cannot_write(error)
        if command is not None:
            cmd, args = command
            if not msg.is_direct and not msg.addressed:
                return None
            if not self.access.allows(msg, cmd.role):
                log.warning(
                    "refused /%s for %s:%s (role %s)",
                    cmd.name,
                    msg.platform,
                    msg.user_id,
                    self.access.role_of(msg).label,
                )
                return Reply(
                    ReplyKind.REFUSAL,
                    _(ROLE_ONLY[cmd.role]).format(command=cmd.name),
                )
            try:
                return cmd.handler(turn, args)
            except DeskError as error:
                return Reply(ReplyKind.REFUSAL, str(error))
            except sqlite3.OperationalError as error:  # read-only, disk full, file gone
                return cannot_write(error)
        if text.startswith("/") and (msg.is_direct or msg.addressed):
            name = text[1:].split(maxsplit=1)[0].split("@", 1)[0] if len(text) > 1 else ""
            shown = name[:MAX_COMMAND_NAME] or "/"
            return Reply(
                ReplyKind.REFUSAL,
                _("I don't know the command /{command}. Send /help for the list.").format(
                    command=shown
                ),
            )
        if msg.is_direct or msg.addressed:
            limited = self._limited(msg)
            if limited is not None:
                return limited or None
            number = picked_number(text)
            picked = self.pick(msg, number) if number is not None else None
            return picked or self.check(text, msg)
        return self._watch(text, msg)

    def admit(self, msg: Incoming) -> Reply | Literal[False] | None:
        """Whether a request may go ahead: every kind a person makes (a message or command to
        the core, a button, an inline query) counts against their per-user request limit.
        None: go ahead; a polite refusal the first time the limit is hit (logged once);
        False: stay silent until the limit has room again."""
        if msg.platform == Platform.CONSOLE:
            return None
        verdict = self.request_limit.check(f"{msg.platform}:{msg.user_id}")
        if verdict.allowed:
            return None
        if not verdict.warn:
            return False
        log.warning("request limit: refusing %s:%s for a while", msg.platform, msg.user_id)
        return Reply(
            ReplyKind.REFUSAL,
            _(
                "Sorry, you are sending me requests faster than I can answer them. "
                "Please try again in {seconds} seconds."
            ).format(seconds=f"{verdict.retry_after:.0f}"),
        )

    def first_delivery(self, platform: str, delivery_id: str, seconds: float = 600.0) -> bool:
        """True the first time a platform delivers this id (a Slack event id or a slash
        command's trigger id) to any worker on this base within ``seconds``; False for a
        redelivery or a replay. If the base cannot be written, every delivery is a first."""
        try:
            return self.state.first_within(Scope(platform), f"delivery:{delivery_id}", seconds)
        except sqlite3.OperationalError:
            return True

    def _limited(self, msg: Incoming) -> Reply | Literal[False] | None:
        """None when the check may go ahead; a polite refusal the first time a limit is hit;
        False (stay silent) for further messages until the limit has room again. The operator
        at the console is not limited: it is their own bot."""
        if msg.platform == Platform.CONSOLE:
            return None
        limits = [self.user_limit.check(f"{msg.platform}:{msg.user_id}")]
        if not msg.is_direct and limits[0].allowed:
            limits.append(self.group_limit.check(f"{msg.platform}:{msg.chat_id}"))
        refused = [v for v in limits if not v.allowed]
        if not refused:
            return None
        if self.observer is not None:
            self.observer.limited(msg.platform)
        if not any(v.warn for v in refused):
            return False
        log.info("rate limit: %s:%s in %s", msg.platform, msg.user_id, msg.chat_id)
        wait = max(v.retry_after for v in refused)
        if not limits[0].allowed:
            text = _(
                "Sorry, you are sending questions faster than I can check them. "
                "Please try again in {seconds} seconds."
            )
        else:
            text = _(
                "Sorry, this chat is sending questions faster than I can check them. "
                "Please try again in {seconds} seconds."
            )
        return Reply(ReplyKind.REFUSAL, text.format(seconds=f"{wait:.0f}"))

    def check_asked(self, text: str, msg: Incoming) -> Reply | None:
        """A check asked for with /check (how groups ask, and Slack's message shortcut): it
        counts against the same abuse limits as any other."""
        limited = self._limited(msg)
        if limited is not None:
            return limited or None
        return self.check(text, msg)

    def decided_by_words(self, msg: Incoming) -> bool:
        """Whether ``msg`` is a question (or a /check) whose check reads no embedding model:
        words decide it, or its result is kept (:meth:`Matcher.decided_by_words`, which keeps
        the result for the handling that follows). Anything else is not looked at: False (a
        command, a photo or another file, a message in a group not meant for the bot, an
        answer in a guided dialogue, whose last step may add a claim and embed it). bot.runner
        asks, to run such a check where it is, not on a thread. It follows :meth:`_handle`'s
        way to :meth:`check` without its replies; where the two part, a wrong guess changes
        only where the message is handled, never what it is answered."""
        if msg.image is not None or msg.attachment is not None:
            return False
        if not (msg.is_direct or msg.addressed):
            return False
        text = clean_text(msg.text)
        if self.commands.dialogue(self.turn(msg)) is not None:
            return False
        command = self._parse_command(text, msg)
        if command is not None:
            cmd, args = command
            if cmd.name != "check":
                return False
            text = args
        elif text.startswith("/"):
            return False
        return self.matcher.decided_by_words(text.strip())

    def check(self, text: str, msg: Incoming) -> Reply | None:
        """Fact-check a piece of text and build the reply."""
        text = text.strip()
        if msg.image is not None:  # a photo: its text and caption (core.media)
            return image_reply(self, msg, text)
        if msg.attachment is not None:  # a voice message, a video, a file: its caption only
            return attachment_reply(self, msg, text)
        said = small_talk(text)
        if said is not None:
            return Reply(ReplyKind.TEXT, small_talk_reply(said))
        links = only_links(text)
        if links:  # known links answered, unknown ones read or queued (core.media)
            return link_reply(self, msg, text, links)
        problem = unusable_text(text)
        if problem:
            return Reply(ReplyKind.REFUSAL, problem, query=text[:200])
        started = time.perf_counter()
        result = self.matcher.match(text)
        if msg.forwarded and self._seen_in_burst(msg, result):
            return None
        if result.decision == Decision.NONE and (shared := find_links(text)):
            # Words that find nothing beside a link ("is this true? t.me/…", "fact check pls"):
            # the link is what was shared.
            return link_reply(self, msg, text, shared)
        return self.record(msg, self.reply_for(result), started, embedded=result.embedded)

    def record(
        self, msg: Incoming, reply: Reply, started: float | None = None, *, embedded: bool = False
    ) -> Reply:
        """Log the answer and queue what had none (``bot.answer_log``); a check that
        ``started`` (``time.perf_counter()``) is told to the observer with its time, and
        whether the question was decided with the semantic model (``embedded``)."""
        recorded = self.answers.record(msg, reply)
        if started is not None and self.observer is not None and recorded.decision is not None:
            seconds = time.perf_counter() - started
            self.observer.checked(msg.platform, recorded.decision.value, seconds, embedded)
        return recorded

    def pick(self, msg: Incoming, number: int) -> Reply | None:
        """A number sent after a list of suggestions: that suggestion's full answer."""
        offered = self.state.get(conversation_scope(msg), LAST_SUGGESTIONS)
        if not offered:
            return None
        if not 1 <= number <= len(offered):
            if len(offered) == 1:
                return Reply(ReplyKind.REFUSAL, _("There was one suggestion: send 1 to see it."))
            return Reply(
                ReplyKind.REFUSAL,
                _("Pick one of the suggestions: a number from 1 to {count}.").format(
                    count=len(offered)
                ),
            )
        return self.show_claim(str(offered[number - 1]), msg)

    # -- the loop with moderators ---------------------------------------------------------

    def subscribe(self, msg: Incoming, queue_id: int) -> Reply:
        """ "Notify me when this is checked": only for a question this person asked. Whether
        someone else's number exists is not revealed."""
        return self._speaking(msg, lambda: self.answers.subscribe(msg, queue_id))

    def feedback(self, msg: Incoming, answer_id: int, helpful: bool) -> Reply:
        """ "Did this answer your question?" — a no sends the question to the moderators.
        Only the person who was given the answer may rate it."""
        return self._speaking(msg, lambda: self.answers.rate(msg, answer_id, helpful))

    def pending_notifications(self, platform: str) -> list[tuple[Notification, Reply]]:
        """Notifications waiting for this platform, each with the reply to send. Call
        :meth:`notification_delivered` after sending each one."""
        pending = []
        for note in self.desk.notices.pending(platform):
            claim = self.base.get(note.claim_id)
            if claim is None or claim.status != "published":
                self.desk.notices.delivered(note.id)
                continue
            # In a private chat the chat is the person: their chosen language, else the one
            # they last wrote in, else English.
            language = self.languages.for_person(platform, note.chat_id, None)
            reply = notice_reply(claim, language, note.kind, note.question, note.old_verdict)
            pending.append((note, reply))
        return pending

    def notification_delivered(self, notification_id: int) -> None:
        self.desk.notices.delivered(notification_id)

    def show_claim(self, claim_id: str, msg: Incoming) -> Reply:
        """The full answer for one claim, e.g. when a suggestion button is tapped."""
        if _current_language() != "en":  # inside handle (/show, a picked number): as it is
            return self._show_claim(claim_id, msg)
        return self._speaking(msg, lambda: self._show_claim(claim_id, msg))

    def _show_claim(self, claim_id: str, msg: Incoming) -> Reply:
        if not claim_id or len(claim_id) > 200 or clean_text(claim_id) != claim_id:
            return Reply(ReplyKind.REFUSAL, _("That is not the id of a fact-check."))
        claim = self.base.get(claim_id)
        if claim is None:
            return Reply(
                ReplyKind.REFUSAL,
                _("There is no fact-check with the id {id}.").format(id=claim_id),
            )
        if claim.status != "published":
            return Reply(ReplyKind.REFUSAL, _("That fact-check is no longer available."))
        view = claim_view(claim, None)
        return Reply(
            ReplyKind.ANSWER,
            query=claim.claim,
            decision=Decision.ANSWER,
            matches=(view,),
            notes=(_("You chose this fact-check."), *language_notes(view)),
        )

    def search(self, text: str, limit: int = 5) -> list[ClaimView]:
        """Up to ``limit`` plausible fact-checks for a text, best first (inline search)."""
        text = clean_text(text).strip()
        if unusable_text(text):
            return []
        result = self.matcher.match(text)
        floor = self.settings.matching.suggest_threshold
        ranked = [m for m in result.ranked if m.score >= floor][:limit]
        claims = self.base.get_many([m.claim_id for m in ranked])
        return [claim_view(claims[m.claim_id], m) for m in ranked if m.claim_id in claims]

    # -- internals ----------------------------------------------------------------------

    def _parse_command(self, text: str, msg: Incoming) -> tuple[Command, str] | None:
        if text.startswith("/"):
            head, args = split_head(text[1:])
            name = head.split("@", 1)[0]
        elif msg.bare_commands and text.strip():
            # Without the slash only an exact command form is a command: "Verdict on
            # whether…" or "No one paid them?" is a question.
            name, args = split_head(text.strip())
            exact = self.commands.exact(name, args) if len(name) <= MAX_COMMAND_NAME else None
            return None if exact is None else (exact, args.strip())
        else:
            return None
        command = self.commands.get(name) if len(name) <= MAX_COMMAND_NAME else None
        if command is None:
            return None
        return command, args.strip()

    def reply_for(self, result: MatchResult) -> Reply:
        """The reply to a question, from what matching decided (``bot.views``)."""
        claims = self.base.get_many([m.claim_id for m in result.matches])
        return match_reply(result, claims, self.settings.matching)

    def _seen_in_burst(self, msg: Incoming, result: MatchResult) -> bool:
        """True when this forward's claim was already answered in the same batch of forwards."""
        now = self.clock()
        burst = self._bursts.setdefault((msg.platform, msg.chat_id), _Burst())
        if now - burst.last_seen > self.settings.forward_burst_seconds:
            burst.answered.clear()
        burst.last_seen = now
        key = ",".join(m.claim_id for m in result.matches) or f"<{result.decision}>"
        if key in burst.answered:
            return True
        burst.answered.add(key)
        return False

    def _watch(self, text: str, msg: Incoming) -> Reply | None:
        """Unaddressed group message: speak only in watch mode, only to correct a falsehood."""
        if not self.chats.watching(msg.platform, msg.chat_id) or unusable_text(text):
            return None
        result = self.matcher.match(text)
        if result.decision != Decision.ANSWER:
            return None
        best = result.matches[0]
        claim = self.base.get(best.claim_id)
        if claim is None or not verdicts.get(claim.verdict).falsy:
            return None
        cooldown = self.settings.watch_cooldown_seconds
        where = Scope(msg.platform, msg.chat_id)
        try:
            first = self.state.first_within(where, f"watch:{claim.id}", cooldown)
        except sqlite3.OperationalError:
            return None  # the cooldown cannot be kept: stay quiet rather than repeat
        if not first:
            return None
        # The correction answers the post, for everyone in the group: in the post's language
        # (not kept as its writer's: they asked the bot nothing).
        language = detect(text) or _current_language()
        with use_language(language):
            reply = self.record(msg, self.reply_for(result))
        return replace(reply, language=language)


def open_core(
    db_path: str | Path | None = None, settings: Settings | None = None, *, serving: bool = False
) -> Core:
    """Open (creating and seeding on first use) the claim base and build the bot on it.

    ``serving``: a bot that runs for a while (the console chat, Telegram, Slack). What its
    first question would wait for (the embedding engine: about 1 s) is loaded now, in the
    background. ``factbot ask`` does not: a question decided by words never waits for it."""
    core = Core(ClaimBase.open(db_path), settings)
    if serving:
        threading.Thread(target=core.matcher.prepare, name="prepare-matcher", daemon=True).start()
    return core
