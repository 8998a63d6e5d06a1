"""What the core remembers of a conversation, under which name and for whom.

Kept in the claim base (:class:`knowledge.state.ConversationState`), so that every worker
shares it. Per conversation (this person in this chat): the last answer given (for /yes and
/no), the last unanswered question (for /notify), the suggestions last offered (for a number
picking one) and a guided dialogue under way (``bot.dialogues``). Per person, in whatever chat:
the answers they were given and the questions they asked, so that only they may rate or follow
them.
"""

from __future__ import annotations

from bot.messages import Incoming
from knowledge.state import Scope

LAST_ANSWER = "last_answer"  # the answer /yes and /no rate, per person and chat
LAST_QUEUED = "last_queued"  # the question /notify subscribes to, per person and chat
LAST_SUGGESTIONS = "last_suggestions"  # the claims last offered, per person and chat
# What is a person's own, for buttons and /notify: the answers they were given and the
# questions they asked that nobody had checked, kept as long as the answers log.
OWN_ANSWERS = "own_answers"
OWN_QUESTIONS = "own_questions"


def conversation_scope(msg: Incoming) -> Scope:
    """This person in this chat."""
    return Scope(msg.platform, msg.chat_id, msg.user_id)


def owner_scope(msg: Incoming) -> Scope:
    """This person, in whatever chat: whose answers and questions are whose."""
    return Scope(msg.platform, "", msg.user_id)
