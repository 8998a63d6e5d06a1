"""What a chat adapter may ask of the core, and what it gets back.

The console, Telegram and Slack adapters are typed against :class:`FactChecker`, never against
the class that implements it (:class:`bot.core.Core`): an adapter turns a platform's events into
:class:`~bot.messages.Incoming` messages, calls these methods (on a worker thread, through
:class:`bot.runner.CoreRunner`, when it runs an event loop) and renders the
:class:`~bot.messages.Reply` it gets back in the platform's own format.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal, Protocol

from bot.messages import ClaimView, Incoming, Reply

if TYPE_CHECKING:
    from bot.commands import CommandRegistry


class PendingNote(Protocol):
    """A notice waiting for delivery: its id (to mark it delivered) and the chat it goes to."""

    @property
    def id(self) -> int: ...

    @property
    def chat_id(self) -> str: ...


class FactChecker(Protocol):
    """The core as the adapters see it."""

    @property
    def commands(self) -> CommandRegistry:
        """Every command, with its usage, help text and role (for menus and help)."""
        ...

    def handle(self, msg: Incoming) -> Reply | None:
        """The reply to a message (``None``: stay silent, e.g. an unaddressed group message)."""
        ...

    def admit(self, msg: Incoming) -> Reply | Literal[False] | None:
        """Over the request limits: a refusal to send, or ``False`` (say nothing); else ``None``."""
        ...

    def first_delivery(self, platform: str, delivery_id: str) -> bool:
        """Whether this event is seen for the first time (platforms deliver some twice)."""
        ...

    def show_claim(self, claim_id: str, msg: Incoming) -> Reply:
        """A claim's full answer (a suggestion button was tapped)."""
        ...

    def search(self, text: str, limit: int = 5) -> list[ClaimView]:
        """The claims best matching ``text`` (Telegram's inline mode)."""
        ...

    def language_of(self, msg: Incoming, text: str = "") -> str:
        """The language to answer ``msg`` in."""
        ...

    def feedback(self, msg: Incoming, answer_id: int, helpful: bool) -> Reply:
        """Record whether an answer helped."""
        ...

    def subscribe(self, msg: Incoming, queue_id: int) -> Reply:
        """Tell the asker when a queued question has been checked."""
        ...

    def pending_notifications(self, platform: str) -> Sequence[tuple[PendingNote, Reply]]:
        """Notices waiting for delivery on ``platform``, each with the reply to send."""
        ...

    def notification_delivered(self, notification_id: int) -> None:
        """Mark a notice sent, so it is not sent again."""
        ...
