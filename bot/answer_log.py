"""What the core keeps of each answer it gives: a row in the answers log (for feedback,
corrections and statistics), a question nobody has checked put in the fact-checkers' queue,
and in the conversation's state (``bot.conversation``) the last answer, the suggestions
offered, and what is whose. Reading works without it: when the claim base cannot be written,
the answer is given all the same (and the problem logged once)."""

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
from bot.messages import ClaimView, Incoming, Reply
from knowledge.desk import Desk
from knowledge.models import Decision
from knowledge.state import ConversationState
from knowledge.store import ClaimBase

log = logging.getLogger(__name__)

DAY = 86400.0


class AnswerLog:
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
            if reply.decision == Decision.NONE:
                queue_id = self.desk.queue.add(reply.query)
                if queue_id is not None:
                    self.own_question(msg, queue_id)
        return answer_id, queue_id

    def own_question(self, msg: Incoming, queue_id: int) -> None:
        """A question this person asked that nobody had checked: theirs to /notify."""
        self.state.put(conversation_scope(msg), LAST_QUEUED, queue_id, self.keep_seconds)
        self.state.remember(owner_scope(msg), OWN_QUESTIONS, queue_id, self.keep_seconds)


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
