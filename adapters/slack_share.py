"""Slack's "Share in channel" button: the answer the asker saw privately, posted for everyone.

The answers offered with the button are remembered, so sharing posts exactly what the asker
saw. The button's value holds a random key to that answer (a crafted value cannot reach
someone else's question) beside the claim id, the match score and the question: after a
restart, or once the answer has left the memory, those are enough to rebuild it.
"""

from __future__ import annotations

import json
import secrets
from collections import OrderedDict
from dataclasses import replace

from adapters.slack_events import Where
from bot.contract import FactChecker
from bot.messages import Incoming, Platform, Reply, ReplyKind


class SharedAnswers:
    """The answers offered with a "Share in channel" button, the latest ``size`` of them."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._offered: OrderedDict[str, Reply] = OrderedDict()

    def offer(self, reply: Reply) -> str:
        """Remember an answer (with at least one match); return its button's value."""
        key = secrets.token_urlsafe(12)
        self._offered[key] = reply
        while len(self._offered) > self._size:
            self._offered.popitem(last=False)
        best = reply.matches[0]
        # A button value holds 2,000 characters: the question is cut well inside that, even
        # if every character needs escaping.
        value = {"k": key, "c": best.id, "s": round(best.score, 4), "q": reply.query[:600]}
        return json.dumps(value, ensure_ascii=False)

    def recall(self, value: str, where: Where, core: FactChecker) -> Reply | None:
        """The answer a button's value shares, or None when it is gone (withdrawn since, or
        a value that is not ours)."""
        try:
            data = json.loads(value)
        except ValueError:
            return None
        if not isinstance(data, dict):
            return None
        cached = self._offered.get(str(data.get("k")))
        if cached is not None and cached.matches and cached.matches[0].id == data.get("c"):
            # The notes spoke to the asker ("your message was long…"), not to the channel.
            return replace(cached, notes=())
        if not data.get("c"):
            return None
        query = str(data.get("q") or "")
        msg = Incoming(
            platform=Platform.SLACK,
            chat_id=where.channel,
            user_id=where.user,
            text=query,
            is_direct=False,
        )
        reply = core.show_claim(str(data["c"]), msg)
        if reply.kind is not ReplyKind.ANSWER or not reply.matches:
            return None  # withdrawn since: nothing to share
        score = data.get("s")
        best = reply.matches[0]
        if isinstance(score, int | float) and 0 <= score <= 1:
            best = replace(best, score=float(score), matched=True)  # the asker's own match
        return replace(reply, query=query or reply.query, matches=(best,), notes=())
