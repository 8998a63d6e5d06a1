"""The fact-checking desk: moderators' changes to the claim base, and the loop between users
and moderators (the queue of unanswered questions, notifications, feedback, statistics).

:class:`Desk` composes one part per concern, all on the claim base's connection::

    desk.roles.grant(platform, user_id, by)       desk.queue.add(question)
    desk.claims.set_verdict(claim_id, ..., by)    desk.notices.pending(platform)
    desk.answers.log(platform, chat_id, ...)      desk.undo(by)

================  ==========================================================================
module            what it holds
================  ==========================================================================
``change``        :class:`Actor`, :class:`DeskError`, ``recorded``: one transaction per change
                  with its audit rows (:mod:`knowledge.audit`)
``roles``         :class:`Roles`: who moderates (roles are data, not code)
``claims``        :class:`ClaimEdits`: add a claim, a source, an alias, an image…; verdict,
                  edit, translate, retract/restore; a claim's history
``resolve``       after a change, the queued questions the base can now answer
``queue``         :class:`Queue`: questions nobody could answer; /link
``notices``       :class:`Notices`: subscriptions and the notifications waiting for delivery
``answers``       :class:`Answers`: the answers log, feedback, /stats
``history``       audit entries as the lines of /history
================  ==========================================================================

Imports run one way: ``answers`` → ``queue`` → ``claims`` → ``notices``/``resolve`` →
``change``. Every change to a claim or a role is recorded, with who, where, when and the rows
before and after, and can be undone (:meth:`Desk.undo`, whatever part made it).

What is kept about people (see the README): the queue keeps question texts, not who asked;
a subscription keeps only the platform and chat id, and is deleted when its notification is
created; a notification is deleted once delivered; the answers log keeps the platform, chat
id, question and verdict given for ``retention_days`` (the corrections window), then is pruned.
Per-conversation state (:mod:`knowledge.state`) keeps, per platform user id, the ids of the
answers and queued questions that are theirs (no text) for the same window, and an unfinished
guided /add for a day; expired rows are ignored and pruned.
"""

from __future__ import annotations

from knowledge import audit
from knowledge.desk.answers import Answers
from knowledge.desk.change import Actor, DeskError
from knowledge.desk.claims import EDITABLE_FIELDS, ClaimEdits
from knowledge.desk.history import describe_change, group_changes
from knowledge.desk.notices import Notices, Notification
from knowledge.desk.queue import Queue, QueueEntry
from knowledge.desk.roles import Roles
from knowledge.matching import Matcher
from knowledge.store import ClaimBase

__all__ = [
    "EDITABLE_FIELDS",
    "Actor",
    "Desk",
    "DeskError",
    "Notification",
    "QueueEntry",
    "describe_change",
    "group_changes",
]


class Desk:
    """The desk's parts, sharing one claim base (and so one connection)."""

    def __init__(self, base: ClaimBase, matcher: Matcher, *, retention_days: float = 30) -> None:
        self.base = base
        self.matcher = matcher
        self.roles = Roles(base)
        self.notices = Notices(base, retention_days=retention_days)
        self.claims = ClaimEdits(base, matcher, self.notices)
        self.queue = Queue(base, self.claims)
        self.answers = Answers(base, self.queue, retention_days=retention_days)

    def undo(self, by: Actor) -> tuple[str, str | None] | None:
        """Undo ``by``'s last change not undone yet (a claim edit, a role…), as a new change.
        Returns its action and claim id, or None when there is nothing to undo."""
        undone = audit.undo(self.base, by.key, by.platform)
        if undone is not None and undone[1] and self.matcher.semantic is not None:
            self.matcher.semantic.sync(claim_ids=[undone[1]])
        return undone
