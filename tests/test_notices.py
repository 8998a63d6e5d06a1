"""The notice delivery both chat platforms share (adapters/notices.py), with a stand-in core.

Each platform's own test drives it through the real API fakes (test_slack_app, test_telegram_app);
here the algorithm itself: sent, dropped, postponed, and the loop that runs it.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

import pytest

from adapters import notices
from adapters.notices import Postponed, Undeliverable
from bot.contract import PendingNote
from bot.messages import Reply, ReplyKind

log = logging.getLogger("factbot.test")


@dataclass(frozen=True)
class Note:
    id: int
    chat_id: str


class Core:
    """Just the two calls the delivery makes."""

    def __init__(self, *chats: str) -> None:
        self.notes = [Note(i, chat) for i, chat in enumerate(chats, 1)]
        self.delivered: list[int] = []

    def pending_notifications(self, platform: str) -> list[tuple[Note, Reply]]:
        assert platform == "test"
        left = [n for n in self.notes if n.id not in self.delivered]
        return [(n, Reply(kind=ReplyKind.TEXT, text=f"notice {n.id}")) for n in left]

    def notification_delivered(self, notification_id: int) -> None:
        self.delivered.append(notification_id)


async def test_sent_dropped_and_postponed(caplog: pytest.LogCaptureFixture) -> None:
    core = Core("ok", "gone", "down", "ok")
    sent: list[str] = []

    async def send(note: PendingNote, reply: Reply) -> None:
        if note.chat_id == "gone":
            raise Undeliverable("chat not found")
        if note.chat_id == "down":
            raise Postponed("bad gateway")
        sent.append(reply.text)

    assert await notices.deliver(core, "test", send, log) == 1  # type: ignore[arg-type]
    assert sent == ["notice 1"]
    assert core.delivered == [1, 2]  # the undeliverable one dropped; the rest wait
    assert "dropping a notification for chat gone: chat not found" in caplog.text
    assert "notifications postponed: bad gateway" in caplog.text


async def test_the_loop_waits_if_asked_and_outlives_a_failed_round(
    caplog: pytest.LogCaptureFixture,
) -> None:
    rounds: list[float] = []
    loop = asyncio.get_running_loop()
    start = loop.time()
    two_rounds = asyncio.Event()

    async def deliver_round() -> None:
        rounds.append(loop.time() - start)
        if len(rounds) == 2:
            two_rounds.set()
        raise RuntimeError("the claim base is locked")

    for wait_first in (False, True):
        rounds.clear()
        two_rounds.clear()
        start = loop.time()
        task = asyncio.create_task(
            notices.deliver_forever(deliver_round, log, interval=0.3, wait_first=wait_first)
        )
        await asyncio.wait_for(two_rounds.wait(), timeout=10)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert (rounds[0] >= 0.3) is wait_first
    assert caplog.text.count("could not deliver notifications") >= 4
