"""What the core keeps of each answer it gives, and what may follow from it.

Each answer: a row in the answers log (for feedback, corrections and statistics), a question
nobody has checked put in the fact-checkers' queue, and in the conversation's state
(``bot.conversation``) the last answer, the suggestions offered, and what is whose. Reading
works without it: when the claim base cannot be written, the answer is given all the same
(and the problem logged once). Then only the person who asked may rate the answer (/yes,
/no, the buttons) or ask to be told when their question is checked (/notify).
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import replace

from bot.conversation import (
    LAST_ANSWER,
    LAST_QUEUED,
    LAST_SUGGESTIONS,
    OWN_ANSWERS,
    OWN_QUESTIONS,
    conversation_scope,
    owner_scope,
)
from bot.i18n import _
from bot.messages import ClaimView, Incoming, Reply, ReplyKind
from knowledge.desk import Desk
from knowledge.models import Decision
from knowledge.state import ConversationState
from knowledge.store import ClaimBase

log = logging.getLogger(__name__)

DAY = 86400.0


class AnswerLog:
    """The answers log of one core, its queue and what is whose (kept ``keep_seconds``)."""

    def __init__(
        self, base: ClaimBase, desk: Desk, state: ConversationState, keep_seconds: float
    ) -> None:
        self.base = base
        self.desk = desk
        self.state = state
        self.keep_seconds = keep_seconds
        self._failing = False  # the answers log could not be written (warned once)

    def record(self, msg: Incoming, reply: Reply) -> Reply:
        """Log the answer (for feedback, corrections and statistics); queue what had none."""
        if reply.decision is None:
            return reply
        best = reply.matches[0] if reply.matches else None
        try:
            answer_id, queue_id = self._log(msg, reply, best)
        except sqlite3.OperationalError as error:
            # Reading works, so answer; without the log there is nothing to rate or notify.
            if not self._failing:
                log.warning(
                    "answering without the answers log: the claim base cannot be written (%s)",
                    write_problem(error),
                )
            self._failing = True
            return reply
        if self._failing:
            log.warning("the answers log is written again")
            self._failing = False
        if reply.decision == Decision.NONE and queue_id is None:
            # Nothing in it a fact-checker could look up: say so, don't claim it was sent.
            reply = replace(
                reply,
                text=_(
                    "I found no fact-check for that. Send me the claim in words — who said "
                    "what — and I'll look again."
                ),
            )
        return replace(reply, answer_id=answer_id, queue_id=queue_id)

    def _log(self, msg: Incoming, reply: Reply, best: ClaimView | None) -> tuple[int, int | None]:
        assert reply.decision is not None
        with self.base.transaction():
            answer_id = self.desk.answers.log(
                msg.platform,
                msg.chat_id,
                reply.query,
                reply.decision.value,
                best.id if best else None,
                best.verdict if best else None,
            )
            self.state.put(conversation_scope(msg), LAST_ANSWER, answer_id, self.keep_seconds)
            self.state.remember(owner_scope(msg), OWN_ANSWERS, answer_id, self.keep_seconds)
            queue_id = None
            if reply.decision == Decision.SUGGEST:
                offered = [view.id for view in reply.matches]
                self.state.put(conversation_scope(msg), LAST_SUGGESTIONS, offered, DAY)
            else:
                # A number picks from the list this person was last shown: after an answer or
                # a "nothing found", an older list is no longer on their screen.
                self.state.forget(conversation_scope(msg), LAST_SUGGESTIONS)
            if reply.decision == Decision.NONE:
                queue_id = self.desk.queue.add(reply.query)
                if queue_id is not None:
                    self.own_question(msg, queue_id)
        return answer_id, queue_id

    def own_question(self, msg: Incoming, queue_id: int) -> None:
        """A question this person asked that nobody had checked: theirs to /notify."""
        self.state.put(conversation_scope(msg), LAST_QUEUED, queue_id, self.keep_seconds)
        self.state.remember(owner_scope(msg), OWN_QUESTIONS, queue_id, self.keep_seconds)

    def subscribe(self, msg: Incoming, queue_id: int) -> Reply:
        """ "Notify me when this is checked": only for a question this person asked. Whether
        someone else's number exists is not revealed."""
        if not self.state.holds(owner_scope(msg), OWN_QUESTIONS, queue_id):
            log.info("refused a subscription by %s:%s to a question not theirs", *msg_who(msg))
            return Reply(
                ReplyKind.REFUSAL,
                _(
                    "I can only tell you about a question you asked me yourself: ask it here, "
                    "then send /notify."
                ),
            )
        try:
            subscribed = self.desk.notices.subscribe(queue_id, msg.platform, msg.chat_id)
        except sqlite3.OperationalError as error:
            return cannot_write(error)
        if not subscribed:
            return Reply(ReplyKind.TEXT, _("That question has been answered already: ask again."))
        return Reply(
            ReplyKind.TEXT,
            _(
                "I'll tell you here when fact-checkers have checked it. (I keep only this chat's "
                "id for that, and delete it once you're told.)"
            ),
        )

    def rate(self, msg: Incoming, answer_id: int, helpful: bool) -> Reply:
        """ "Did this answer your question?" — a no sends the question to the moderators.
        Only the person who was given the answer may rate it."""
        if not self.state.holds(owner_scope(msg), OWN_ANSWERS, answer_id):
            log.info("refused feedback by %s:%s on an answer not theirs", *msg_who(msg))
            return Reply(ReplyKind.REFUSAL, _("Only the person who asked can rate that answer."))
        try:
            return self._feedback(msg, answer_id, helpful)
        except sqlite3.OperationalError as error:
            return cannot_write(error)

    def _feedback(self, msg: Incoming, answer_id: int, helpful: bool) -> Reply:
        question = self.desk.answers.feedback(answer_id, helpful)
        if question is None:
            return Reply(ReplyKind.TEXT, _("Thanks! (That answer is too old to rate.)"))
        if helpful:
            return Reply(ReplyKind.TEXT, _("Thanks for telling me!"))
        with self.base.transaction():
            queue_id = self.desk.queue.add(question)
            if queue_id is not None:
                self.own_question(msg, queue_id)
        return Reply(
            ReplyKind.TEXT,
            _(
                "Thanks — I've passed your question to the fact-checkers. Send /notify to hear "
                "when it's checked."
            ),
            queue_id=queue_id,
        )


def cannot_write(error: sqlite3.OperationalError) -> Reply:
    """A change the claim base refused (read-only, disk full, its file gone): said
    plainly, and logged as the error it is."""
    problem = write_problem(error)
    log.error("a change was refused: the claim base cannot be written (%s)", problem)
    return Reply(
        ReplyKind.REFUSAL,
        _(
            "The claim base cannot be changed just now ({problem}), so nothing was changed. "
            "Please tell whoever runs this bot."
        ).format(problem=problem),
    )


def msg_who(msg: Incoming) -> tuple[str, str]:
    return msg.platform, msg.user_id


def write_problem(error: sqlite3.OperationalError) -> str:
    """Why the claim base refused a write, in a few words for people."""
    text = str(error)
    if "readonly" in text or "read-only" in text:
        return _("it is read-only")
    if "full" in text:
        return _("the disk is full")
    if "locked" in text or "busy" in text:
        return _("it is busy")
    return text
