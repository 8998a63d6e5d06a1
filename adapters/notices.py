"""Delivering the core's pending notices, the same way on every platform.

A moderator links a queued question to a fact-check, or a verdict changes: the core keeps a
notice for each person who asked to be told (``FactChecker.pending_notifications``). Every
round, each notice is sent with the platform's own ``send`` and marked delivered. ``send``
says what went wrong in the algorithm's terms:

- :class:`Undeliverable`: this chat can never be reached (the bot blocked, the channel gone):
  the notice is dropped (marked delivered), and the round goes on;
- :class:`Postponed`: nothing can be sent now (an outage, a rate limit, a token being fixed):
  the round stops, and this notice and the rest wait for the next one.

Any other error ends the round too; :func:`deliver_forever` logs it and tries again later.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from bot.contract import FactChecker, PendingNote
from bot.messages import Reply

NOTIFY_INTERVAL_SECONDS = 30  # how often pending notices are sent

Send = Callable[[PendingNote, Reply], Awaitable[object]]


class Undeliverable(Exception):
    """This notice can never be delivered: it is dropped."""


class Postponed(Exception):
    """No notice can be delivered now: the rest wait for the next round."""


async def deliver(core: FactChecker, platform: str, send: Send, log: logging.Logger) -> int:
    """One round: send every pending notice for ``platform``; return how many were sent."""
    sent = 0
    for note, reply in core.pending_notifications(platform):
        try:
            await send(note, reply)
            sent += 1
        except Undeliverable as error:
            log.warning("dropping a notification for chat %s: %s", note.chat_id, error)
        except Postponed as error:
            log.warning("notifications postponed: %s", error)
            break
        core.notification_delivered(note.id)
    return sent


async def deliver_forever(
    deliver_round: Callable[[], Awaitable[object]],
    log: logging.Logger,
    *,
    interval: float = NOTIFY_INTERVAL_SECONDS,
    wait_first: bool = False,
) -> None:
    """Run ``deliver_round`` every ``interval`` seconds (at once first, unless
    ``wait_first``) until cancelled; a round that fails is logged on the platform's ``log``
    (which the metrics count errors of) and the next one comes all the same."""
    if wait_first:
        await asyncio.sleep(interval)
    while True:
        try:
            await deliver_round()
        except Exception:
            log.exception("could not deliver notifications")
        await asyncio.sleep(interval)
